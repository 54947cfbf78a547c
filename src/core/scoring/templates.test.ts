import { describe, expect, it } from 'vitest';
import { form, profile, row } from '../../../test/fixtures/build-form.ts';
import {
  hubeiForm,
  processForm,
  sichuanForm,
  unscoredForm,
  unweightedForm,
} from '../../../test/fixtures/template-forms.ts';
import { scoreForm } from './score-form.ts';

// Scoring across the template families real forms come in (issue "Read the forms people actually
// publish", item 6). Fixture forms are invented: test/fixtures/template-forms.ts.

describe('weights that are not 10 + 90', () => {
  it('湖北: the 20-point funds block scores under hubei, totals as printed', () => {
    const s = scoreForm(hubeiForm(), profile('hubei'));
    expect(s.fundsScore).toBe(18);
    expect(s.funds.trail).toContain('分值 20');
    expect(s.ruleTotal).toBe(94);
    expect(s.selfTotal).toBe(94);
    expect(s.grade).toBe('优');
    expect(s.notes).toEqual([]);
  });

  it('四川: funds 10 + indicators 90 split freely, 合计 100; funds 分值 implied when not printed', () => {
    const s = scoreForm(sichuanForm(), profile('sichuan'));
    expect(s.ruleTotal).toBe(97);
    const implied = sichuanForm();
    implied.funds.total = { ...implied.funds.total!, weight: undefined, score: undefined };
    delete implied.funds.total.weight;
    delete implied.funds.total.score;
    expect(scoreForm(implied, profile('sichuan')).fundsScore).toBe(9);
  });

  it('funds scored 0 when the form prints no funds 分值 and its indicators already fill the total', () => {
    const f = processForm();
    const total = { ...f.funds.total! };
    delete total.weight;
    delete total.score;
    const filled = {
      ...f,
      funds: { ...f.funds, total },
      indicators: f.indicators.map((r, i) => (i === 8 ? { ...r, weight: 30, score: 29 } : r)),
    };
    const s = scoreForm(filled, profile('national'));
    expect(s.funds.weight).toBe(0);
    expect(s.fundsScore).toBe(0);
    expect(s.funds.trail).toContain('不再另计');
    expect(s.ruleTotal).toBe(97);
  });
});

describe('forms with no weight column at all', () => {
  const s = scoreForm(unweightedForm(), profile('national'));

  it('computes the execution rate but no funds score, no rule total and no grade', () => {
    expect(s.executionRate).toBe(93.51);
    expect(s.fundsScore).toBeNull();
    expect(s.funds.trail).toContain('93.51%');
    expect(s.funds.trail).toContain('本表未印分值');
    expect(s.ruleTotal).toBeNull();
    expect(s.selfTotal).toBeNull();
    expect('grade' in s).toBe(false);
    expect(s.hasWeights).toBe(false);
  });

  it('says per row whether the target was met, and why it is not scored', () => {
    expect(s.rows.map((r) => r.met)).toEqual([true, false, true, true, undefined, true]);
    expect(s.rows.every((r) => r.ruleScore === null && r.band === undefined)).toBe(true);
    expect(s.rows[1]!.trail).toContain('本表未印分值，该行不计分');
    expect(s.rows[1]!.trail).toContain('完成比 87.50%');
    expect(s.rows[1]!.trail).toContain('未达成');
    expect(s.rows[2]!.trail).toContain('按期完成');
    expect(s.rows[3]!.trail).toContain('实际为目标的 95.56%');
    expect(s.rows[4]!.trail).toContain('须人工判断');
  });

  it('states in one note what cannot be scored and what was done', () => {
    expect(s.notes).toHaveLength(1);
    expect(s.notes[0]).toContain('本表没有分值列');
    expect(s.notes[0]).toContain('规则总分留空而非 0');
    expect(s.notes[0]).toContain('4 个已达成，1 个未达成');
  });

  it('does not crash on a form with no weights and no funds figures', () => {
    const bare = { ...unweightedForm(), funds: { total: null, fiscal: null, carryover: null, other: null } };
    const b = scoreForm(bare, profile('national'));
    expect(b.executionRate).toBeNull();
    expect(b.ruleTotal).toBeNull();
    expect(b.notes[0]).toContain('预算执行率也无法计算');
  });
});

