import { describe, expect, it } from 'vitest';
import { form, profile, row } from '../../../test/fixtures/build-form.ts';
import {
  hubeiForm,
  processForm,
  sichuanForm,
  unscoredForm,
  unweightedForm,
} from '../../../test/fixtures/template-forms.ts';
import type { Form, FundsRow } from '../form/schema.ts';
import { auditForm } from './audit-form.ts';
import type { Finding } from './types.ts';

// Auditing across template families and the inconsistencies real forms show (issue "Read the forms
// people actually publish", item 6). Fixture forms are invented: test/fixtures/template-forms.ts.

const national = profile('national');
const audit = (f: Form, p = national) => auditForm(f, p);
const codes = (f: Form, p = national) => audit(f, p).map((x) => x.code);
const find = (f: Form, code: string, p = national): Finding[] => audit(f, p).filter((x) => x.code === code);
const WEIGHT_CODES = [
  'total.weight-sum',
  'structure.indicator-weight-total',
  'structure.level1-weight',
  'structure.missing-level1',
  'structure.missing-satisfaction',
  'structure.level1-labels-total',
  'structure.weight-not-positive',
  'funds.weight-mismatch',
];
const funds = (total: FundsRow | null, fiscal: FundsRow | null, rest: Partial<Form['funds']> = {}) => ({
  total,
  fiscal,
  carryover: null,
  other: null,
  ...rest,
});

