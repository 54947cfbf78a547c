import type { ExportGrid, GridCell } from '../layout/grid.ts';
import type { FaceName } from './fonts.ts';
import { wrapText } from './wrap.ts';

// Where everything goes on the printed pages, decided before anything is drawn: each cell's
// wrapped lines, each row's height, and which rows land on which page. Pure (the caller passes the
// font measurement), so the page breaking is testable without pdfkit.

/** A4 landscape, in points, with the margins of a printed government form. */
export const PAGE = { width: 841.89, height: 595.28, top: 36, bottom: 44, left: 30, right: 30 } as const;
export const BODY_SIZE = 9;
const LINE_FACTOR = 1.3;
const PAD_X = 3;
export const PAD_Y = 3.5;
const MIN_ROW = 20;
const TITLE = { size: 18, height: 34 };
const SUBTITLE = { size: 11, height: 22 };
const MIN_SHRUNK_SIZE = 5;

export type Measure = (text: string, face: FaceName, size: number) => number;

export type LaidCell = {
  cell: GridCell;
  x: number;
  width: number;
  face: FaceName;
  size: number;
  lines: string[];
  /** title and subtitle sit above the table, without borders. */
  bordered: boolean;
};

/** One row, or the part of a row taller than a page that falls on one page. */
export type Piece = {
  row: number;
  height: number;
  /** for a row split over pages: the lines of its cells printed in this piece. */
  lines?: { from: number; to: number };
  /** a split row continues on the next page: no bottom border (the importer joins the parts). */
  open: boolean;
  /** the indicator header repeated at the top of a continuation page. */
  repeated: boolean;
};

export type PagePlan = { pieces: Piece[] };

export type Plan = { cells: LaidCell[]; rowHeights: number[]; pages: PagePlan[]; lineHeight: number };

export const lineHeight = (size: number): number => size * LINE_FACTOR;

export function tableWidth(): number {
  return PAGE.width - PAGE.left - PAGE.right;
}

/** Wraps a cell's text at `size` for the given width. */
export function wrapCell(
  text: string,
  face: FaceName,
  size: number,
  width: number,
  measure: Measure,
): string[] {
  if (!text) return [];
  return wrapText(text, width - 2 * PAD_X, (s) => measure(s, face, size));
}

function layCells(grid: ExportGrid, measure: Measure): LaidCell[] {
  const units = grid.columnWidths.reduce((a, b) => a + b, 0);
  const scale = tableWidth() / units;
  const xs: number[] = [PAGE.left];
  for (const w of grid.columnWidths) xs.push(xs[xs.length - 1]! + w * scale);
  return grid.cells.map((cell) => {
    const x = xs[cell.col]!;
    const width = xs[Math.min(cell.col + cell.colSpan, xs.length - 1)]! - x;
    const face: FaceName = cell.role === 'title' ? 'bold' : 'regular';
    const size = cell.role === 'title' ? TITLE.size : cell.role === 'subtitle' ? SUBTITLE.size : BODY_SIZE;
    const bordered = cell.role !== 'title' && cell.role !== 'subtitle';
    return { cell, x, width, face, size, lines: wrapCell(cell.text, face, size, width, measure), bordered };
  });
}

function neededHeight(c: LaidCell): number {
  if (c.cell.role === 'title') return TITLE.height;
  if (c.cell.role === 'subtitle') return SUBTITLE.height;
  return Math.max(MIN_ROW, c.lines.length * lineHeight(c.size) + 2 * PAD_Y);
}

/** Row heights from content; a merged cell taller than its rows stretches the last of them. */
function rowHeights(grid: ExportGrid, cells: LaidCell[]): number[] {
  const h = Array<number>(grid.rowCount).fill(MIN_ROW);
  const spanning: LaidCell[] = [];
  for (const c of cells) {
    if (c.cell.rowSpan === 1) h[c.cell.row] = Math.max(h[c.cell.row]!, neededHeight(c));
    else spanning.push(c);
  }
  spanning.sort((a, b) => a.cell.rowSpan - b.cell.rowSpan);
  for (const c of spanning) {
    const last = Math.min(grid.rowCount, c.cell.row + c.cell.rowSpan) - 1;
    let have = 0;
    for (let r = c.cell.row; r <= last; r++) have += h[r]!;
    const need = neededHeight(c);
    if (need > have) h[last] = h[last]! + need - have;
  }
  return h;
}

