import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { scoreForm } from './score-form.ts';

const national = profile('national');
const one = (r: Parameters<typeof row>[0], p = national) => scoreForm(form([row(r)]), p).rows[0]!;

describe('funds (rules.md §1.2)', () => {
  it('rate = executed ÷ annual budget, score = round2(min(rate,1) × weight)', () => {
    const s = scoreForm(form([]), national);
    expect(s.executionRate).toBe(90);
    expect(s.fundsScore).toBe(9);
  });
  it('caps the rate at 100% and falls back to the initial budget', () => {
    const over = form([], {
      funds: {
        total: { initialBudget: 50, annualBudget: 50, executed: 60 },
        fiscal: null,
        carryover: null,
        other: null,
      },
    });
    expect(scoreForm(over, national).fundsScore).toBe(10);
    expect(scoreForm(over, national).executionRate).toBe(120);
    const initialOnly = form([], {
      funds: {
        total: { initialBudget: 200, annualBudget: null, executed: 150 },
        fiscal: null,
        carryover: null,
        other: null,
      },
    });
    expect(scoreForm(initialOnly, national).executionRate).toBe(75);
    expect(scoreForm(initialOnly, national).funds.base).toBe('initialBudget');
  });
  it('scores 0 with a reason when the budget is missing', () => {
    const none = form([], { funds: { total: null, fiscal: null, carryover: null, other: null } });
    const s = scoreForm(none, national);
    expect(s.fundsScore).toBe(0);
    expect(s.executionRate).toBeNull();
    expect(s.funds.trail).toContain('无法计算');
  });
});

describe('quantitative rows (rules.md §1.3)', () => {
  it('higher is better: w × min(actual ÷ target, 1)', () => {
    expect(one({ target: '≥1228人', actual: '770人', weight: 2, score: 1.8 }).ruleScore).toBe(1.25);
    expect(one({ target: '不少于180篇', actual: '185篇', weight: 2 }).ruleScore).toBe(2);
  });
  it('a bare number means ≥ in quantity rows and ≤ in cost rows', () => {
    expect(one({ target: '100个', actual: '80个' }).ruleScore).toBe(8);
    expect(one({ level2: '成本指标', target: '100万元', actual: '80万元' }).ruleScore).toBe(10);
    expect(one({ level2: '成本指标', target: '100万元', actual: '125万元' }).ruleScore).toBe(8);
  });
  it('lower is better: ratio form by default, linear deviation as an option', () => {
    expect(one({ target: '≤100万元', actual: '125万元' }).ruleScore).toBe(8);
    const linear = {
      ...national,
      quantitative: { ...national.quantitative, lowerIsBetter: 'linear-deviation' as const },
    };
    expect(one({ target: '≤100万元', actual: '125万元' }, linear).ruleScore).toBe(7.5);
    expect(one({ target: '≤100万元', actual: '200万元' }, linear).ruleScore).toBe(0);
    expect(one({ target: '≤100万元', actual: '0万元' }).ruleScore).toBe(10);
  });
  it('equality with target 0 is full only if actual ≤ 0', () => {
    expect(one({ target: '=0个', actual: '0个' }).ruleScore).toBe(10);
    expect(one({ target: '=0个', actual: '1个' }).ruleScore).toBe(0);
  });
  it('target 0 with ≥ gives full marks; negative actuals count as 0', () => {
    expect(one({ target: '≥0个', actual: '3个' }).ruleScore).toBe(10);
    expect(one({ target: '≥10个', actual: '-5个' }).ruleScore).toBe(0);
  });
  it('normalises money units before comparing (万元 vs 元)', () => {
    expect(one({ level2: '成本指标', target: '≤2万元', actual: '20000元' }).ruleScore).toBe(10);
  });
  it('a unit mismatch is unscorable, never silently scored', () => {
    const r = one({ target: '≥100人', actual: '120人次' });
    expect(r.kind).toBe('unscorable');
    expect(r.ruleScore).toBe(0);
    expect(r.trail).toContain('单位不一致');
  });
});

describe('qualitative and judgement rows (rules.md §1.4)', () => {
  it('clamps the self-score into the tier band', () => {
    expect(one({ target: '群众满意', actual: '达成年度指标', score: 10 }).ruleScore).toBe(10);
    expect(one({ target: '群众满意', actual: '部分达成', score: 10 }).ruleScore).toBe(7.99);
    expect(one({ target: '群众满意', actual: '部分达成', score: 3 }).ruleScore).toBe(6);
    expect(one({ target: '群众满意', actual: '未达成', score: 9 }).ruleScore).toBe(5.99);
  });
  it('hubei bands are 80/50/0', () => {
    expect(one({ target: '群众满意', actual: '部分达成', score: 3 }, profile('hubei')).ruleScore).toBe(5);
  });
  it('a narrative actual is a judgement row: the self-score is accepted within [0, w]', () => {
    const r = one({
      target: '服务质量稳步提升',
      actual: '开展培训三场，服务对象反映良好，质量稳步提升，已形成长效机制。',
      score: 9,
    });
    expect(r.kind).toBe('judgement');
    expect(r.ruleScore).toBe(9);
    expect(r.trail).toContain('0–10');
  });
});

