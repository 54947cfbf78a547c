import {
  cluster,
  intervalOf,
  mergeRules,
  type PageContent,
  type Rule,
  runCenter,
  type TextRun,
  TOL,
} from './geometry.ts';
import { cellsFrom, collect, type PageTable, splitRun } from './page-table.ts';

// Tables from ruling lines. Column boundaries are the clustered x of the vertical lines, row
// boundaries the clustered y of the horizontal ones; two neighbouring positions belong to one
// merged cell when no line separates them. Text goes to the cell whose box holds its centre.

/** The lines of one table on one page. */
export type Frame = { left: number; right: number; top: number; bottom: number; h: Rule[]; v: Rule[] };

/** Cells narrower or shorter than this are the gap of a double border, not a cell. */
const MIN_CELL = 4;

function touches(h: Rule, v: Rule): boolean {
  return v.x1 >= h.x1 - TOL && v.x1 <= h.x2 + TOL && h.y1 >= v.y1 - TOL && h.y1 <= v.y2 + TOL;
}

/** Connected groups of crossing lines with at least two of each direction: the page's tables. */
export function findFrames(content: PageContent): Frame[] {
  const h = mergeRules(content.horizontal, true);
  const v = mergeRules(content.vertical, false);
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++) if (touches(h[i]!, v[j]!)) parent[find(i)] = find(h.length + j);
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  [...h, ...v].forEach((rule, i) => {
    const root = find(i);
    const g = groups.get(root) ?? { h: [], v: [] };
    (i < h.length ? g.h : g.v).push(rule);
    groups.set(root, g);
  });
  const frames: Frame[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = g.v.map((r) => r.x1).concat(g.h.flatMap((r) => [r.x1, r.x2]));
    const ys = g.h.map((r) => r.y1).concat(g.v.flatMap((r) => [r.y1, r.y2]));
    frames.push({
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.max(...ys),
      bottom: Math.min(...ys),
      ...g,
    });
  }
  return frames.sort((a, b) => b.top - a.top);
}

/**
 * Names each frame's family: tables whose left and right edges agree within a few points (the same
 * form on several pages) share one set of columns.
 */
export function families(frames: readonly Frame[]): Map<Frame, string> {
  const reps: Array<{ left: number; right: number; name: string }> = [];
  const out = new Map<Frame, string>();
  for (const f of frames) {
    let rep = reps.find(
      (r) => Math.abs(r.left - f.left) <= 2 * TOL && Math.abs(r.right - f.right) <= 2 * TOL,
    );
    if (!rep) {
      rep = { left: f.left, right: f.right, name: `ruled:${reps.length}` };
      reps.push(rep);
    }
    out.set(f, rep.name);
  }
  return out;
}

/** Boundaries from clustered positions, dropping slivers between the lines of a double border. */
function boundaries(values: number[]): number[] {
  const out: number[] = [];
  for (const v of cluster(values)) {
    if (out.length > 0 && v - out[out.length - 1]! < MIN_CELL)
      out[out.length - 1] = (out[out.length - 1]! + v) / 2;
    else out.push(v);
  }
  return out;
}

export function columnBoundaries(frames: readonly Frame[]): number[] {
  return boundaries(frames.flatMap((f) => [f.left, f.right, ...f.v.map((r) => r.x1)]));
}

const covers = (rules: readonly Rule[], horizontal: boolean, at: number, along: number): boolean =>
  rules.some((r) =>
    horizontal
      ? Math.abs(r.y1 - at) <= TOL && along >= r.x1 - TOL && along <= r.x2 + TOL
      : Math.abs(r.x1 - at) <= TOL && along >= r.y1 - TOL && along <= r.y2 + TOL,
  );

/** Splits runs that cross a drawn column border (pdfjs may merge neighbouring cells' text). */
function splitAcross(runs: TextRun[], xs: readonly number[], v: readonly Rule[]): TextRun[] {
  const out: TextRun[] = [];
  const queue = [...runs];
  while (queue.length > 0) {
    const run = queue.shift()!;
    const mid = run.y + 0.38 * run.size;
    const at = xs.find(
      (x) => x > run.x + 0.3 * run.size && x < run.x + run.width - 0.3 * run.size && covers(v, false, x, mid),
    );
    const parts = at === undefined ? null : splitRun(run, at);
    if (parts) queue.unshift(...parts);
    else out.push(run);
  }
  return out;
}

/**
 * Builds one table from its frame, the family's column boundaries and the page's runs; returns the
 * table and the runs that lie outside it.
 */
export function ruledTable(
  frame: Frame,
  family: string,
  allColumns: readonly number[],
  runs: readonly TextRun[],
): { table: PageTable; rest: TextRun[] } {
  const xs = allColumns.filter((x) => x >= frame.left - TOL && x <= frame.right + TOL);
  const ys = boundaries([frame.top, frame.bottom, ...frame.h.map((r) => r.y1)]).reverse();
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const h = frame.h;
  const v = frame.v;
  const midY = (r: number) => (ys[r]! + ys[r + 1]!) / 2;
  const midX = (c: number) => (xs[c]! + xs[c + 1]!) / 2;

  // Positions not separated by a line are one merged cell.
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      if (c > 0 && !covers(v, false, xs[c]!, midY(r))) union(r * cols + c - 1, r * cols + c);
      if (r > 0 && !covers(h, true, ys[r]!, midX(c))) union((r - 1) * cols + c, r * cols + c);
    }
  // The smallest index of a merged area is its top row's leftmost position.
  const anchor = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c): [number, number] => {
      const root = find(r * cols + c);
      return [Math.floor(root / cols), root % cols];
    }),
  );

  const inside = (t: TextRun) => {
    const p = runCenter(t);
    return (
      p.x >= frame.left - TOL &&
      p.x <= frame.right + TOL &&
      p.y <= frame.top + TOL &&
      p.y >= frame.bottom - TOL
    );
  };
  const assigned = new Map<string, TextRun[]>();
  const rest: TextRun[] = [];
  const ascending = [...ys].reverse();
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  for (const run of splitAcross(runs.filter(inside), xs, v)) {
    const p = runCenter(run);
    const c = intervalOf(xs, clamp(p.x, xs[0]!, xs[cols]!));
    const r = rows - 1 - intervalOf(ascending, clamp(p.y, ascending[0]!, ascending[rows]!));
    const [ar, ac] = anchor[r]![c]!;
    collect(assigned, ar, ac, run);
  }
  for (const run of runs) if (!inside(run)) rest.push(run);

  // A row split by the page break has no closing border under any of its own cells. A group cell
  // (一级/二级指标) that merely continues overleaf is open too while the row beside it is closed —
  // Calc prints merged cells that way — and that is a finished row, not half of one.
  const last = rows - 1;
  const openColumns = Array.from({ length: cols }, (_, c) => !covers(h, true, ys[rows]!, midX(c)));
  const closedRowCell = openColumns.some((open, c) => !open && anchor[last]![c]![0] === last);
  const openBottom = openColumns.some(Boolean) && !closedRowCell;
  const table: PageTable = {
    top: frame.top,
    family,
    cells: cellsFrom(rows, cols, assigned),
    anchor,
    openBottom,
    openColumns,
    ruled: true,
  };
  return { table, rest };
}