describe('weights that are not 10 + 90', () => {
  it('湖北 20-point funds block: nothing under hubei; under national only warnings (rules.md §1.1)', () => {
    expect(audit(hubeiForm(), profile('hubei'))).toEqual([]);
    const under = audit(hubeiForm());
    expect(under.filter((f) => f.severity === 'error')).toEqual([]);
    expect(under.map((f) => f.code)).toEqual(
      expect.arrayContaining(['funds.weight-mismatch', 'structure.indicator-weight-total']),
    );
    // The printed funds score is checked against the printed 分值 20, so it is not "wrong".
    expect(under.map((f) => f.code)).not.toContain('funds.score-mismatch');
  });

  it('四川 funds 10 + indicators 90 with 合计 100 is valid under sichuan, printed funds 分值 or not', () => {
    expect(audit(sichuanForm(), profile('sichuan'))).toEqual([]);
    const implied = sichuanForm();
    const total = { ...implied.funds.total! };
    delete total.weight;
    delete total.score;
    implied.funds.total = total;
    implied.totalScore = 88;
    expect(codes(implied, profile('sichuan')).filter((c) => WEIGHT_CODES.includes(c))).toEqual([]);
  });

  it('no weight column: one clear notice, no finding per row, no weight findings', () => {
    const all = audit(unweightedForm());
    const notice = all.filter((f) => f.code === 'structure.no-weights');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.severity).toBe('info');
    expect(notice[0]!.message).toContain('6 个指标均未印分值');
    expect(all.filter((f) => WEIGHT_CODES.includes(f.code) || f.code === 'structure.score-missing')).toEqual(
      [],
    );
    expect(all.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('forms with no self scores', () => {
  it('one finding that the self-evaluation is not filled in; no per-row score findings', () => {
    const all = audit(unscoredForm());
    expect(all.map((f) => f.code)).toEqual(['structure.self-score-missing']);
    expect(all[0]!.message).toContain('4 个指标的得分');
  });

  it('a half-filled form (some rows scored) still names each missing row', () => {
    const f = unscoredForm();
    f.indicators[0] = { ...f.indicators[0]!, score: 30 };
    const missing = find(f, 'structure.score-missing');
    expect(missing.map((x) => x.row)).toEqual([1, 2, 3]);
    expect(codes(f)).not.toContain('structure.self-score-missing');
  });
});

describe('the forms’ own inconsistencies (rules.md §5)', () => {
  it('weights adding up to 110 against a printed 总分 100: funds 分值 10 outside five rows of 20', () => {
    const rows = [1, 2, 3, 4, 5].map((i) =>
      row({ name: `指标${i}`, target: '≥10个', actual: '10个', weight: 20, score: 20 }),
    );
    const m = find(form(rows, { totalWeight: 100 }), 'total.weight-sum');
    expect(m).toHaveLength(1);
    expect(m[0]!.field).toBe('totalWeight');
    expect(m[0]!.message).toContain('总分分值印为 100');
    expect(m[0]!.message).toContain('预算执行率分值 10 与各指标分值合计 100 之和为 110');
    expect(m[0]!.message).toContain('多出 10 分');
  });

  it('level-1 labels 产出指标(70分) + 效益指标(20分) + 满意度指标(10分) plus funds 10', () => {
    const f = form(
      [
        row({ level1: '产出指标(70分)', target: '≥10个', actual: '10个', weight: 70, score: 70 }),
        row({
          level1: '效益指标(20分)',
          level2: '社会效益指标',
          target: '≥1个',
          actual: '1个',
          weight: 20,
          score: 20,
        }),
        row({
          level1: '满意度指标(10分)',
          level2: '满意度',
          target: '≥90%',
          actual: '95%',
          weight: 10,
          score: 10,
        }),
      ],
      { totalWeight: null },
    );
    const m = find(f, 'structure.level1-labels-total', profile('anhui'));
    expect(m).toHaveLength(1);
    expect(m[0]!.field).toBe('indicators[0].level1');
    expect(m[0]!.message).toContain('“产出指标(70分)”、“效益指标(20分)”、“满意度指标(10分)”合计 100 分');
    expect(m[0]!.message).toContain('为 110 分');
    expect(m[0]!.message).toContain('应为 100 分');
  });

  it('printed scores adding to 93 against a printed 总分 94', () => {
    const f = form(
      [
        row({ target: '≥10个', actual: '10个', weight: 50, score: 50 }),
        row({ target: '≥10个', actual: '10个', weight: 40, score: 34 }),
      ],
      { totalScore: 94 },
    );
    const m = find(f, 'total.score-sum');
    expect(m).toHaveLength(1);
    expect(m[0]!.message).toContain('总分得分印为 94');
    expect(m[0]!.message).toContain('之和为 93');
  });

  it('a funds score of 99 on a funds weight of 10: one finding, probably the total in the wrong cell', () => {
    const f = form([row({ target: '≥10个', actual: '10个', weight: 90, score: 90 })], {
      funds: funds({ annualBudget: 100, executed: 90, weight: 10, score: 99 }, null),
      totalScore: 99,
    });
    const m = find(f, 'funds.score-above-weight');
    expect(m).toHaveLength(1);
    expect(m[0]!.field).toBe('funds.total.score');
    expect(m[0]!.message).toContain('99 分，高于其分值 10 分');
    expect(m[0]!.message).toContain('应为 9 分');
    expect(m[0]!.message).toContain('疑似把总分填进了资金得分栏');
    expect(codes(f)).not.toContain('funds.score-mismatch');
  });

  it('an all-zero 年度资金总额 row beside a 其中 row that shows spending: one finding, and a rate from the parts', () => {
    const f = form([], {
      funds: funds(
        { initialBudget: 0, annualBudget: 0, executed: 0, executionRate: 0, weight: 10, score: 0 },
        { initialBudget: 100, annualBudget: 100, executed: 95 },
      ),
    });
    const all = audit(f);
    const m = all.filter((x) => x.code === 'funds.total-row-empty');
    expect(m).toHaveLength(1);
    expect(m[0]!.message).toContain('年度资金总额行各栏均为 0');
    expect(m[0]!.message).toContain('“当年财政拨款”全年预算数 100万元、全年执行数 95万元');
    expect(m[0]!.message).toContain('执行率为 95.00%');
    expect(all.filter((x) => x.code === 'funds.sub-rows-sum')).toEqual([]);
  });

  it('a 0% rate on the total row while a 其中 row spent money: total ≠ sum, and rate 0 with spending', () => {
    const f = form([], {
      funds: funds(
        { annualBudget: 100, executed: 0, executionRate: 0, weight: 10, score: 0 },
        { annualBudget: 100, executed: 95 },
      ),
    });
    const sum = find(f, 'funds.sub-rows-sum');
    expect(sum.map((x) => x.field)).toEqual(['funds.total.executed']);
    expect(sum[0]!.message).toContain('年度资金总额 0万元');
    expect(sum[0]!.message).toContain('之和为 95万元');
    const zero = find(f, 'funds.zero-rate-with-spending');
    expect(zero).toHaveLength(1);
    expect(zero[0]!.message).toContain('执行率 0.00%');
    expect(zero[0]!.message).toContain('“当年财政拨款”全年执行数 95万元');
  });

  it('a blank 全年执行数 beside a printed 100% is a missing cell, not a 0% rate', () => {
    const f = form([], {
      funds: funds(
        { initialBudget: 30, annualBudget: 30, weight: 10, executionRate: 100 },
        { initialBudget: 30, annualBudget: 30, executed: 30 },
      ),
    });
    expect(find(f, 'funds.zero-rate-with-spending')).toEqual([]);
  });

  it('a sub-row carrying its own 分值 / 得分 different from the total row’s', () => {
    const f = form([], {
      funds: funds(
        { annualBudget: 100, executed: 90, weight: 10, score: 9 },
        { annualBudget: 100, executed: 90, weight: 10, score: 9.5 },
      ),
    });
    const m = find(f, 'funds.sub-row-score');
    expect(m).toHaveLength(1);
    expect(m[0]!.severity).toBe('error');
    expect(m[0]!.field).toBe('funds.fiscal.score');
    expect(m[0]!.message).toContain('“当年财政拨款”行印有分值 10、得分 9.5');
    expect(m[0]!.message).toContain('年度资金总额行的分值 10、得分 9');
    const same = form([], {
      funds: funds(
        { annualBudget: 100, executed: 90, weight: 10, score: 9 },
        { annualBudget: 100, executed: 90, weight: 10, score: 9 },
      ),
    });
    expect(codes(same)).not.toContain('funds.sub-row-score');
    const onlySub = form([], {
      funds: funds(
        { annualBudget: 100, executed: 90 },
        { annualBudget: 100, executed: 90, weight: 10, score: 9 },
      ),
    });
    expect(find(onlySub, 'funds.sub-row-score')[0]!.severity).toBe('warning');
  });

  it('missed targets at full marks (actual below a ≥ target, or above a ≤ target, score = weight)', () => {
    const f = form([
      row({ name: '培训人数', target: '≥500人', actual: '400人', weight: 10, score: 10 }),
      row({ level2: '成本指标', name: '单位成本', target: '≤80元', actual: '100元', weight: 5, score: 5 }),
    ]);
    const m = find(f, 'scoring.missed-target-full-marks');
    expect(m.map((x) => x.row)).toEqual([0, 1]);
    expect(m[0]!.field).toBe('indicators[0].score');
    expect(m[0]!.message).toContain('目标“≥500人”，实际“400人”');
    expect(m[0]!.message).toContain('完成比 80%');
    expect(m[0]!.message).toContain('自评满分 10 分；按规则应得 8 分');
    expect(m[1]!.message).toContain('实际超过目标');
    expect(codes(f)).not.toContain('scoring.above-formula');
  });

  it('a target like 290% (an OCR’d ≥90%) is flagged, written whole or over target parts', () => {
    const f = form([
      row({ level2: '质量指标', target: '290%', actual: '95%', score: 3.28 }),
      row({
        level2: '质量指标',
        target: '290%',
        targetParts: { nature: '', value: '290', unit: '%' },
        actual: '95',
        score: 3.28,
      }),
    ]);
    const m = find(f, 'value.percent-above-100');
    expect(m.map((x) => x.row)).toEqual([0, 1]);
    expect(m[0]!.field).toBe('indicators[0].target');
    expect(m[0]!.message).toContain('“290%”');
    expect(m[0]!.message).toContain('≥90%');
  });
});

describe('extraFunds (Form JSON v1.1)', () => {
  const base = (extra: Form['extraFunds'], total = 100) =>
    form([], {
      funds: funds(
        { annualBudget: total, executed: total * 0.9, weight: 10, score: 9 },
        { annualBudget: 80, executed: 72 },
      ),
      extraFunds: extra,
    });

  it('the total includes extra rows (财政专户管理资金, 单位资金) and all-zero extras are no complaint', () => {
    expect(codes(base([{ label: '财政专户管理资金', annualBudget: 20, executed: 18 }]))).not.toContain(
      'funds.sub-rows-sum',
    );
    const zeros = [
      { label: '财政专户管理资金', initialBudget: 0, annualBudget: 0, executed: 0 },
      { label: '单位资金', initialBudget: 0, annualBudget: 0, executed: 0 },
    ];
    expect(codes(base(zeros, 80))).not.toContain('funds.sub-rows-sum');
  });

  it('a total that differs from fiscal + extra rows names the extra row', () => {
    const m = find(base([{ label: '单位资金', annualBudget: 30, executed: 27 }]), 'funds.sub-rows-sum');
    expect(m.map((x) => x.field)).toEqual(['funds.total.annualBudget', 'funds.total.executed']);
    expect(m[0]!.message).toContain('单位资金 30');
    expect(m[0]!.message).toContain('之和为 110万元');
  });

  it('checks an extra row’s printed rate like any other row', () => {
    const f = base([{ label: '单位资金', annualBudget: 20, executed: 18, executionRate: 100 }]);
    expect(find(f, 'funds.execution-rate-mismatch').map((x) => x.field)).toEqual([
      'extraFunds[0].executionRate',
    ]);
  });
});

describe('process rows (项目决策 / 项目管理)', () => {
  it('no placeholder-target flood, no 产出50/效益30/满意度10 demands, no numeric-target confusion', () => {
    const c = codes(processForm());
    for (const code of [
      'value.placeholder-target',
      'value.unparsed',
      'structure.missing-level1',
      'structure.missing-satisfaction',
      'structure.level1-weight',
      'scoring.tier-for-numeric-target',
      'structure.indicator-weight-total',
    ]) {
      expect(c).not.toContain(code);
    }
  });

  it('a dash target outside a process group is still a target never filled in', () => {
    expect(codes(form([row({ target: '-', actual: '12个' })]))).toContain('value.placeholder-target');
  });
});
