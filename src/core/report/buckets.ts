import type { Bucket } from './chart-options.ts';

// The dashboard's histogram bands, one definition for the SQL aggregates (store/repositories/
// dashboard.ts), the dashboard service and the spot-check report, so their counts agree.

/** Bucket bounds: bucket 0 is below bound[0], bucket i is [bound[i-1], bound[i]), the last is open. */
export const EXECUTION_RATE_BOUNDS = [50, 60, 70, 80, 90, 95, 100] as const;
export const SELF_MINUS_RULE_BOUNDS = [-5, -0.005, 0.005, 1, 3, 5, 10] as const;

export const rateLabel = (min: number | null, max: number | null): string =>
  min === null ? `低于 ${max}%` : max === null ? `${min}% 及以上` : `${min}%–${max}%`;

export const DIFF_LABELS = [
  '低 5 分以上',
  '低 0–5 分',
  '相同',
  '高 0–1 分',
  '高 1–3 分',
  '高 3–5 分',
  '高 5–10 分',
  '高 10 分以上',
];

export const NO_RATE_LABEL = '无法计算';

/** The bucket index of a value (−1 when null), as the SQL CASE in the dashboard repository. */
export function bucketIndex(value: number | null, bounds: readonly number[]): number {
  if (value === null) return -1;
  for (let i = 0; i < bounds.length; i++) if (value < bounds[i]!) return i;
  return bounds.length;
}

/** Histogram over bucket indexes (−1: no value, shown only with a label and a count). */
export function histogram(
  bounds: readonly number[],
  counts: Map<number, number>,
  label: (min: number | null, max: number | null, i: number) => string,
  nullLabel?: string,
): Bucket[] {
  const out: Bucket[] = [];
  for (let i = 0; i <= bounds.length; i++) {
    const min = i === 0 ? null : bounds[i - 1]!;
    const max = i === bounds.length ? null : bounds[i]!;
    out.push({ label: label(min, max, i), min, max, count: counts.get(i) ?? 0 });
  }
  const none = counts.get(-1) ?? 0;
  if (nullLabel && none > 0) out.push({ label: nullLabel, min: null, max: null, count: none });
  return out;
}

export const executionHistogram = (counts: Map<number, number>): Bucket[] =>
  histogram(EXECUTION_RATE_BOUNDS, counts, rateLabel, NO_RATE_LABEL);

export const leniencyHistogram = (counts: Map<number, number>): Bucket[] =>
  histogram(SELF_MINUS_RULE_BOUNDS, counts, (_min, _max, i) => DIFF_LABELS[i] ?? '');
