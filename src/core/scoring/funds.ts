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
  /** the funds block's points; null when the form prints no weights at all (nothing to score against). */
  weight: number | null;
  /** null when `weight` is null. */
  score: number | null;
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

/** The 其中 rows of the funds block, extra rows (v1.1 `extraFunds`) included, with their labels. */
export function fundsSubRows(form: Form): Array<{ label: string; row: FundsRow; field: string }> {
  const out: Array<{ label: string; row: FundsRow; field: string }> = [];
  const { fiscal, carryover, other } = form.funds;
  if (fiscal) out.push({ label: '当年财政拨款', row: fiscal, field: 'funds.fiscal' });
  if (carryover) out.push({ label: '上年结转资金', row: carryover, field: 'funds.carryover' });
  if (other) out.push({ label: '其他资金', row: other, field: 'funds.other' });
  const extra = form.extraFunds;
  if (extra)
    for (const [i, r] of extra.entries()) out.push({ label: r.label, row: r, field: `extraFunds[${i}]` });
  return out;
}

/**
 * The funds block's weight for scoring (rules.md §1.1 "check, don't force"):
 * - the profile's, as a rule (a different printed 分值 is an audit finding, not a new rule);
 * - null when the form prints no weights at all: no funds score can be made up;
 * - 0 when the form prints no funds 分值 and its indicator weights already fill the printed total
 *   (a template that scores 预算执行率 among its 项目管理 rows): adding the profile's points would
 *   put the form on a scale above its own total.
 */
export function fundsWeight(
  form: Form,
  profile: Profile,
  hasWeights: boolean,
): { weight: number | null; note: string } {
  const printed = form.funds.total?.weight;
  if (!hasWeights && printed === undefined) return { weight: null, note: '' };
  const weight = profile.weights.funds;
  if (printed !== undefined || weight === 0) return { weight, note: '' };
  let sum = 0;
  for (const i of form.indicators) sum += i.weight ?? 0;
  const total = form.totalWeight ?? profile.weights.total;
  if (Math.abs(round2(sum) - total) >= 0.005) return { weight, note: '' };
  return {
    weight: 0,
    note: `表中未印资金执行分值，且各指标分值合计已达总分 ${total} 分（预算执行已在指标中评价），资金执行不再另计 ${weight} 分`,
  };
}

/**
 * rules.md §1.2: score = round2(min(rate, 1) × weight), rate = executed ÷ 全年预算数. A 年度资金总额
 * row with no usable budget (blank or all zero) beside 其中 rows that have one is read as the sum of
 * those rows (rules.md §5 arithmetic: the total is their sum); the audit reports the blank total.
 */
export function scoreFunds(form: Form, profile: Profile, hasWeights = true): FundsScore {
  const { weight, note } = fundsWeight(form, profile, hasWeights);
  let row = form.funds.total;
  let from = '';
  if (rateBase(row).budget === null) {
    const summed = sumOfSubRows(form);
    if (summed) {
      row = summed.row;
      from = `年度资金总额未填预算数（或为 0），按其中各项（${summed.labels.join('、')}）之和计算：`;
    }
  }
  const { base, budget } = rateBase(row);
  const rate = rowRate(row);
  const weightText = weight === null ? '本表未印分值，资金执行不计分' : `分值 ${weight}`;
  if (rate === null || budget === null) {
    const missing = budget === null ? '预算数（为空或 0）' : '执行数';
    return {
      rate: null,
      executionRate: null,
      base,
      weight,
      score: weight === null ? null : 0,
      trail: `预算执行率（rules.md §1.2）：年度资金总额缺少${missing}，无法计算执行率${weight === null ? `；${weightText}` : `，得 0 分（${weightText}）`}。`,
    };
  }
  const label = base === 'annualBudget' ? '全年预算数' : '年初预算数';
  const executed = row?.executed ?? 0;
  const clamped = Math.max(0, Math.min(rate, 100));
  const head = `预算执行率（rules.md §1.2）：${from}全年执行数 ${executed} ÷ ${label} ${budget} = ${formatPercent(rate)}${rate > 100 ? '，执行率超过 100% 按 100% 计' : ''}`;
  if (weight === null) {
    return {
      rate,
      executionRate: round2(rate),
      base,
      weight,
      score: null,
      trail: `${head}；${weightText}。`,
    };
  }
  const score = round2((clamped / 100) * weight);
  return {
    rate,
    executionRate: round2(rate),
    base,
    weight,
    score,
    trail: `${head}；${note ? `${note}。` : `得分 = ${formatPercent(clamped)} × 分值 ${weight} = ${score}。`}`,
  };
}

/** The 其中 rows added up column by column, when any of them has a budget. */
function sumOfSubRows(form: Form): { row: FundsRow; labels: string[] } | null {
  const parts = fundsSubRows(form);
  let annual = 0;
  let initial = 0;
  let executed = 0;
  let hasExecuted = false;
  const labels: string[] = [];
  for (const { label, row } of parts) {
    const a = row.annualBudget ?? 0;
    const i = row.initialBudget ?? 0;
    if (a === 0 && i === 0 && !row.executed) continue;
    annual += a;
    initial += i;
    if (row.executed != null) {
      executed += row.executed;
      hasExecuted = true;
    }
    labels.push(label);
  }
  if (annual === 0 && initial === 0) return null;
  return {
    row: {
      annualBudget: round2(annual),
      initialBudget: round2(initial),
      executed: hasExecuted ? round2(executed) : null,
    },
    labels,
  };
}
