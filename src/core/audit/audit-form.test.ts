import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import type { Form } from '../form/schema.ts';
import { auditForm } from './audit-form.ts';
import type { Finding } from './types.ts';

const national = profile('national');
const codes = (f: Form, p = national) => auditForm(f, p).map((x) => x.code);
const find = (f: Form, code: string, p = national): Finding[] =>
  auditForm(f, p).filter((x) => x.code === code);

describe('the seed form (its real problems, found by general rules)', () => {
  const seed = seedForm();
  const findings = auditForm(seed, national);
  const at = (code: string) => findings.filter((f) => f.code === code);

  it('flags the two late payments given full marks, quoting both dates and both scores', () => {
    const late = at('scoring.late-full-marks');
    expect(late.map((f) => f.row)).toEqual([16, 17]);
    expect(late[0]!.severity).toBe('error');
    expect(late[0]!.message).toContain('2021年6月30日前拨付');
    expect(late[0]!.message).toContain('2021年12月20日前拨付');
    expect(late[0]!.message).toContain('2.39');
    expect(late[0]!.field).toBe('indicators[16].score');
  });

  it('flags the missed 6-30 milestone and the 100% spending claim against 93.51% execution', () => {
    expect(at('scoring.missed-milestone-full-marks').map((f) => f.row)).toEqual([19]);
    const claim = at('cross-field.progress-vs-execution');
    expect(claim.map((f) => f.row)).toEqual([19]);
    expect(claim[0]!.message).toContain('100%');
    expect(claim[0]!.message).toContain('93.51%');
  });

  it('flags numbers that disagree between narrative cells and indicator rows', () => {
    const conflicts = at('narrative.number-conflict').map((f) => f.message);
    const has = (a: string, b: string) => conflicts.some((m) => m.includes(a) && m.includes(b));
    expect(has('9000人次', '4.9万人次')).toBe(true);
    expect(has('不少于180篇', '270篇')).toBe(true);
    expect(has('185篇', '275篇')).toBe(true);
    expect(has('61位', '31位')).toBe(true);
    expect(has('13个', '12个')).toBe(true);
    // Every conflict names the rows involved.
    for (const f of at('narrative.number-conflict')) expect(f.rows?.length).toBeGreaterThan(0);
  });

  it('quotes a number in prose with its whole clause, and marks a clause cut for length with …', () => {
    const conflicts = at('narrative.number-conflict').map((f) => f.message);
    // The seed's clause is `其中为中关村论坛邀请到61位重磅嘉宾发表演讲；` — quoted from its start to its end.
    expect(conflicts.some((m) => m.includes('“其中为中关村论坛邀请到61位重磅嘉宾发表演讲”'))).toBe(true);
    expect(conflicts.some((m) => m.includes('“受众人群达4.9万人次”'))).toBe(true);
    // A clause longer than the quote allows is cut before the number, where the … shows it.
    expect(conflicts.some((m) => /“…[^“”]*31位重磅嘉宾参加中关村论坛活动”/.test(m))).toBe(true);
    // `促成Sherif Abdelsamie、王楠、蔬山慎太郎等12个团队落户北京`: cut at a list item, not inside a name.
    expect(conflicts.some((m) => m.includes('“…王楠、蔬山慎太郎等12个团队落户北京”'))).toBe(true);
    // Structured cells are quoted whole.
    expect(conflicts.some((m) => m.includes('“不少于180篇”'))).toBe(true);
  });

  it('flags the satisfaction actual written as a bound, and over-completion at full marks', () => {
    expect(at('value.actual-is-bound').map((f) => f.row)).toEqual([27]);
    expect(at('scoring.over-completion').map((f) => f.row)).toEqual([0, 4]);
  });

  it('flags nothing that is consistent: execution rate, funds score, totals, weights, cost rows, breakdowns', () => {
    const quiet = [
      'funds.execution-rate-mismatch',
      'funds.score-mismatch',
      'funds.sub-rows-sum',
      'total.score-sum',
      'total.weight-sum',
      'structure.level1-weight',
      'structure.indicator-weight-total',
      'cross-field.cost-parts-sum',
      'cross-field.cost-above-executed',
      'cross-field.total-cost-vs-executed',
      'cross-field.breakdown-sum',
      'structure.weight-not-positive',
      'value.unit-mismatch',
    ];
    expect(findings.filter((f) => quiet.includes(f.code))).toEqual([]);
    // Numbers quoted consistently (14 个国际组织 in three places, 200 个创新主体) are not conflicts.
    expect(at('narrative.number-conflict').some((f) => f.message.includes('14个'))).toBe(false);
  });

  it('gives every finding a stable code, severity, location and a Chinese message', () => {
    for (const f of findings) {
      expect(f.code).toMatch(/^[a-z-]+\.[a-z0-9-]+$/);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.field).toBeTruthy();
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('arithmetic checks', () => {
  it('printed execution rate truncated to a whole percent', () => {
    const f = form([], {
      funds: {
        total: {
          initialBudget: 100,
          annualBudget: 100,
          executed: 99.985,
          weight: 10,
          executionRate: 99,
          score: 10,
        },
        fiscal: null,
        carryover: null,
        other: null,
      },
    });
    const m = find(f, 'funds.execution-rate-mismatch');
    expect(m).toHaveLength(1);
    expect(m[0]!.message).toContain('99.00%');
    expect(m[0]!.message).toContain('99.99%');
  });
  it('funds score rounded to whole points or multiplied by the wrong weight', () => {
    const f = form([], {
      funds: {
        total: { annualBudget: 100, executed: 93.5, weight: 10, executionRate: 93.5, score: 9 },
        fiscal: null,
        carryover: null,
        other: null,
      },
    });
    expect(find(f, 'funds.score-mismatch')[0]!.message).toContain('9.35');
  });
  it('total row differs from the sub-rows', () => {
    const f = form([], {
      funds: {
        total: { annualBudget: 100, executed: 90 },
        fiscal: { annualBudget: 80, executed: 70 },
        carryover: { annualBudget: 10, executed: 10 },
        other: null,
      },
    });
    const m = find(f, 'funds.sub-rows-sum');
    expect(m.map((x) => x.field)).toEqual(['funds.total.annualBudget', 'funds.total.executed']);
  });
  it('总分 with the funds score left out', () => {
    const f = form([row({ target: '≥10个', actual: '10个', weight: 90, score: 90 })], { totalScore: 90 });
    const m = find(f, 'total.score-sum');
    expect(m[0]!.message).toContain('漏计');
    expect(
      codes(form([row({ target: '≥10个', actual: '10个', weight: 90, score: 90 })], { totalScore: 99 })),
    ).not.toContain('total.score-sum');
  });
});

describe('structure checks', () => {
  it('level weights that do not add up under the profile', () => {
    const f = form([
      row({ target: '≥10个', actual: '10个', weight: 60, score: 60 }),
      row({
        level1: '效益指标',
        level2: '社会效益指标',
        target: '≥1个',
        actual: '1个',
        weight: 30,
        score: 30,
      }),
    ]);
    const c = codes(f);
    expect(c).toContain('structure.level1-weight');
    expect(c).toContain('structure.missing-satisfaction');
    expect(c).not.toContain('structure.indicator-weight-total');
  });
  it('a label (80分) whose parts add to something else', () => {
    const f = form([
      row({ level1: '产出指标(80分)', target: '≥10个', actual: '10个', weight: 50, score: 50 }),
    ]);
    expect(find(f, 'structure.level1-label-weight')[0]!.message).toContain('80');
  });
  it('score above weight, zero weight, missing level-1 label', () => {
    const f = form([
      row({ target: '≥10个', actual: '10个', weight: 5, score: 6 }),
      row({ level1: '', target: '≥1个', actual: '1个', weight: 0, score: 0 }),
    ]);
    const c = codes(f);
    expect(c).toContain('structure.score-above-weight');
    expect(c).toContain('structure.weight-not-positive');
    expect(c).toContain('structure.missing-level');
  });
  it('deviation note missing when a row scores below its weight; sichuan requires one below 90% execution', () => {
    const f = form([row({ target: '≥10个', actual: '8个', weight: 10, score: 8 })], {
      funds: {
        total: { annualBudget: 100, executed: 80, weight: 10, executionRate: 80, score: 8 },
        fiscal: null,
        carryover: null,
        other: null,
      },
    });
    expect(find(f, 'structure.deviation-note-missing')).toHaveLength(1);
    expect(codes(f, profile('sichuan'))).toContain('structure.execution-explanation-missing');
    expect(codes(f)).not.toContain('structure.execution-explanation-missing');
    const noted = form([
      row({ target: '≥10个', actual: '8个', weight: 10, score: 8, deviation: '受疫情影响' }),
    ]);
    expect(codes(noted)).not.toContain('structure.deviation-note-missing');
  });
  it('guangxi requires a note at ≥ 130% of target', () => {
    const f = form([row({ target: '≥100人', actual: '140人' })]);
    expect(codes(f, profile('guangxi'))).toContain('structure.deviation-note-missing');
    expect(codes(f)).not.toContain('structure.deviation-note-missing');
  });
});

describe('scoring checks', () => {
  it('proportional scoring done wrong (770 of 1228 scored 1.8 of 2)', () => {
    const f = form([row({ target: '≥1228人', actual: '770人', weight: 2, score: 1.8 })]);
    const m = find(f, 'scoring.above-formula');
    expect(m[0]!.message).toContain('1.25');
    expect(m[0]!.message).toContain('1.8');
  });
  it('a met target given less than full marks is reported as info', () => {
    const m = find(
      form([row({ target: '≥10个', actual: '12个', weight: 10, score: 8 })]),
      'scoring.below-rule',
    );
    expect(m[0]!.severity).toBe('info');
  });
  it('a qualitative actual for a numeric target given full marks', () => {
    expect(
      find(form([row({ target: '≥10个', actual: '完成' })]), 'scoring.tier-for-numeric-target')[0]!.severity,
    ).toBe('warning');
  });
});

describe('cross-field checks', () => {
  const cost = (name: string, target: string, actual: string) =>
    row({ level2: '成本指标', name, target, actual, weight: 5, score: 5 });
  it('cost rows that do not add up to the total-cost row, and a cost above funds executed', () => {
    const f = form([
      cost('项目总成本', '100万元', '90万元'),
      cost('设备费', '60万元', '50万元'),
      cost('劳务费', '30万元', '30万元'),
    ]);
    const m = find(f, 'cross-field.cost-parts-sum');
    expect(m.map((x) => x.field)).toEqual(['indicators[0].target', 'indicators[0].actual']);
    expect(m[0]!.message).toContain('90万元');
    const big = form([cost('设备费', '60万元', '95万元')]);
    expect(find(big, 'cross-field.cost-above-executed')[0]!.message).toContain('90万元');
  });
  it('consistent cost rows are not flagged', () => {
    const f = form([
      cost('项目总成本', '100万元', '90万元'),
      cost('设备费', '70万元', '60万元'),
      cost('劳务费', '30万元', '30万元'),
    ]);
    expect(
      codes(f).filter((c) => c.startsWith('cross-field.cost') || c === 'cross-field.total-cost-vs-executed'),
    ).toEqual([]);
  });
  it('execution far below 100% while every output is fully met', () => {
    const f = form([row({ target: '≥10个', actual: '10个' })], {
      funds: { total: { annualBudget: 100, executed: 10.77 }, fiscal: null, carryover: null, other: null },
    });
    expect(find(f, 'cross-field.low-execution-all-met')[0]!.message).toContain('10.77%');
  });
  it('an execution-rate indicator repeated among the outputs', () => {
    const f = form([row({ level2: '时效指标', name: '预算执行率', target: '≥95%', actual: '100%' })]);
    expect(find(f, 'cross-field.execution-rate-indicator')[0]!.severity).toBe('error');
  });
  it('a breakdown that does not add up, and one that mixes units', () => {
    const bad = form([
      row({ target: '养殖规模稳步扩大', actual: '全年新增养殖192只，其中羊180只、牛12头，带动农户增收。' }),
    ]);
    expect(codes(bad)).toContain('cross-field.breakdown-mixed-units');
    const wrong = form([
      row({ target: '信息报送及时准确', actual: '报送信息共100篇，其中政策30篇、技术50篇，质量较高。' }),
    ]);
    expect(find(wrong, 'cross-field.breakdown-sum')[0]!.message).toContain('80');
    const right = form([
      row({ target: '信息报送及时准确', actual: '报送信息共80篇，其中政策30篇、技术50篇，质量较高。' }),
    ]);
    expect(codes(right)).not.toContain('cross-field.breakdown-sum');
  });
});

describe('narrative and value checks', () => {
  it('identical goal cells and goal cells with only numbers', () => {
    expect(codes(form([], { goals: { expected: '完成培训任务。', actual: '完成培训任务。' } }))).toContain(
      'narrative.goals-identical',
    );
    expect(codes(form([], { goals: { expected: '100', actual: '完成了全部培训任务。' } }))).toContain(
      'narrative.goals-only-numbers',
    );
  });
  it('a note that admits a shortfall on a full-marks row', () => {
    expect(
      codes(form([row({ target: '≥10个', actual: '10个', deviation: '因疫情影响进度滞后' })])),
    ).toContain('narrative.shortfall-at-full-marks');
  });
  it('placeholder targets, blank actuals, unit mismatch, OCR-garbled percentages, money targets in %', () => {
    const f = form([
      row({ target: '**', actual: '12个' }),
      row({ target: '≥10个', actual: '' }),
      row({ target: '≥100人', actual: '120人次' }),
      row({ level2: '质量指标', target: '290%', actual: '95%' }),
      row({ level2: '成本指标', target: '≤5%', actual: '4%' }),
    ]);
    const c = codes(f);
    for (const code of [
      'value.placeholder-target',
      'value.blank-actual',
      'value.unit-mismatch',
      'value.percent-above-100',
      'value.cost-not-money',
    ]) {
      expect(c).toContain(code);
    }
  });
  it('a form published with no values filled in', () => {
    expect(codes(form([row({ target: '', actual: '' }), row({ target: '', actual: '' })]))).toEqual(
      expect.arrayContaining(['value.form-empty']),
    );
  });
});
