import { groupLines, intervalOf, joinRunsOnLine, type TextRun } from './geometry.ts';
import {
  cellsFrom,
  collect,
  isPageNumber,
  type LooseLine,
  looseLines,
  type PageTable,
} from './page-table.ts';

// The fallback for a page without ruling lines: columns where the text leaves vertical gaps, rows
// where the text leaves horizontal ones. It cannot see merged cells, so a label centred over a
// group of rows lands in one of them; the importer warns that such a page needs checking.

/** Runs of a line closer than this (in em) are one piece of text. */
const TOUCH_EM = 0.8;
/** A column gap crossed by more than this share of lines is not a gap. */
const CROSSING_SHARE = 0.2;

type Chunk = { x0: number; x1: number; runs: TextRun[] };

function chunks(line: TextRun[]): Chunk[] {
  const out: Chunk[] = [];
  for (const r of [...line].sort((a, b) => a.x - b.x)) {
    const last = out[out.length - 1];
    if (last && r.x - last.x1 <= TOUCH_EM * r.size) {
      last.x1 = Math.max(last.x1, r.x + r.width);
      last.runs.push(r);
    } else out.push({ x0: r.x, x1: r.x + r.width, runs: [r] });
  }
  return out;
}

/** Lines of text as pieces, page numbers left out. */
function pieceLines(runs: readonly TextRun[]): { lines: TextRun[][]; pieces: Chunk[][] } {
  const lines = groupLines(runs).filter((l) => !isPageNumber(joinRunsOnLine(l)));
  return { lines, pieces: lines.map(chunks) };
}

/**
 * Column boundaries from the text of all pages without ruling lines (one form, one set of
 * columns): x ranges that (almost) no piece of a multi-piece line covers.
 */
export function textColumns(pages: ReadonlyArray<readonly TextRun[]>): number[] {
  const all = pages.flatMap((runs) => pieceLines(runs).pieces);
  const rich = all.filter((p) => p.length >= 3);
  const tabular = rich.length >= 3 ? rich : all.filter((p) => p.length >= 2);
  if (tabular.length === 0) return [];
  const flat = tabular.flat();
  const em = flat.reduce((s, c) => s + c.runs[0]!.size, 0) / flat.length;
  const left = Math.floor(Math.min(...flat.map((c) => c.x0))) - 1;
  const right = Math.ceil(Math.max(...flat.map((c) => c.x1))) + 1;
  const count = new Uint32Array(right - left + 1);
  for (const c of flat) for (let x = Math.ceil(c.x0); x <= Math.floor(c.x1); x++) count[x - left]!++;
  const limit = Math.floor(CROSSING_SHARE * tabular.length);
  const bounds = [left];
  let gapStart = -1;
  for (let i = 0; i < count.length; i++) {
    const open = count[i]! <= limit;
    if (open && gapStart < 0) gapStart = i;
    if ((!open || i === count.length - 1) && gapStart >= 0) {
      const mid = left + (gapStart + i) / 2;
      if (i - gapStart >= 0.5 * em && mid > left + 2 && mid < right - 2) bounds.push(mid);
      gapStart = -1;
    }
  }
  bounds.push(right);
  return bounds;
}

type Block = { col: number; top: number; bottom: number; runs: TextRun[] };

type Band = { top: number; bottom: number };

/** Union of overlapping intervals, top first. */
function unite(intervals: Band[]): Band[] {
  const out: Band[] = [];
  for (const b of [...intervals].sort((x, y) => y.top - x.top)) {
    const last = out[out.length - 1];
    if (last && b.top >= last.bottom) last.bottom = Math.min(last.bottom, b.bottom);
    else out.push({ ...b });
  }
  return out;
}

/**
 * Rows: stretches of the page where several columns have text at once. A label centred beside a
 * group of rows (一级指标) covers the gaps between them alone, so a gap that at most a quarter of
 * the columns cover still separates rows. Blocks outside every such stretch (a row with only one
 * or two cells filled) make rows of their own.
 */