describe('forms with no self scores', () => {
  const s = scoreForm(unscoredForm(), profile('national'));

  it('computes rule scores where weights exist and says the self-evaluation is not filled in', () => {
    expect(s.rows.map((r) => r.ruleScore)).toEqual([30, 16, 24, 10]);
    expect(s.ruleTotal).toBe(89);
    expect(s.grade).toBe('良');
    expect(s.selfTotal).toBeNull();
    expect(s.selfGrade).toBeNull();
    expect(s.hasSelfScores).toBe(false);
    expect(s.notes[0]).toContain('本表未填写自评得分');
    expect(s.notes[0]).toContain('按允许区间的下限计');
    expect(s.rows[2]!.trail).toContain('未填自评得分');
  });
});

describe('process rows (项目决策 / 项目管理)', () => {
  const s = scoreForm(processForm(), profile('national'));

  it('scores them as judgement rows: self score accepted within [0, weight], trail says so', () => {
    const process = s.rows.slice(0, 6);
    expect(process.every((r) => r.kind === 'judgement' && r.rule === 'process-judgement')).toBe(true);
    expect(process.map((r) => r.ruleScore)).toEqual([5, 4, 5, 5, 10, 9]);
    expect(process[0]!.trail).toContain('过程类指标');
    expect(process[0]!.trail).toContain('未设数值目标');
    expect(process[1]!.trail).toContain('目标明确、内容细化');
    expect(s.ruleTotal).toBe(96);
  });

  it('clamps a process self score above its weight, and scores a process row with numbers by formula', () => {
    const f = form([
      row({ level1: '项目决策', level2: '绩效目标', target: '-', actual: '目标明确', weight: 5, score: 6 }),
      row({ level1: '项目管理', level2: '投入管理', target: '100%', actual: '95%', weight: 5, score: 5 }),
      row({ level1: '项目管理', level2: '财务管理', target: '-', actual: '', weight: 5, score: 5 }),
    ]);
    const rows = scoreForm(f, profile('national')).rows;
    expect(rows[0]!.ruleScore).toBe(5);
    expect(rows[1]!.rule).toBe('higher-is-better');
    expect(rows[1]!.ruleScore).toBe(4.75);
    expect(rows[2]!.kind).toBe('unscorable');
    expect(rows[2]!.trail).toContain('实际完成值为空');
  });

  it('reads a dash typed as 一 in a process row as no target, not the number 1', () => {
    expect(s.rows[0]!.trail).not.toContain('数值 一');
    expect(s.rows[4]!.trail).toContain('未设数值目标');
  });
});

describe('targetParts and extraFunds (Form JSON v1.1)', () => {
  it('a 定性 nature makes the row qualitative; parts give the comparator to an unsigned concatenation', () => {
    const f = form([
      row({
        level2: '成本指标',
        target: '800元',
        targetParts: { nature: '≥', value: '800', unit: '元' },
        actual: '600元',
        weight: 10,
        score: 10,
      }),
      row({
        target: '定性好',
        targetParts: { nature: '定性', value: '好', unit: '' },
        actual: '较好',
        score: 9,
      }),
    ]);
    const rows = scoreForm(f, profile('sichuan')).rows;
    // Without the 指标性质 column this cost row would be read as ≤ 800元 and scored full.
    expect(rows[0]!.rule).toBe('higher-is-better');
    expect(rows[0]!.ruleScore).toBe(7.5);
    expect(rows[1]!.kind).toBe('qualitative');
  });

  it('scoring ignores extra funds rows; a blank total row is read as the sum of its 其中 rows', () => {
    const f = form([], {
      funds: {
        total: { annualBudget: 100, executed: 90, weight: 10, score: 9 },
        fiscal: { annualBudget: 80, executed: 72 },
        carryover: null,
        other: null,
      },
      extraFunds: [{ label: '单位资金', annualBudget: 20, executed: 18 }],
    });
    expect(scoreForm(f, profile('national')).fundsScore).toBe(9);
    const blankTotal = { ...f, funds: { ...f.funds, total: { annualBudget: 0, executed: 0, weight: 10 } } };
    const s = scoreForm(blankTotal, profile('national'));
    expect(s.executionRate).toBe(90);
    expect(s.funds.trail).toContain('按其中各项（当年财政拨款、单位资金）之和计算');
  });
});
