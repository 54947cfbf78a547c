import { describe, expect, it } from 'vitest';
import { profile } from '../../../test/fixtures/build-form.ts';
import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { lifecycleFindings, scoreDepartment } from './index.ts';
import { declaration, ind, monitoring, selfEvaluation } from './test-forms.ts';

const national = profile('national');

function department(): Form {
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
      total: { annualBudget: 1000, executed: 950, weight: 10, score: 9.5 },
      fiscal: { annualBudget: 900, executed: 860 },
      carryover: null,
      other: { annualBudget: 100, executed: 90 },
      basic: { annualBudget: 600, executed: 590 },
      project: { annualBudget: 400, executed: 360 },
    },
    goals: { expected: '', actual: '' },
    indicators: [
      ind('', '', '预算调整率', '≤5%', { actual: '3%', weight: 20, scoreRate: 100, score: 20 }),
      ind('', '', '结转结余率', '≤10%', { actual: '12%', weight: 30, scoreRate: 80, score: 24 }),
      ind('', '', '养老服务补贴发放人数', '≥3000人', {
        actual: '2900人',
        weight: 40,
        scoreRate: 96.5,
        score: 38.6,
      }),
    ],
    totalWeight: 100,
    totalScore: 92.1,
  };
}

describe('department scoring (lifecycle.md §4.4)', () => {
  it('funds score = min(executed ÷ annualBudget × weight, weight); row = 得分系数 × weight', () => {
    const s = scoreDepartment(department(), national);
    expect(s.funds).toEqual([
      { key: 'total', weight: 10, annualBudget: 1000, executed: 950, rate: 95, score: 9.5, selfScore: 9.5 },
    ]);
    expect(s.rows.map((r) => r.score)).toEqual([20, 24, 38.6]);
    expect(s.total).toBe(92.1);
    expect(s.selfTotal).toBe(92.1);
    expect(s.grade).toBe('优');
  });

  it('execution above the budget earns no more than the weight', () => {
    const d = department();
    d.funds.total = { annualBudget: 1000, executed: 1100, weight: 10 };
    expect(scoreDepartment(d, national).funds[0]!.score).toBe(10);
  });

  it('grade bands per profile: ≥ by default, > where the profile says strict', () => {
    const d = department();
    d.indicators[2] = { ...d.indicators[2]!, scoreRate: 89.75 }; // 35.9 → total 89.4
    d.indicators[1] = { ...d.indicators[1]!, scoreRate: 82 }; // 24.6 → total 90
    expect(scoreDepartment(d, national).total).toBe(90);
    expect(scoreDepartment(d, national).grade).toBe('优');
    const strict: Profile = {
      ...national,
      lifecycle: { ...national.lifecycle, department: { ...national.lifecycle.department, strict: true } },
    };
    expect(scoreDepartment(d, strict).grade).toBe('良');
  });
});

describe('lifecycleFindings dispatches by kind', () => {
  it('declaration → T, monitoring → M, department → X15, self-evaluation → none', () => {
    const d = declaration();
    d.indicators[0] = { ...d.indicators[0]!, target: '**' };
    expect(lifecycleFindings(d, national).map((f) => f.code)).toEqual(['T01']);
    expect(lifecycleFindings(monitoring({}, [{ likelihood: '也许' }]), national).map((f) => f.code)).toEqual([
      'M06',
    ]);
    const dep = department();
    dep.funds.project = { annualBudget: 300, executed: 360 };
    expect(lifecycleFindings(dep, national).map((f) => f.code)).toEqual(['X15']);
    expect(lifecycleFindings(selfEvaluation({}, [{ target: '**' }]), national)).toEqual([]);
  });
});