function rowBands(blocks: Block[]): { rowOf: Map<Block, number>; rows: number } {
  const columns = new Set(blocks.map((b) => b.col)).size;
  const limit = Math.max(1, Math.floor(columns / 4));
  const events = blocks
    .flatMap((b) => [
      { y: b.top, d: 1 },
      { y: b.bottom, d: -1 },
    ])
    .sort((a, b) => b.y - a.y || a.d - b.d);
  const crowded: Band[] = [];
  let depth = 0;
  let start: number | null = null;
  for (const e of events) {
    depth += e.d;
    if (depth > limit && start === null) start = e.y;
    if (depth <= limit && start !== null) {
      if (start > e.y) crowded.push({ top: start, bottom: e.y });
      start = null;
    }
  }
  const inBand = (b: Block, band: Band) => {
    const mid = (b.top + b.bottom) / 2;
    return mid <= band.top && mid >= band.bottom;
  };
  const loose = blocks.filter((b) => !crowded.some((band) => inBand(b, band)));
  const bands = [...crowded, ...unite(loose)].sort((x, y) => y.top - x.top);
  const rowOf = new Map<Block, number>();
  for (const b of blocks) {
    const mid = (b.top + b.bottom) / 2;
    let best = 0;
    let bestDist = Infinity;
    bands.forEach((band, i) => {
      const dist = mid > band.top ? mid - band.top : mid < band.bottom ? band.bottom - mid : 0;
      if (dist < bestDist) [best, bestDist] = [i, dist];
    });
    rowOf.set(b, best);
  }
  return { rowOf, rows: bands.length };
}

/**
 * The table of a page without ruling lines; lines above its first multi-piece line are loose
 * lines (title, year line).
 */
export function textTable(
  runs: readonly TextRun[],
  xs: readonly number[],
): { table: PageTable | null; lines: LooseLine[] } {
  const { lines, pieces } = pieceLines(runs);
  const first = pieces.findIndex((p) => p.length >= 2);
  if (first < 0 || xs.length < 2) return { table: null, lines: looseLines(runs) };
  const cols = xs.length - 1;
  const above = lines.slice(0, first).flat();

  // Per column, lines of text closer than 1.5 line heights form one block (one cell's text).
  const blocks: Block[] = [];
  const open = new Map<number, Block>();
  for (const piece of pieces.slice(first)) {
    let lastCol = -1;
    for (const chunk of piece) {
      // Two separate pieces of one line are two cells even where no column gap was found
      // (a label and its value): the second moves to the next column.
      let col = Math.max(0, intervalOf(xs, (chunk.x0 + chunk.x1) / 2));
      if (col <= lastCol && lastCol + 1 < cols) col = lastCol + 1;
      lastCol = col;
      const size = chunk.runs[0]!.size;
      const y = chunk.runs[0]!.y;
      const b = open.get(col);
      if (b && b.bottom - y <= 1.5 * size) {
        b.bottom = y;
        b.runs.push(...chunk.runs);
      } else {
        const nb: Block = { col, top: y + size, bottom: y, runs: [...chunk.runs] };
        blocks.push(nb);
        open.set(col, nb);
      }
    }
  }
  const { rowOf, rows } = rowBands(blocks);
  const assigned = new Map<string, TextRun[]>();
  for (const b of blocks) for (const r of b.runs) collect(assigned, rowOf.get(b)!, b.col, r);
  // A band holding only the middle of a taller cell's text is no row of its own.
  const cells = cellsFrom(rows, cols, assigned).filter((row) => row.some((c) => c !== ''));
  const anchor = cells.map((row, r) => row.map((_, c): [number, number] => [r, c]));
  const table: PageTable = {
    top: Math.max(...blocks.map((b) => b.top)),
    family: `text:${cols}`,
    cells,
    anchor,
    openBottom: false,
    openColumns: cells[0]?.map(() => false) ?? [],
    ruled: false,
  };
  return { table, lines: looseLines(above) };
}
