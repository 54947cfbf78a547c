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
  let count = 0;
  for (const { lo, hi } of intervals) if (usable(lo, hi)) count++;
  if (count < 2) return null;
  // Starts and ends sorted apart (no comparator calls), then merged.
  if (scratchStarts.length < count) {
    scratchStarts = new Float64Array(2 * count);
    scratchEnds = new Float64Array(2 * count);
  }
  const starts = scratchStarts;
  const ends = scratchEnds;
  let k = 0;
  for (const { lo, hi } of intervals) {
    if (!usable(lo, hi)) continue;
    starts[k] = lo;
    ends[k] = hi;
    k++;
  }
  sortPrefix(starts, count);
  sortPrefix(ends, count);
  let depth = 0;
  let bestDepth = 0;
  let bestAt = 0;
  let s = 0;
  let e = 0;
  while (s < count || e < count) {
    // Half-open intervals: at equal positions, ends before starts.
    let x: number;
    if (e < count && (s >= count || ends[e]! <= starts[s]!)) {
      x = ends[e++]!;
      depth--;
    } else {
      x = starts[s++]!;
      depth++;
    }
    const next = Math.min(
      s < count ? starts[s]! : Number.POSITIVE_INFINITY,
      e < count ? ends[e]! : Number.POSITIVE_INFINITY,
    );
    if (next !== Number.POSITIVE_INFINITY && next > x && depth > bestDepth) {
      bestDepth = depth;
      bestAt = (x + next) / 2;
    }
  }
  return bestDepth >= 2 ? bestAt : null;
}

// Scratch arrays reused across calls: a form estimates four widths from a few dozen intervals,
// and allocating typed arrays for each costs more than the sweep. Not re-entrant.
let scratchStarts = new Float64Array(64);
let scratchEnds = new Float64Array(64);

/** Sorts a[0, n) ascending: insertion sort for the usual few dozen values, native beyond. */
function sortPrefix(a: Float64Array, n: number): void {
  if (n > 64) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function usable(lo: number, hi: number): boolean {
  return Number.isFinite(lo) && Number.isFinite(hi) && hi > lo;
}
