// Splitting a run of lines into consecutive table cells that pdftotext printed one after another
// with no visible boundary (deviation note | name | target | actual, or expected | actual goals).
//
// Each cell wraps its text at its column's width. So inside one cell every line but the last is
// "full" — the next line's first unbreakable unit would not have fitted — and no line is wider
// than the column. A run of lines that mixes two columns breaks this: a short last line sits in the
// middle, or lines of two widths mix. The splitter scores every way of cutting the run (dynamic
// programming, O(lines² × cells)) with:
//  - self-consistency: in a segment, the widest line must be narrower than every non-last line
//    plus the unit that followed it;
//  - the column's width measured on the whole table, when known (a second pass; see estimateWidth);
//  - small priors: cut where pdftotext left a blank line, a sentence end may end a line early.

export type SplitLine = {
  /** display width of the line (lines.ts textWidth). */
  width: number;
  /** width of the line's first unbreakable unit (lines.ts leadUnitWidth). */
  lead: number;
  /** the line ends a sentence, so it may be short without ending its cell. */
  hard: boolean;
  /** a blank line precedes this one. */
  blankBefore: boolean;
};

export type Column = {
  /** wrap width of the column measured on the whole table; null to judge each segment alone. */
  width: number | null;
  /** may hold no line (the previous row's deviation note). */
  optional: boolean;
};

export type Split = {
  /** starts[k] = index of the first line of cell k; starts[cells] = lines.length. */
  starts: number[];
  cost: number;
  /** how much worse the nearest other cut is (Infinity when there was no choice). */
  margin: number;
};

/** The DP is quadratic: longer runs are not cells of one row and are cut by the caller. */
export const MAX_SPLIT_LINES = 240;

const TOL = 0.3; // width measurement slack, in CJK cells
const CAP = 3; // one bad line must not outweigh everything else
const EMPTY = 4; // a required cell left without text
const OPTIONAL_USED = 0.2; // a deviation note is the exception, not the rule
const OPTIONAL_LINE = 0.05;
const HARD = 0.1; // a sentence end inside a cell
const NO_BLANK = 0.3; // a cut where pdftotext printed no blank line
const CONTRADICTION = 0.25;

/** Extra cost of starting a cell at line j (j > 0); callers add their own cues. */
export type BoundaryCost = (j: number) => number;

export function splitLines(lines: readonly SplitLine[], columns: readonly Column[], boundary?: BoundaryCost): Split {
  const n = lines.length;
  const S = columns.length;
  const stride = n + 1;
  const self = selfCosts(lines);
  const prefix = columns.map((c) => globalPrefix(lines, c.width));
  const cut = new Float64Array(n + 1);
  for (let j = 1; j < n; j++) cut[j] = (lines[j]!.blankBefore ? 0 : NO_BLANK) + (boundary ? boundary(j) : 0);

  const seg = (s: number, i: number, j: number): number => {
    const col = columns[s]!;
    if (i === j) return col.optional ? 0 : EMPTY;
    let c = self[i * stride + j]!;
    const p = prefix[s];
    if (p) c += p.over[j]! - p.over[i]! + p.notFull[j - 1]! - p.notFull[i]!;
    if (col.optional) c += OPTIONAL_USED + OPTIONAL_LINE * (j - i);
    if (i > 0) c += cut[i]!;
    return c;
  };

  const best = new Float64Array((S + 1) * stride).fill(Number.POSITIVE_INFINITY);
  const from = new Int32Array((S + 1) * stride);
  best[0] = 0;
  for (let s = 0; s < S; s++) {
    for (let i = 0; i <= n; i++) {
      const base = best[s * stride + i]!;
      if (base === Number.POSITIVE_INFINITY) continue;
      for (let j = i; j <= n; j++) {
        const c = base + seg(s, i, j);
        const k = (s + 1) * stride + j;
        if (c < best[k]!) {
          best[k] = c;
          from[k] = i;
        }
      }
    }
  }
  const starts = new Array<number>(S + 1);
  starts[S] = n;
  for (let s = S, j = n; s > 0; s--) {
    j = from[s * stride + j]!;
    starts[s - 1] = j;
  }
  const cost = best[S * stride + n]!;

  // Margin: the cheapest cut that moves one boundary by one line.
  const total = (st: readonly number[]): number => {
    let c = 0;
    for (let s = 0; s < S; s++) c += seg(s, st[s]!, st[s + 1]!);
    return c;
  };
  let margin = Number.POSITIVE_INFINITY;
  for (let b = 1; b < S; b++) {
    for (const d of [-1, 1]) {
      const alt = starts.slice();
      alt[b] = alt[b]! + d;
      if (alt[b]! < alt[b - 1]! || alt[b]! > alt[b + 1]!) continue;
      margin = Math.min(margin, total(alt) - cost);
    }
  }
  return { starts, cost, margin: Math.max(0, margin) };
}

/** self[i*(n+1)+j]: how badly lines i..j-1 contradict being one cell of any single width. */
function selfCosts(lines: readonly SplitLine[]): Float64Array {
  const n = lines.length;
  const stride = n + 1;
  const out = new Float64Array(stride * stride);
  for (let i = 0; i < n; i++) {
    let lo = Number.NEGATIVE_INFINITY;
    let hi = Number.POSITIVE_INFINITY;
    let hard = 0;
    for (let j = i + 1; j <= n; j++) {
      const t = j - 1;
      if (t > i) {
        const p = lines[t - 1]!;
        if (p.hard) hard++;
        else hi = Math.min(hi, p.width + lines[t]!.lead);
      }
      lo = Math.max(lo, lines[t]!.width);
      const v = lo - hi;
      out[i * stride + j] = (v >= 0 ? Math.min(CAP, CONTRADICTION + v) : 0) + HARD * hard;
    }
  }
  return out;
}

/** Prefix sums of the per-line costs of belonging to a column `width` wide. */
function globalPrefix(lines: readonly SplitLine[], width: number | null): { over: Float64Array; notFull: Float64Array } | null {
  if (width === null) return null;
  const n = lines.length;
  const over = new Float64Array(n + 1);
  const notFull = new Float64Array(n + 1);
  for (let t = 0; t < n; t++) {
    const l = lines[t]!;
    const o = l.width - width - TOL;
    over[t + 1] = over[t]! + (o > 0 ? Math.min(CAP, 0.5 + o) : 0);
    let nf = 0;
    if (t + 1 < n && !l.hard) {
      const gap = width - TOL - (l.width + lines[t + 1]!.lead);
      if (gap > 0) nf = Math.min(CAP, 0.5 + gap);
    }
    notFull[t + 1] = notFull[t]! + nf;
  }
  return { over, notFull };
}

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

/** 0..1 from a split's cost and margin: a forced or clear-cut split is trusted, a near tie is not. */
export function splitConfidence(split: Split): number {
  if (split.margin === Number.POSITIVE_INFINITY) return split.cost < 1 ? 0.9 : 0.7;
  const clear = Math.min(1, split.margin / 1.5);
  const c = 0.5 + 0.4 * clear - Math.min(0.3, split.cost / 10);
  return Math.max(0.3, Math.min(0.92, c));
}