describe('deadlines and schedules (rules.md §1.5)', () => {
  it('on time is full marks; late is capped just under 80% of w', () => {
    expect(
      one({
        level2: '时效指标',
        target: '2021年6月30日前完成',
        actual: '2021年6月20日前完成',
        weight: 3,
        score: 3,
      }).ruleScore,
    ).toBe(3);
    const late = one({
      level2: '时效指标',
      target: '2021年6月30日前拨付',
      actual: '2021年12月20日前拨付',
      weight: 3,
      score: 3,
    });
    expect(late.ruleScore).toBe(2.39);
    expect(late.rule).toBe('late-deadline');
    expect(late.trail).toContain('173 天');
  });
  it('late rows score 0 under the strict option', () => {
    const strict = { ...national, timeliness: { ...national.timeliness, late: 'zero' as const } };
    expect(
      one({ target: '2021年6月30日前拨付', actual: '2021年8月30日前拨付', score: 3, weight: 3 }, strict)
        .ruleScore,
    ).toBe(0);
  });
  it('takes the year of 6月底前 from the form', () => {
    expect(one({ target: '6月底前完成', actual: '2021年6月25日前完成' }).ruleScore).toBe(10);
  });
  it('a schedule with an unreported milestone is a judgement capped below 80%', () => {
    const r = one({
      target: '2021年6月30日前支出94.87%，2021年12月31日前支出100%',
      actual: '2021年12月31日前支出100%',
      weight: 2,
      score: 2,
    });
    expect(r.rule).toBe('missed-milestone');
    expect(r.ruleScore).toBe(1.59);
    const all = one({
      target: '2021年6月30日前支出50%，2021年12月31日前支出100%',
      actual: '2021年6月30日前支出60%，2021年12月31日前支出100%',
    });
    expect(all.ruleScore).toBe(10);
  });
});

describe('rows left out and deductions (rules.md §1.6, §2)', () => {
  it('不适用 rows are left out and the others rescaled to the same total', () => {
    const s = scoreForm(
      form([
        row({ target: '≥10个', actual: '10个', weight: 30, score: 30 }),
        row({ target: '不适用', actual: '不适用', weight: 10, score: 0 }),
        row({ target: '≥10个', actual: '5个', weight: 50, score: 25 }),
      ]),
      national,
    );
    expect(s.rows[1]!.ruleScore).toBeNull();
    expect(s.rows[0]!.ruleScore).toBe(33.75);
    expect(s.rows[2]!.ruleScore).toBe(28.13);
  });
  it('a blank actual is not "not applicable": it scores 0', () => {
    const r = one({ target: '≥10个', actual: '' });
    expect(r.kind).toBe('unscorable');
    expect(r.ruleScore).toBe(0);
  });
  it('guangxi subtracts the deduction column, floored at 0', () => {
    const s = scoreForm(
      form([
        row({ target: '≥10个', actual: '10个', deduction: 3 }),
        row({ target: '≥10个', actual: '1个', deduction: 5 }),
      ]),
      profile('guangxi'),
    );
    expect(s.rows.map((r) => r.ruleScore)).toEqual([7, 0]);
    expect(
      scoreForm(form([row({ target: '≥10个', actual: '10个', deduction: 3 })]), national).rows[0]!.ruleScore,
    ).toBe(10);
  });
  it('execution-cap deducts 2 points for ≥ 30% over target and caps the total by execution bands', () => {
    const cap = profile('execution-cap');
    expect(scoreForm(form([row({ target: '≥100人', actual: '130人' })]), cap).rows[0]!.ruleScore).toBe(8);
    const low = form([row({ target: '≥10个', actual: '10个', weight: 90, score: 90 })], {
      funds: {
        total: { initialBudget: 100, annualBudget: 100, executed: 65 },
        fiscal: null,
        carryover: null,
        other: null,
      },
    });
    const s = scoreForm(low, cap);
    expect(s.cap?.uncapped).toBe(96.5);
    expect(s.ruleTotal).toBe(79);
    expect(scoreForm(low, national).ruleTotal).toBe(96.5);
  });
});

describe('totals and grade (rules.md §1.7)', () => {
  it('89.99 is 良, 90 is 优', () => {
    const mk = (s: number) =>
      scoreForm(
        form([row({ target: '群众满意', actual: '较好，服务对象普遍满意，无投诉。', weight: 90, score: s })]),
        national,
      );
    expect(mk(80.99).grade).toBe('良');
    expect(mk(80.99).ruleTotal).toBe(89.99);
    expect(mk(81).grade).toBe('优');
  });
});

describe('the seed form', () => {
  const s = scoreForm(seedForm(), national);
  it('reproduces the printed funds figures and self total', () => {
    expect(s.executionRate).toBe(93.51);
    expect(s.fundsScore).toBe(9.35);
    expect(s.selfTotal).toBe(99.35);
    expect(s.selfGrade).toBe('优');
  });
  it('scores the late-payment rows and the missed milestone below their self-scores', () => {
    expect(s.ruleTotal).toBeLessThan(99.35);
    const lowered = s.rows.filter(
      (r) => r.ruleScore !== null && r.selfScore !== null && r.ruleScore < r.selfScore,
    );
    expect(lowered.map((r) => r.name)).toEqual(['定额工作经费', '后绩效补助经费', '经费支出进度']);
    expect(lowered[0]!.trail).toContain('2021年12月20日');
    expect(lowered[0]!.trail).toContain('晚于截止日期');
    // 9.35 + 90 − (3 − 2.39) − (3 − 2.39) − (2 − 1.59)
    expect(s.ruleTotal).toBe(97.72);
    expect(s.grade).toBe('优');
  });
});
