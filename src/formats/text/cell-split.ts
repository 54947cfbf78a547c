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
//  - the column's width measured on the whole table, when known (a second pass; widths.ts);
//  - small priors: cut where pdftotext left a blank line (it leaves them between cells, and inside
//    a cell mostly before its last line), a sentence end may end a line early, a cell never
//    starts with `。` nor ends with `：`.

export type SplitLine = {
  /** display width of the line (lines.ts textWidth). */
  width: number;
  /** width of the line's first unbreakable unit (lines.ts leadUnitWidth). */
  lead: number;
  /** the line ends a sentence, so it may be short without ending its cell. */
  hard: boolean;
  /** a blank line precedes this one. */
  blankBefore: boolean;
  /** starts with closing punctuation (`。`, `、`): never the first line of a cell. */
  startsClosing: boolean;
  /** ends with an opening bracket or a colon (`完成情况：`): never the last line of a cell. */
  endsOpen: boolean;
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
const OPTIONAL_USED = 0.15; // a deviation note is the exception, not the rule
const OPTIONAL_LINE = 0.05;
const HARD = 0.1; // a sentence end inside a cell
const NO_BLANK = 0.3; // a cut where pdftotext printed no blank line
const CONTRADICTION = 0.5;
const BAD_EDGE = 1; // a cell starting with `。` or ending with `：`
// pdftotext leaves blank lines between cells, and inside a cell mostly before its last line.
const BLANK_INSIDE = 0.3;

/** Extra cost of starting a cell at line j (j > 0); callers add their own cues. */
export type BoundaryCost = (j: number) => number;

// Scratch state reused across calls: a form needs dozens of small splits, and allocating typed
// arrays (or closures) for each costs more than the dynamic programming itself. Not re-entrant.
let f64 = new Float64Array(4096);
let i32 = new Int32Array(1024);
let cur: readonly SplitLine[] = [];
let cols: readonly Column[] = [];
let stride = 1;
let CUT = 0;
let EDGE = 0;
let BLANKS = 0;
let LAST = 0;
let WIDTH = 0;
let REACH = 0;
let HARD_AT = 0;
let BEST = 0;
let PREFIX = 0;
let TABLE = 0;
let DONE = 0;

export function splitLines(
  lines: readonly SplitLine[],
  columns: readonly Column[],
  boundary?: BoundaryCost,
): Split {
  const n = lines.length;
  const S = columns.length;
  const st = n + 1;
  cur = lines;
  cols = columns;
  stride = st;
  // f64: cut | edge | blanks | last | width | reach | hard | best | (over, notFull) per column |
  // self table. i32: from | done.
  CUT = 0;
  EDGE = st;
  BLANKS = 2 * st;
  LAST = 3 * st;
  WIDTH = 4 * st;
  REACH = 5 * st;
  HARD_AT = 6 * st;
  BEST = 7 * st;
  PREFIX = BEST + (S + 1) * st;
  TABLE = PREFIX + 2 * S * st;
  DONE = (S + 1) * st;
  if (f64.length < TABLE + st * st) f64 = new Float64Array(2 * (TABLE + st * st));
  if (i32.length < DONE + st) i32 = new Int32Array(2 * (DONE + st));
  const f = f64;
  const from = i32;

  f[CUT] = 0;
  f[BLANKS] = 0;
  for (let j = 0; j < n; j++) {
    f[BLANKS + j + 1] = f[BLANKS + j]! + (lines[j]!.blankBefore ? BLANK_INSIDE : 0);
    const l = lines[j]!;
    if (j > 0)
      f[CUT + j] =
        (l.blankBefore ? 0 : NO_BLANK) + (l.startsClosing ? BAD_EDGE : 0) + (boundary ? boundary(j) : 0);
    f[EDGE + j] = l.endsOpen ? BAD_EDGE : 0;
    // Copied out of the line objects once: the quadratic loops below read them from the array.
    // reach: the width line j-1 would have had if line j's first unit had fitted on it.
    f[WIDTH + j] = l.width;
    if (j > 0) f[REACH + j] = lines[j - 1]!.width + l.lead;
    f[HARD_AT + j] = l.hard ? 1 : 0;
  }
  fillLast(n, f, LAST);
  from.fill(0, DONE, DONE + n + 1);
  for (let s = 0; s < S; s++) {
    const w = columns[s]!.width;
    if (w !== null) fillPrefix(n, w, f, PREFIX + 2 * s * st, PREFIX + (2 * s + 1) * st);
  }

  // best[s][j]: cheapest way to put lines 0..j-1 into cells 0..s-1. `seg` inlined: this is the
  // hot loop of the whole importer.
  f.fill(Number.POSITIVE_INFINITY, BEST, BEST + (S + 1) * st);
  f[BEST] = 0;
  for (let s = 0; s < S; s++) {
    const optional = columns[s]!.optional;
    const hasWidth = columns[s]!.width !== null;
    const over = PREFIX + 2 * s * st;
    const notFull = over + st;
    const row = BEST + s * st;
    const next = row + st;
    const lastCell = s === S - 1; // it must end at the last line
    for (let i = 0; i <= n; i++) {
      const base = f[row + i]!;
      if (base === Number.POSITIVE_INFINITY) continue;
      if (!lastCell || i === n) {
        const e = base + (optional ? 0 : EMPTY);
        if (e < f[next + i]!) {
          f[next + i] = e;
          from[next - BEST + i] = i;
        }
      }
      if (i === n) continue;
      const fixed = base + (i > 0 ? f[CUT + i]! : 0) + (optional ? OPTIONAL_USED - OPTIONAL_LINE * i : 0);
      const ov = hasWidth ? f[over + i]! : 0;
      const nf = hasWidth ? f[notFull + i]! : 0;
      let j = i + 1;
      let tr = LAST + i - n; // f[tr + n] = self(i, n)
      if (lastCell) j = n;
      else {
        if (!from[DONE + i]) {
          fillRow(n, i, f, TABLE + i * st);
          from[DONE + i] = 1;
        }
        tr = TABLE + i * st;
      }
      // Loop-invariant loads hoisted by hand: the stores into `f` below keep the compiler from it.
      const blanksFrom = f[BLANKS + i + 1]!;
      for (; j <= n; j++) {
        let c = fixed + f[tr + j]! + f[EDGE + j - 1]!;
        if (j - i >= 3) c += f[BLANKS + j - 1]! - blanksFrom; // blanks inside, not before the last line
        if (hasWidth) c += f[over + j]! - ov + f[notFull + j - 1]! - nf;
        if (optional) c += OPTIONAL_LINE * j;
        if (c < f[next + j]!) {
          f[next + j] = c;
          from[next - BEST + j] = i;
        }
      }
    }
  }
  const starts = new Array<number>(S + 1);
  starts[S] = n;
  for (let s = S, j = n; s > 0; s--) {
    j = from[s * st + j]!;
    starts[s - 1] = j;
  }
  const cost = f[BEST + S * st + n]!;

  // Margin: the cheapest cut that moves one boundary by one line.
  let margin = Number.POSITIVE_INFINITY;
  for (let b = 1; b < S; b++) {
    const before = seg(b - 1, starts[b - 1]!, starts[b]!) + seg(b, starts[b]!, starts[b + 1]!);
    for (let d = -1; d <= 1; d += 2) {
      const moved = starts[b]! + d;
      if (moved < starts[b - 1]! || moved > starts[b + 1]!) continue;
      const after = seg(b - 1, starts[b - 1]!, moved) + seg(b, moved, starts[b + 1]!);
      margin = Math.min(margin, after - before);
    }
  }
  cur = [];
  cols = [];
  return { starts, cost, margin: Math.max(0, margin) };
}

/** Cost of lines i..j-1 as cell s (empty when i === j); the DP loop above inlines the same sum. */
function seg(s: number, i: number, j: number): number {
  const col = cols[s]!;
  if (i === j) return col.optional ? 0 : EMPTY;
  const f = f64;
  let c = selfCost(i, j) + f[EDGE + j - 1]!;
  if (j - i >= 3) c += f[BLANKS + j - 1]! - f[BLANKS + i + 1]!;
  if (col.width !== null) {
    const over = PREFIX + 2 * s * stride;
    const notFull = over + stride;
    c += f[over + j]! - f[over + i]! + f[notFull + j - 1]! - f[notFull + i]!;
  }
  if (col.optional) c += OPTIONAL_USED + OPTIONAL_LINE * (j - i);
  if (i > 0) c += f[CUT + i]!;
  return c;
}

function selfCost(i: number, j: number): number {
  if (j === cur.length) return f64[LAST + i]!;
  if (!i32[DONE + i]) {
    fillRow(cur.length, i, f64, TABLE + i * stride);
    i32[DONE + i] = 1;
  }
  return f64[TABLE + i * stride + j]!;
}

function selfValue(lo: number, hi: number, hard: number): number {
  const v = lo - hi;
  return (v >= 0 ? Math.min(CAP, CONTRADICTION + v) : 0) + HARD * hard;
}

/**
 * self(i, j) — how badly lines i..j-1 contradict being one cell of any single width: the widest
 * line must be narrower than every non-last line plus the unit that followed it. Row i of the
 * table is filled on demand; the last cell's self(i, n) comes from one backward pass, which keeps
 * two-cell splits linear.
 */
function fillRow(n: number, i: number, f: Float64Array, at: number): void {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let hard = 0;
  for (let j = i + 1; j <= n; j++) {
    const t = j - 1;
    if (t > i) {
      if (f[HARD_AT + t - 1]) hard++;
      else hi = Math.min(hi, f[REACH + t]!);
    }
    lo = Math.max(lo, f[WIDTH + t]!);
    f[at + j] = selfValue(lo, hi, hard);
  }
}

function fillLast(n: number, f: Float64Array, at: number): void {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  let hard = 0;
  f[at + n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    if (i < n - 1) {
      if (f[HARD_AT + i]) hard++;
      else hi = Math.min(hi, f[REACH + i + 1]!);
    }
    lo = Math.max(lo, f[WIDTH + i]!);
    f[at + i] = selfValue(lo, hi, hard);
  }
}

/** Prefix sums of the per-line costs of belonging to a column `width` wide. */
function fillPrefix(n: number, width: number, f: Float64Array, over: number, notFull: number): void {
  f[over] = 0;
  f[notFull] = 0;
  for (let t = 0; t < n; t++) {
    const w = f[WIDTH + t]!;
    const o = w - width - TOL;
    f[over + t + 1] = f[over + t]! + (o > 0 ? Math.min(CAP, 0.5 + o) : 0);
    let nf = 0;
    if (t + 1 < n && !f[HARD_AT + t]) {
      const gap = width - TOL - f[REACH + t + 1]!;
      if (gap > 0) nf = Math.min(CAP, 0.5 + gap);
    }
    f[notFull + t + 1] = f[notFull + t]! + nf;
  }
}

/** 0..1 from a split's cost and margin: a forced or clear-cut split is trusted, a near tie is not. */
export function splitConfidence(split: Split): number {
  if (split.margin === Number.POSITIVE_INFINITY) return split.cost < 1 ? 0.9 : 0.7;
  const clear = Math.min(1, split.margin);
  const c = 0.55 + 0.4 * clear - Math.min(0.2, split.cost / 15);
  return Math.max(0.3, Math.min(0.92, c));
}
