import type { Form, FundsRow } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { formatPercent, round2 } from './round.ts';

export type FundsScore = {
  /** executed ÷ budget, in percent, unrounded; null when the budget is missing or 0. */
  rate: number | null;
  /** the rate as displayed (half-up, 2 decimals). */
  executionRate: number | null;
  /** which budget the rate used: 全年预算数, or 年初预算数 where the form has none (form-json.md). */
  base: 'annualBudget' | 'initialBudget' | null;
  weight: number;
  score: number;
  trail: string;
};

/** The budget a row's rate is measured against (form-json.md "Derived values"). */
export function rateBase(row: FundsRow | null): { base: FundsScore['base']; budget: number | null } {
  if (row?.annualBudget != null && row.annualBudget !== 0)
    return { base: 'annualBudget', budget: row.annualBudget };
  if (row?.initialBudget != null && row.initialBudget !== 0)
    return { base: 'initialBudget', budget: row.initialBudget };
  return { base: null, budget: null };
}

/** Rate in percent of one funds row, or null when it cannot be computed. */
export function rowRate(row: FundsRow | null): number | null {
  const { budget } = rateBase(row);
  if (budget === null || row?.executed == null) return null;
  return (row.executed / budget) * 100;
}

/** rules.md §1.2: score = round2(min(rate, 1) × weight), rate = executed ÷ 全年预算数. */
export function scoreFunds(form: Form, profile: Profile): FundsScore {
  const row = form.funds.total;
  const weight = profile.weights.funds;
  const { base, budget } = rateBase(row);
  const rate = rowRate(row);
  if (rate === null || budget === null) {
    return {
      rate: null,
      executionRate: null,
      base,
      weight,
      score: 0,
      trail: `预算执行率（rules.md §1.2）：年度资金总额缺少${budget === null ? '预算数' : '执行数'}，无法计算执行率，得 0 分（分值 ${weight}）。`,
    };
  }
  const label = base === 'annualBudget' ? '全年预算数' : '年初预算数';
  const executed = row?.executed ?? 0;
  const clamped = Math.max(0, Math.min(rate, 100));
  const score = round2((clamped / 100) * weight);
  const capNote = rate > 100 ? '，执行率超过 100% 按 100% 计' : '';
  return {
    rate,
    executionRate: round2(rate),
    base,
    weight,
    score,
    trail:
      `预算执行率（rules.md §1.2）：全年执行数 ${executed} ÷ ${label} ${budget} = ${formatPercent(rate)}${capNote}；` +
      `得分 = ${formatPercent(clamped)} × 分值 ${weight} = ${score}。`,
  };
}
