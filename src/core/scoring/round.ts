// rules.md §1.7: every score is rounded half-up to 2 decimals. Binary floating point turns
// 1.005 × 100 into 100.49999999999999, so nudge by a few ulps before rounding: a true tie rounds
// up, and no value that is really below a tie is moved across it.
const NUDGE = 1 + 4 * Number.EPSILON;

export function round2(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const r = Math.round(Math.abs(x) * 100 * NUDGE) / 100;
  return x < 0 ? -r : r;
}

/** `93.51%` — how the form prints a rate (2 decimals). */
export function formatPercent(percent: number): string {
  return `${round2(percent).toFixed(2)}%`;
}

/** A score as printed: up to 2 decimals, no trailing zeros (`9.35`, `2`, `2.4`). */
export function formatScore(score: number): string {
  return String(round2(score));
}

/** An amount as the form prints it (2 decimals, thousands separators). */
export function formatAmount(amount: number): string {
  return round2(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The largest 2-decimal score strictly below `limit` (a band's open upper end, rules.md §1.4). */
export function justBelow(limit: number): number {
  return Math.max(0, limitCents(limit) - 1) / 100;
}

/** `limit` in whole cents, float noise first rounded off at 12 significant digits (2.4 × 100 is 239.99999999999997). */
function limitCents(limit: number): number {
  const x = limit * 100;
  // Below 1e5, rounding to 12 significant digits moves a value by under 1e-6: unless it sits that
  // close to a half, Math.round picks the same integer either way, and no string need be made.
  if (Math.abs(x) < 1e5 && Math.abs(x - Math.floor(x) - 0.5) > 1e-6) return Math.round(x);
  return Math.round(Number(x.toPrecision(12)));
}
