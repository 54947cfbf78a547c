import { describe, expect, it } from 'vitest';
import { profile } from '../../../../test/fixtures/build-form.ts';
import type { Form } from '../../form/schema.ts';
import { adjusted, declaration, monitoring, selfEvaluation } from '../test-forms.ts';
import { checkStages } from './cross-stage.ts';

const national = profile('national');
const only = (forms: Form[], code: string, p = national) =>
  checkStages(forms, p).filter((f) => f.code === code);

/** A department form of invented figures (重庆 layout, lifecycle.md §2.3). */
function department(patch: Partial<Form> = {}): Form {
  return {
    kind: 'department-self-evaluation',
    year: 2024,
    title: '部门整体支出绩效自评表',
    projectName: '',
    competentDepartment: '',
    implementingUnit: '',
    department: '某区民政局',
    fundsUnit: '万元',
    funds: {
      total: { annualBudget: 1000, executed: 950, weight: 10 },
      fiscal: { annualBudget: 900, executed: 860 },
      carryover: null,
      other: { annualBudget: 100, executed: 90 },
      basic: { annualBudget: 600, executed: 590 },
      project: { annualBudget: 400, executed: 360 },
    },
    goals: { expected: '', actual: '' },
    indicators: [],
    totalWeight: 100,
    totalScore: null,
    ...patch,
  };
}

