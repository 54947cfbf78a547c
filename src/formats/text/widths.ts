// A table column's wrap width, measured on all the rows: each cell that wrapped tells a range of
// widths its column could have; the column's width is where most ranges agree.

import type { SplitLine } from './cell-split.ts';

/** Half-open range [lo, hi) of column widths. */
export type Interval = { lo: number; hi: number };

/** The widths a column could have for lines i..j-1 to be one cell of it: [lo, hi). */
export function segmentInterval(lines: readonly SplitLine[], i: number, j: number): Interval {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (let t = i; t < j; t++) {
    const l = lines[t]!;
    lo = Math.max(lo, l.width);
    if (t + 1 < j && !l.hard) hi = Math.min(hi, l.width + lines[t + 1]!.lead);
  }
  return { lo, hi };
}

/**
 * A column's width: the point covered by the most segment intervals (every cell of a column wraps
 * at the same width). Null when fewer than two segments agree — one cell proves nothing.
 */
export function estimateWidth(intervals: readonly Interval[]): number | null {
  const events: [number, number][] = [];
  for (const { lo, hi } of intervals) {
    if (Number.isFinite(lo) && Number.isFinite(hi) && hi > lo) events.push([lo, 1], [hi, -1]);
  }
  if (events.length < 4) return null;
  // Half-open intervals: at equal positions, ends before starts.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let depth = 0;
  let bestDepth = 0;
  let bestAt = 0;
  for (let k = 0; k < events.length; k++) {
    const [x, d] = events[k]!;
    depth += d;
    const next = events[k + 1];
    if (next && next[0] > x && depth > bestDepth) {
      bestDepth = depth;
      bestAt = (x + next[0]) / 2;
    }
  }
  return bestDepth >= 2 ? bestAt : null;
}
