import { describe, expect, it } from 'vitest';
import { form, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { describeIssues, hasFundsBlock, storableIssues } from './storable.ts';

describe('what a form must be to be stored', () => {
  it('the seed and the blank template store', () => {
    expect(storableIssues(seedForm())).toEqual([]);
  });

  it('needs a funds block or an indicator row', () => {
    const empty = { ...form([]), funds: { total: null, fiscal: null, carryover: null, other: null } };
    expect(hasFundsBlock(empty)).toBe(false);
    expect(storableIssues(empty).map((i) => i.message)).toEqual([
      '自评表没有内容：至少要有资金情况（年度资金总额等）或一行绩效指标，才能保存',
    ]);
    expect(storableIssues({ ...empty, indicators: [row({ target: '≥1个', actual: '1个' })] })).toEqual([]);
    expect(storableIssues({ ...empty, funds: { ...empty.funds, total: { annualBudget: 10 } } })).toEqual([]);
    expect(storableIssues({ ...empty, extraFunds: [{ label: '单位资金', annualBudget: 1 }] })).toEqual([]);
  });

  it('caps every text cell and names the field as printed', () => {
    const f = seedForm();
    f.projectName = '项'.repeat(9996);
    f.indicators[2]!.name = '名'.repeat(201);
    f.indicators[4]!.deviation = 'x'.repeat(2001);
    f.goals.actual = '目'.repeat(5001);
    const issues = storableIssues(f);
    expect(issues.map((i) => i.path)).toEqual([
      'projectName',
      'goals.actual',
      'indicators[2].name',
      'indicators[4].deviation',
    ]);
    expect(issues[0]!.message).toBe('“项目名称”（projectName）超过 200 字的上限（实为 9,996 字）');
    expect(issues[2]!.message).toBe(
      '第 3 行指标的“三级指标”（indicators[2].name）超过 200 字的上限（实为 201 字）',
    );
    expect(describeIssues(issues)).toContain('（另有 1 处）');
  });

  it('counts characters, not UTF-16 units (a 200-character name of astral characters stores)', () => {
    const f = seedForm();
    f.projectName = '𠀀'.repeat(200);
    expect(storableIssues(f)).toEqual([]);
  });
});
