import type { Form } from '../core/form/schema.ts';
import { rowRate } from '../core/scoring/funds.ts';
import { round2 } from '../core/scoring/round.ts';
import type { FormContent } from '../store/index.ts';

/** The columns stored beside a form's JSON: cheap to compute on every save (no scoring here). */
export function formContent(form: Form): FormContent {
  const rate = rowRate(form.funds.total);
  return {
    data: JSON.stringify(form),
    year: form.year,
    kind: form.kind,
    // a department form names the department, not a project (lifecycle.md §2.3)
    projectName:
      form.kind === 'department-self-evaluation'
        ? form.department?.trim() || form.projectName
        : form.projectName,
    selfTotal: form.totalScore ?? sumPrinted(form),
    executionRate: rate === null ? null : round2(rate),
    searchText: [
      form.projectName,
      ...(form.department ? [form.department] : []),
      form.implementingUnit,
      form.competentDepartment,
      ...form.indicators.map((i) => i.name),
    ]
      .join(' ')
      .toLowerCase(),
    indicators: form.indicators.map((i, position) => ({
      position,
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      target: i.target,
      actual: i.actual,
      weight: i.weight,
      score: i.score,
      missed: i.weight !== null && i.score !== null && i.score < i.weight,
    })),
  };
}

/** The form's own total: 总分 as printed, else the sum of printed scores (as core/scoring does). */
function sumPrinted(form: Form): number | null {
  const scores = form.indicators.map((i) => i.score);
  if (scores.every((s) => s === null) && form.funds.total?.score === undefined) return null;
  return round2(scores.reduce<number>((a, s) => a + (s ?? 0), form.funds.total?.score ?? 0));
}