/** The most lines any single-row cell of `row` has (a split row is cut by lines). */
function rowLines(cells: LaidCell[], row: number): number {
  let n = 0;
  for (const c of cells) if (c.cell.row === row && c.cell.rowSpan === 1) n = Math.max(n, c.lines.length);
  return n;
}

function paginate(grid: ExportGrid, cells: LaidCell[], h: number[]): PagePlan[] {
  const bottom = PAGE.height - PAGE.bottom;
  const header = grid.repeatRows;
  const lh = lineHeight(BODY_SIZE);
  const pages: PagePlan[] = [{ pieces: [] }];
  let y = PAGE.top;
  let page = pages[0]!;
  // Rows after the indicator header get the header repeated on each new page.
  const newPage = (nextRow: number): void => {
    page = { pieces: [] };
    pages.push(page);
    y = PAGE.top;
    if (header && nextRow > header.to && nextRow < grid.rowCount) {
      for (let r = header.from; r <= header.to; r++) {
        page.pieces.push({ row: r, height: h[r]!, open: false, repeated: true });
        y += h[r]!;
      }
    }
  };
  const fresh = (): boolean => page.pieces.every((p) => p.repeated);

  let headerHeight = 0;
  if (header) for (let r = header.from; r <= header.to; r++) headerHeight += h[r]!;
  for (let r = 0; r < grid.rowCount; r++) {
    const height = h[r]!;
    // Keep the indicator header with the first indicator row.
    const keep = header && r === header.to && r + 1 < grid.rowCount ? Math.min(h[r + 1]!, 4 * lh) : 0;
    // A row that no page can hold is split anyway: start it here if a few lines still fit.
    const mustSplit = height > bottom - PAGE.top - (header && r > header.to ? headerHeight : 0);
    const roomForLines = bottom - y - 2 * PAD_Y >= 4 * lh;
    if (y + height + keep > bottom && !fresh() && !(mustSplit && roomForLines)) newPage(r);
    if (y + height <= bottom) {
      page.pieces.push({ row: r, height, open: false, repeated: false });
      y += height;
      continue;
    }
    // Taller than a whole page: print its lines in parts, each part to the foot of a page.
    const total = rowLines(cells, r);
    let from = 0;
    while (from < total) {
      let fit = Math.floor((bottom - y - 2 * PAD_Y) / lh);
      if (fit < 2 && !fresh()) {
        newPage(r);
        fit = Math.floor((bottom - y - 2 * PAD_Y) / lh);
      }
      fit = Math.max(1, fit);
      const to = Math.min(total, from + fit);
      const last = to === total;
      const pieceHeight = last ? Math.max(MIN_ROW, (to - from) * lh + 2 * PAD_Y) : bottom - y;
      page.pieces.push({ row: r, height: pieceHeight, lines: { from, to }, open: !last, repeated: false });
      y += pieceHeight;
      from = to;
      if (!last) newPage(r);
    }
  }
  return pages;
}

export function planPages(grid: ExportGrid, measure: Measure): Plan {
  const cells = layCells(grid, measure);
  const heights = rowHeights(grid, cells);
  return {
    cells,
    rowHeights: heights,
    pages: paginate(grid, cells, heights),
    lineHeight: lineHeight(BODY_SIZE),
  };
}

/** A merged cell drawn in a box shorter than its text (a group cut by a page break) gets a smaller font. */
export function fitToBox(
  c: LaidCell,
  boxHeight: number,
  measure: Measure,
): { size: number; lines: string[] } {
  let size = c.size;
  let lines = c.lines;
  while (size > MIN_SHRUNK_SIZE && lines.length * lineHeight(size) + 2 * PAD_Y > boxHeight) {
    size -= 0.5;
    lines = wrapCell(c.cell.text, c.face, size, c.width, measure);
  }
  return { size, lines };
}

export { PAD_X };