describe('cross-stage checks (lifecycle.md §4.3)', () => {
  it('a consistent chain has no findings', () => {
    expect(checkStages([declaration(), monitoring(), selfEvaluation()], national)).toEqual([]);
    expect(
      checkStages(
        [
          declaration({ status: 'superseded' }),
          adjusted(),
          selfEvaluation(
            {
              targetVersion: 2,
              funds: {
                ...selfEvaluation().funds,
                total: {
                  initialBudget: 200,
                  annualBudget: 240,
                  executed: 236,
                  weight: 10,
                  executionRate: 98.33,
                  score: 9.83,
                },
              },
            },
            [{ target: '≥15000人次', initialTarget: '≥12000人次', actual: '15200人次' }],
          ),
        ],
        national,
      ),
    ).toEqual([]);
  });

  it('X01 a dropped row and an added row', () => {
    const s = selfEvaluation();
    s.indicators = s.indicators.filter((r) => r.name !== '老人及家属满意度');
    s.indicators.push({ ...s.indicators[0]!, name: '新增宣传次数', target: '≥4次', actual: '5次' });
    const f = only([declaration(), s], 'X01');
    expect(f.map((x) => [x.row ?? null, x.field])).toEqual([
      [null, 'indicators'],
      [5, 'indicators[5].name'],
    ]);
    expect(f[0]!.message).toBe(
      '满意度指标 / 服务对象满意度指标 / 老人及家属满意度：已批复绩效目标（第1版）中的指标在自评表中缺失。',
    );
    expect(f[0]!.evidence['forms']).toEqual([
      { kind: 'project-target-declaration', version: 1, year: 2024 },
      { kind: 'project-self-evaluation', version: 1, year: 2024 },
    ]);
    expect(only([declaration(), selfEvaluation()], 'X01')).toEqual([]);
    // the evaluation framework's 项目决策 / 项目管理 rows are not declared targets
    const framework = selfEvaluation();
    framework.indicators.push({
      ...framework.indicators[0]!,
      level1: '项目管理',
      level2: '资金管理',
      name: '资金使用合规性',
      target: '-',
      actual: '合规',
    });
    expect(only([declaration(), framework], 'X01')).toEqual([]);
  });

  it('X02 a lowered target; a change since version 1 needs an approved adjustment and the old value shown', () => {
    const lowered = selfEvaluation({}, [{ target: '≥10000人次', actual: '10500人次' }]);
    const f = only([declaration(), lowered], 'X02');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      row: 0,
      field: 'indicators[0].target',
      evidence: { declared: '≥12000人次', selfEvaluation: '≥10000人次' },
    });
    expect(f[0]!.message).toBe(
      '产出指标 / 数量指标 / 助餐服务人次：自评表指标值“≥10000人次”，与已批复绩效目标（第1版）的“≥12000人次”不一致。',
    );
    // version 2 raised the target: the self-evaluation must show the year-start value
    const v2 = [declaration({ status: 'superseded' }), adjusted()];
    const noInitial = selfEvaluation({ targetVersion: 2 }, [{ target: '≥15000人次', actual: '15100人次' }]);
    expect(only([...v2, noInitial], 'X02').map((x) => x.field)).toEqual(['indicators[0].initialTarget']);
    const unexplained = [declaration({ status: 'superseded' }), adjusted({ adjustment: undefined })];
    const shown = selfEvaluation({ targetVersion: 2 }, [
      { target: '≥15000人次', initialTarget: '≥12000人次', actual: '15100人次' },
    ]);
    expect(only([...unexplained, shown], 'X02').map((x) => x.field)).toEqual(['indicators[0].target']);
    expect(only([...v2, shown], 'X02')).toEqual([]);
  });

  it('X03 goal rewritten; spacing ignored', () => {
    expect(
      only(
        [declaration(), selfEvaluation({ goals: { expected: '为老人提供助餐服务。', actual: '' } })],
        'X03',
      ),
    ).toHaveLength(1);
    expect(
      only(
        [
          declaration(),
          selfEvaluation({ goals: { expected: '为辖区高龄老人提供上门助餐和 日间照料服务。', actual: '' } }),
        ],
        'X03',
      ),
    ).toEqual([]);
  });

  it('X04 year-start budget differs; a changed annual budget unexplained', () => {
    const s = selfEvaluation();
    s.funds.total = { ...s.funds.total!, initialBudget: 210 };
    expect(only([declaration(), s], 'X04')[0]!.evidence).toMatchObject({
      declared: 200,
      selfEvaluation: 210,
    });
    const moved = selfEvaluation();
    moved.funds.total = { ...moved.funds.total!, annualBudget: 230 };
    expect(only([declaration(), moved], 'X04').map((x) => x.field)).toEqual(['funds.total.annualBudget']);
    moved.report = { funds: '年中追加30万元用于新增助餐点。' };
    expect(only([declaration(), moved], 'X04')).toEqual([]);
  });

  it('X05 monitoring against the version in force at its month', () => {
    const v2 = [declaration({ status: 'superseded' }), adjusted()];
    // June: version 1 in force, the report matches it
    expect(only([...v2, monitoring()], 'X05')).toEqual([]);
    // August: version 2 in force (approved 2024-08-20), the report still shows version 1's target
    const f = only([...v2, monitoring({ asOfMonth: 8 })], 'X05');
    expect(f.map((x) => x.field)).toEqual(['indicators[0].target']);
    expect(f[0]!.evidence).toMatchObject({ declared: '≥15000人次', monitoring: '≥12000人次' });
    const noGoal = monitoring({ goals: { expected: '助餐', actual: '', progress: '' } });
    expect(only([declaration(), noGoal], 'X05').map((x) => x.field)).toEqual(['goals.expected']);
  });

  it('X06 确定能 in June, missed at year-end', () => {
    const missed = selfEvaluation({}, [{ actual: '11000人次', deviation: '开工晚' }]);
    const f = only([declaration(), monitoring(), missed], 'X06');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      row: 0,
      evidence: { likelihood: '确定能', actual: '11000人次', target: '≥12000人次' },
    });
    expect(only([declaration(), monitoring(), selfEvaluation()], 'X06')).toEqual([]);
    // a draft superseded by the final report of the same period does not count
    const draft = monitoring({ isFinal: false });
    const final = monitoring({ isFinal: true }, [{ likelihood: '有可能', deviationNote: '开工晚' }]);
    expect(only([declaration(), draft, final, missed], 'X06')).toEqual([]);
    expect(only([declaration(), draft, missed], 'X06')).toHaveLength(1);
  });

  it('X07 有可能 with neither an adjustment nor a year-end 偏差', () => {
    const doubtful = monitoring({ correctiveActions: '增设助餐点' }, [
      { likelihood: '有可能', deviationNote: '厨师不足' },
    ]);
    const missed = selfEvaluation({}, [{ actual: '11000人次' }]);
    expect(only([declaration(), doubtful, missed], 'X07')).toHaveLength(1);
    expect(
      only(
        [declaration(), doubtful, selfEvaluation({}, [{ actual: '11000人次', deviation: '厨师招聘滞后' }])],
        'X07',
      ),
    ).toEqual([]);
    // a later approved version settles it
    expect(only([declaration({ status: 'superseded' }), adjusted(), doubtful, missed], 'X07')).toEqual([]);
  });

  it('X08 red in June, unmet and unexplained at year-end', () => {
    const red = monitoring({}, [{ progress: '2000人次', likelihood: '有可能', deviationNote: '场地未落实' }]);
    const missed = selfEvaluation({}, [{ actual: '11000人次' }]);
    expect(only([declaration(), red, missed], 'X08')[0]).toMatchObject({
      row: 0,
      evidence: { light: 'red' },
    });
    expect(only([declaration(), monitoring(), missed], 'X08')).toEqual([]);
  });

  it('X09 forecast far from the year-end execution', () => {
    const m = monitoring();
    m.funds.total = { ...m.funds.total!, forecastExecuted: 150 };
    const f = only([m, selfEvaluation()], 'X09');
    expect(f[0]!.message).toBe('1–6月监控预计全年执行150.00万元，年末实际执行195.00万元，相差23.08%。');
    expect(f[0]!.severity).toBe('info');
    expect(only([monitoring(), selfEvaluation()], 'X09')).toEqual([]);
  });

  it('X10 an approved adjustment without 批复; a form citing an unapproved version', () => {
    expect(
      only([declaration({ status: 'superseded' }), adjusted({ approval: undefined })], 'X10')[0]!.field,
    ).toBe('approval');
    const draft = adjusted({ status: 'submitted', approval: undefined });
    expect(only([declaration(), draft, selfEvaluation({ targetVersion: 2 })], 'X10')[0]).toMatchObject({
      field: 'targetVersion',
      evidence: { status: 'submitted' },
    });
    expect(
      only([declaration({ status: 'superseded' }), adjusted(), selfEvaluation({ targetVersion: 2 })], 'X10'),
    ).toEqual([]);
  });

  it('X11 comparator or unit changed; 万元 copied as 元; the cumulative amount', () => {
    const f = only(
      [declaration(), selfEvaluation({}, [{ target: '≤12000人次' }, { target: '≥95人' }])],
      'X11',
    );
    expect(f.map((x) => x.evidence['changed'])).toEqual([['计算符号'], ['计量单位']]);
    const yuan = selfEvaluation({ fundsUnit: '元' });
    expect(only([declaration(), yuan], 'X11').map((x) => x.field)).toContain('funds.total.initialBudget');
    const cumulative = selfEvaluation();
    cumulative.funds.total = { ...cumulative.funds.total!, annualBudget: 600 };
    expect(
      only([declaration({ midTermFunds: { total: 600, fiscal: 540, other: 60 } }), cumulative], 'X11').map(
        (x) => x.field,
      ),
    ).toEqual(['funds.total.annualBudget']);
    expect(only([declaration(), monitoring(), selfEvaluation()], 'X11')).toEqual([]);
  });

  it('X12 weight changed from the declaration', () => {
    const f = only([declaration(), selfEvaluation({}, [{ weight: 25, score: 25 }])], 'X12');
    expect(f[0]).toMatchObject({ row: 0, evidence: { declared: 20, selfEvaluation: 25 } });
    expect(only([declaration(), selfEvaluation()], 'X12')).toEqual([]);
  });

  it('X13 required evidence not given', () => {
    const d = declaration();
    d.indicators[0] = { ...d.indicators[0]!, evidenceRequired: '助餐登记台账' };
    expect(only([d, selfEvaluation()], 'X13')).toHaveLength(1);
    expect(only([d, selfEvaluation({}, [{ evidence: '2024年助餐台账' }])], 'X13')).toEqual([]);
  });

  it('X14 a published copy differing from the approved version', () => {
    const published = declaration({ status: undefined, approval: undefined });
    published.indicators[0] = { ...published.indicators[0]!, target: '≥10000人次' };
    expect(only([declaration(), published], 'X14')[0]!.evidence).toMatchObject({ added: 0, removed: 0 });
    expect(only([declaration(), declaration({ status: undefined, approval: undefined })], 'X14')).toEqual([]);
    const final = selfEvaluation({ status: 'approved' });
    expect(only([final, selfEvaluation({ totalScore: 100 })], 'X14')).toHaveLength(1);
    expect(only([final, selfEvaluation()], 'X14')).toEqual([]);
  });

  it('X15 department total ≠ 基本支出 + 项目支出', () => {
    const d = department();
    d.funds.basic = { annualBudget: 650, executed: 590 };
    const f = only([d], 'X15');
    expect(f.map((x) => x.message)).toEqual([
      '部门全年预算数1000.00万元，与基本支出650.00万元加项目支出400.00万元之和1050.00万元不符。',
    ]);
    expect(only([department()], 'X15')).toEqual([]);
  });

  it('X16 over-completion against the year-start target: flag (national) or −2 points (desk33 profile)', () => {
    const over = selfEvaluation({}, [{ actual: '16000人次' }]);
    const flag = only([declaration(), over], 'X16');
    expect(flag[0]).toMatchObject({ severity: 'info', row: 0, evidence: { ratio: 133.33 } });
    const deduct = only([declaration(), over], 'X16', profile('execution-cap'));
    expect(deduct[0]).toMatchObject({ severity: 'warning', evidence: { points: -2 } });
    expect(deduct[0]!.message).toContain('按偏离扣2分');
    // against the year-start value even after an upward adjustment
    const raised = selfEvaluation({ targetVersion: 2 }, [
      { target: '≥15000人次', initialTarget: '≥12000人次', actual: '16000人次' },
    ]);
    expect(only([declaration({ status: 'superseded' }), adjusted(), raised], 'X16')).toHaveLength(1);
    expect(only([declaration(), selfEvaluation()], 'X16')).toEqual([]);
  });
});
