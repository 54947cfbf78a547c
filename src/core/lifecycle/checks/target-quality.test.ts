import { describe, expect, it } from 'vitest';
import { profile } from '../../../../test/fixtures/build-form.ts';
import type { Form, Indicator } from '../../form/schema.ts';
import type { Profile } from '../../rules/profile.ts';
import { declaration, ind } from '../test-forms.ts';
import { checkTargets } from './target-quality.ts';

const national = profile('national');
const codes = (form: Form, p: Profile = national, code?: string) =>
  checkTargets(form, p).filter((f) => code === undefined || f.code === code);
const withRow = (i: number, patch: Partial<Indicator>): Form => {
  const d = declaration();
  d.indicators[i] = { ...d.indicators[i]!, ...patch };
  return d;
};
const withProfile = (patch: Partial<Profile['lifecycle']['targets']>): Profile => ({
  ...national,
  lifecycle: { ...national.lifecycle, targets: { ...national.lifecycle.targets, ...patch } },
});

describe('target quality (lifecycle.md §4.1)', () => {
  it('a well-made declaration has no findings', () => {
    expect(checkTargets(declaration(), national)).toEqual([]);
  });

  it('T01 placeholders and blanks', () => {
    for (const t of ['**', '≥**人次', '_', '-', '']) {
      const f = codes(withRow(0, { target: t }), national, 'T01');
      expect(f, t).toHaveLength(1);
      expect(f[0]).toMatchObject({ severity: 'error', row: 0, field: 'indicators[0].target' });
    }
    expect(codes(withRow(0, { target: '≥12000人次' }), national, 'T01')).toEqual([]);
  });

  it('T02 quantitative target without unit', () => {
    const f = codes(withRow(0, { target: '≥12000' }), national, 'T02');
    expect(f.map((x) => x.message)).toEqual([
      '产出指标 / 数量指标 / 助餐服务人次：定量指标值“≥12000”缺少计量单位。',
    ]);
    // the unit printed in its own column counts
    expect(codes(withRow(0, { target: '≥12000', unit: '人次' }), national, 'T02')).toEqual([]);
  });

  it('T03 directional-only qualitative target', () => {
    expect(codes(withRow(4, { target: '有效提升' }), national, 'T03')).toHaveLength(1);
    expect(codes(withRow(4, { target: '进一步明显改善' }), national, 'T03')).toHaveLength(1);
    expect(codes(withRow(4, { target: '独居老人每日按时就餐' }), national, 'T03')).toEqual([]);
  });

  it('T04 cost row with ≥', () => {
    const f = codes(withRow(3, { target: '≥15元/人次' }), national, 'T04');
    expect(f).toHaveLength(1);
    expect(f[0]!.evidence).toMatchObject({ comparator: '>=' });
    expect(codes(withRow(3, { target: '=15元/人次' }), national, 'T04')).toEqual([]);
  });

  it('T05 no 满意度 row although the project serves users; exemption per profile', () => {
    const d = declaration();
    d.indicators = d.indicators.filter((r) => !r.level1.includes('满意度'));
    expect(codes(d, national, 'T05')).toHaveLength(1);
    const noUsers = declaration({
      projectName: '办公楼电梯更换',
      goals: { expected: '更换电梯两部。', actual: '' },
    });
    noUsers.indicators = [
      ind('产出指标', '数量指标', '更换电梯数量', '2部'),
      ind('效益指标', '社会效益指标', '运行安全', '全年无安全事故'),
    ];
    expect(codes(noUsers, national, 'T05')).toEqual([]);
    expect(codes(noUsers, withProfile({ satisfactionExemptWithoutUsers: false }), 'T05')).toHaveLength(1);
  });

  it('T06 missing 产出 / 效益, and 成本 where 101号 applies', () => {
    const d = declaration();
    d.indicators = d.indicators.filter((r) => !r.level1.includes('效益'));
    expect(codes(d, national, 'T06')[0]!.evidence).toEqual({ missing: ['效益指标'] });
    const noCost = declaration();
    noCost.indicators = noCost.indicators.filter((r) => !r.level2.includes('成本'));
    expect(codes(noCost, national, 'T06')).toEqual([]);
    expect(codes(noCost, withProfile({ costRequired: true }), 'T06')[0]!.evidence).toEqual({
      missing: ['成本指标'],
    });
  });

  it('T07 weights: total and level-1 blocks (fixed and ranged)', () => {
    expect(codes(withRow(0, { weight: 25 }), national, 'T07')[0]).toMatchObject({
      field: 'totalWeight',
      evidence: { sum: 105, expected: 100, fundsWeight: 10 },
    });
    const d = declaration({
      level1Weights: [
        { level1: '产出指标', weight: 50 },
        { level1: '满意度指标', min: 0, max: 5 },
      ],
    });
    const f = codes(d, national, 'T07');
    expect(f.map((x) => x.message)).toEqual(['满意度指标：各指标分值合计10分，与一级指标分值0–5分不符。']);
    expect(
      codes(declaration({ level1Weights: [{ level1: '产出指标（50分）', weight: 50 }] }), national, 'T07'),
    ).toEqual([]);
  });

  it('T08 percent above 100', () => {
    expect(codes(withRow(1, { target: '≥105%' }), national, 'T08')).toHaveLength(1);
    expect(codes(withRow(1, { target: '100%' }), national, 'T08')).toEqual([]);
  });

  it('T09 higher-is-better target of 0', () => {
    expect(codes(withRow(0, { target: '≥0人次' }), national, 'T09')).toHaveLength(1);
    expect(codes(withRow(0, { name: '安全事故次数', target: '=0次' }), national, 'T09')).toEqual([]);
    // a bare 0 is a 零事故 target, not a higher-is-better one
    expect(codes(withRow(1, { name: '食材变质比例', target: '0' }), national, 'T09')).toEqual([]);
    expect(codes(withRow(0, { target: '0', comparator: '≥', unit: '人次' }), national, 'T09')).toHaveLength(
      1,
    );
  });

  it('T10 数量指标 counting money paid', () => {
    expect(codes(withRow(0, { name: '补助资金拨付金额', target: '≥180万元' }), national, 'T10')).toHaveLength(
      1,
    );
    expect(codes(withRow(2, { name: '补助资金拨付时间' }), national, 'T10')).toEqual([]);
    expect(codes(withRow(0, { name: '补贴发放金额', target: '≥180万元' }), national, 'T10')).toHaveLength(1);
    // 到位率 of grain is an output
    expect(codes(withRow(0, { name: '储备粮到位率', target: '100%' }), national, 'T10')).toEqual([]);
  });

  it('T11 same indicator under 产出 and 效益', () => {
    const f = codes(withRow(4, { name: '助餐服务人次', target: '≥12000人次' }), national, 'T11');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ row: 4, rows: [0] });
    expect(codes(declaration(), national, 'T11')).toEqual([]);
  });

  it('T12 total ≠ sources beyond ±0.1万元, units normalised', () => {
    const d = declaration();
    d.funds.total = { annualBudget: 201 };
    expect(codes(d, national, 'T12')[0]!.message).toBe(
      '年度资金总额201.00万元，与各项资金合计200.00万元不符。',
    );
    d.funds.total = { annualBudget: 200.05 };
    expect(codes(d, national, 'T12')).toEqual([]);
    const yuan = declaration({
      fundsUnit: '元',
      funds: {
        total: { annualBudget: 2000000 },
        fiscal: { annualBudget: 1999500 },
        carryover: null,
        other: null,
      },
    });
    expect(codes(yuan, national, 'T12')).toEqual([]);
  });

  it('T13 end before start; a deadline outside the project period', () => {
    expect(codes(declaration({ endDate: '2023-12-31' }), national, 'T13')[0]!.field).toBe('endDate');
    const late = withRow(2, { target: '2025年3月31日前' });
    expect(codes(late, national, 'T13')[0]).toMatchObject({ row: 2, evidence: { deadline: '2025-03-31' } });
    expect(codes(declaration(), national, 'T13')).toEqual([]);
  });

  it('T14 multi-year without both goals; 基建 without its four kinds of row', () => {
    const multi = declaration({ endDate: '2026-12-31' });
    expect(codes(multi, national, 'T14')[0]!.field).toBe('goals');
    expect(
      codes(
        declaration({
          endDate: '2026-12-31',
          goals: { expected: '年度目标', actual: '', midTerm: '三年建成' },
        }),
        national,
        'T14',
      ),
    ).toEqual([]);
    const build = declaration({ projectCategory: '基本建设' });
    expect(codes(build, national, 'T14')[0]!.evidence).toEqual({ missing: ['前期工作'] });
    build.indicators.push(ind('产出指标', '数量指标', '前期工作完成率', '100%'));
    expect(codes(build, national, 'T14')).toEqual([]);
  });

  it('process rows (项目决策 / 项目管理) carry judgements and are left out', () => {
    const d = declaration();
    d.indicators.push(
      ind('项目决策', '项目立项', '立项依据充分性', '-'),
      ind('项目管理', '资金管理', '资金到位率', '一'),
    );
    expect(checkTargets(d, national)).toEqual([]);
  });

  it('T15 value without 取值依据, only when the profile asks', () => {
    expect(codes(declaration(), national, 'T15')).toEqual([]);
    const strict = withProfile({ valueBasisRequired: true });
    expect(codes(declaration(), strict, 'T15')).toHaveLength(6);
    const d = declaration();
    d.indicators = d.indicators.map((r) => ({ ...r, valueBasis: '历史标准' }));
    expect(codes(d, strict, 'T15')).toEqual([]);
  });
});
