import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { round2 } from '../scoring/round.ts';

// 部门整体支出绩效自评 scoring, lifecycle.md §4.4: funds score = min(executed ÷ annualBudget × weight,
// weight) [V]; row score = 得分系数 × weight (重庆 [S]); grade bands from the profile
// (`lifecycle.department`), since the regions disagree (> 90/80/60 or ≥ 80/70/60 [V]).

const DEPARTMENT_FUNDS = ['total', 'fiscal', 'other', 'basic', 'project'] as const;
type DepartmentFundsKey = (typeof DEPARTMENT_FUNDS)[number];

export type DepartmentScore = {
  funds: Array<{
    key: DepartmentFundsKey;
    weight: number;
    annualBudget: number | null;
    executed: number | null;
    /** executed ÷ annualBudget in percent, null when either is missing. */
    rate: number | null;
    score: number | null;
    /** the score as printed, for comparison. */
    selfScore: number | null;
  }>;
  rows: Array<{
    index: number;
    weight: number;
    scoreRate: number | null;
    score: number | null;
    selfScore: number | null;
  }>;
  /** sum of the rule scores; null parts count 0. */
  total: number;
  selfTotal: number | null;
  grade: string;
};

export function departmentGrade(total: number, profile: Profile): string {
  const { grades, strict } = profile.lifecycle.department;
  for (const g of grades) if (strict ? total > g.min : total >= g.min) return g.grade;
  return grades[grades.length - 1]!.grade;
}

export function scoreDepartment(form: Form, profile: Profile): DepartmentScore {
  const funds: DepartmentScore['funds'] = [];
  for (const key of DEPARTMENT_FUNDS) {
    const row = form.funds[key];
    if (!row || row.weight === undefined) continue;
    const annualBudget = row.annualBudget ?? null;
    const executed = row.executed ?? null;
    const rate =
      annualBudget !== null && executed !== null && annualBudget > 0 ? (executed / annualBudget) * 100 : null;
    const score = rate === null ? null : round2(Math.min((rate / 100) * row.weight, row.weight));
    funds.push({
      key,
      weight: row.weight,
      annualBudget,
      executed,
      rate,
      score,
      selfScore: row.score ?? null,
    });
  }
  const rows: DepartmentScore['rows'] = [];
  form.indicators.forEach((r, index) => {
    if (r.weight === null) return;
    const scoreRate = r.scoreRate ?? null;
    const score =
      scoreRate === null ? null : round2((Math.min(Math.max(scoreRate, 0), 100) / 100) * r.weight);
    rows.push({ index, weight: r.weight, scoreRate, score, selfScore: r.score });
  });
  const total = round2([...funds, ...rows].reduce((s, x) => s + (x.score ?? 0), 0));
  return { funds, rows, total, selfTotal: form.totalScore, grade: departmentGrade(total, profile) };
}
