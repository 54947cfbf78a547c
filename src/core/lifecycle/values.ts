import type { Form, FundsRow, Indicator } from '../form/schema.ts';
import { natureComparator, parseTarget, parseValue } from '../grammar/index.ts';
import type { Comparator, ParseContext, Quantity, Value } from '../grammar/value.ts';
import { normaliseLevel } from './ids.ts';

// Reading a row's cells for the lifecycle checks, always through the value grammar (rules.md §3):
// the target with its printed 计算符号 / 计量单位 columns (lifecycle.md §1), progress and actuals.

const COST = '成本';

export const isCostRow = (r: Pick<Indicator, 'level1' | 'level2'>): boolean =>
  r.level1.includes(COST) || r.level2.includes(COST);

/** `定性` in the row's own 指标值类型 or 计算符号 column. */
export const isQualitativeRow = (r: Indicator): boolean =>
  (r.valueType ?? '').includes('定性') || (r.comparator ?? '').trim().startsWith('定性');

/**
 * The row's target: its 计算符号 and 计量单位 columns, where printed, decide like a template's
 * 指标性质 / 度量单位 columns do (grammar/parts.ts).
 */
export function readTarget(r: Indicator, ctx: ParseContext): Value {
  if (r.targetParts) return parseTarget(r.target, r.targetParts, ctx);
  if (r.comparator === undefined && r.unit === undefined) return parseValue(r.target, ctx);
  return parseTarget(r.target, { nature: r.comparator ?? '', value: r.target, unit: r.unit ?? '' }, ctx);
}

/** Another text in the target's notation (an 年初指标值), read with the row's own columns. */
export function readCell(r: Indicator, text: string, ctx: ParseContext): Value {
  if (r.comparator === undefined && r.unit === undefined) return parseValue(text, ctx);
  return parseTarget(text, { nature: r.comparator ?? '', value: text, unit: r.unit ?? '' }, ctx);
}

/** The year-end 实际完成值: a unit printed in its own column applies to it too. */
export function readActual(r: Indicator, ctx: ParseContext): Value {
  if (r.unit === undefined) return parseValue(r.actual, ctx);
  return parseTarget(r.actual, { nature: '', value: r.actual, unit: r.unit }, ctx);
}

/** The direction a quantity target is judged by: its comparator, else ≤ for cost rows (rules.md §1.3). */
export function directionOf(r: Indicator, q: Quantity): Comparator {
  return q.comparator ?? natureComparator(r.comparator ?? '') ?? (isCostRow(r) ? '<=' : '>=');
}

export const unitKey = (q: Quantity): string => (q.unit ? `${q.unit.dimension}:${q.unit.symbol}` : '');

/** Units that can be compared: equal, or one side wrote a bare number. */
export const comparableUnits = (a: Quantity, b: Quantity): boolean =>
  a.unit === null || b.unit === null || unitKey(a) === unitKey(b);

const EPS = 1e-9;

/** Does `actual` satisfy `target` read in `direction`? */
export function satisfies(actual: number, direction: Comparator, target: number): boolean {
  switch (direction) {
    case '>=':
      return actual >= target - EPS;
    case '>':
      return actual > target + EPS;
    case '<=':
      return actual <= target + EPS;
    case '<':
      return actual < target - EPS;
    case '=':
      return Math.abs(actual - target) <= EPS;
  }
}

/**
 * Whether a year-end actual meets the target: true / false, or null when the grammar cannot say
 * (prose, a unit that does not match, a blank).
 */
export function isMet(r: Indicator, target: Value, actual: Value): boolean | null {
  if (actual.kind === 'tier') return actual.tier === 'met';
  if (target.kind === 'quantity' && actual.kind === 'quantity') {
    if (!comparableUnits(target, actual)) return null;
    return satisfies(actual.amount, directionOf(r, target), target.amount);
  }
  if (target.kind === 'deadline' && actual.kind === 'deadline') return actual.date <= target.date;
  return null;
}

const compact = (s: string): string => s.replace(/[\s\u3000]+/g, '');

/** Two targets say the same: same comparator, amount and unit, or the same text. */
export function sameTarget(a: Indicator, av: Value, b: Indicator, bv: Value): boolean {
  if (av.kind === 'quantity' && bv.kind === 'quantity') {
    return (
      directionOf(a, av) === directionOf(b, bv) &&
      Math.abs(av.amount - bv.amount) <= EPS &&
      unitKey(av) === unitKey(bv)
    );
  }
  if (av.kind === 'deadline' && bv.kind === 'deadline') return av.date === bv.date;
  return compact(a.target) === compact(b.target);
}

export const showValue = (text: string): string => (text.trim() === '' ? '（空白）' : `“${text.trim()}”`);

/** `产出指标 / 数量指标 / 培训人次`: how a row is named in messages. */
export const rowLabel = (r: Indicator): string =>
  [r.level1, r.level2, r.name]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' / ') || '（未命名指标）';

export const levelIs = (r: Pick<Indicator, 'level1'>, word: string): boolean =>
  normaliseLevel(r.level1).includes(word);

/** An amount of a funds row in 万元, whatever the form's unit. */
export function toWan(amount: number | null | undefined, form: Pick<Form, 'fundsUnit'>): number | null {
  if (amount === null || amount === undefined) return null;
  return form.fundsUnit === '元' ? amount / 10000 : amount;
}

/** The amount a declaration states for a funds row (it prints one: 年度资金总额). */
export const declaredAmount = (row: FundsRow | null | undefined): number | null =>
  row ? (row.annualBudget ?? row.initialBudget ?? null) : null;

/** Two-decimal display of 万元 figures, as printed. */
export const wan = (x: number): string => `${x.toFixed(2)}万元`;

/** The form named in evidence: `{kind, version, year}` (lifecycle contract). */
export const formRef = (f: Form): { kind: Form['kind']; version: number | null; year: number } => ({
  kind: f.kind,
  version: f.version ?? f.targetVersion ?? null,
  year: f.year,
});
