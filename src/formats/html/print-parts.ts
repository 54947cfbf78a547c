import type { ExportGrid, GridCell } from '../layout/grid.ts';

// formGrid() lays the form out as one grid; a printed page needs it cut into parts, because
// both Word (w:tblHeader) and browsers (<thead>) repeat only header rows at the very top of a
// table. So the docx and HTML exporters print:
//   headings  title and （2021年度） as centred lines above the table, as on the official form;
//   tables[0] 项目名称 … 年度总体目标, which never repeats;
//   tables[1] the indicator table, its first row (一级指标 … 偏差原因分析及改进措施) repeated on
//             every page.
// A cell merged from the header row down into the body (the 绩效指标 label) cannot cross that
// boundary — a browser never lets rowspan leave its row group, and Word and LibreOffice repeat a
// header only if no merge leaves it — so it is cut in two: the text stays in the header part and
// the body part is blank, the border between them hidden so the page shows one merged cell.

/** A grid cell placed in one printed table: `row` counts from the table's first row. */
export type PartCell = GridCell & {
  /** the top edge continues a cell cut at the header boundary: draw no border there. */
  openTop?: boolean;
  /** the bottom edge continues into the body part: draw no border there. */
  openBottom?: boolean;
};

export type PrintTable = {
  /** grid row of this table's first row. */
  fromRow: number;
  rowCount: number;
  /** how many rows at the top repeat on each printed page (0: none). */
  headerRows: number;
  cells: PartCell[];
};

export type PrintParts = {
  /** title and subtitle cells, in order, printed as paragraphs. */
  headings: GridCell[];
  tables: PrintTable[];
  columnWidths: number[];
  columnCount: number;
};

const HEADING_ROLES = new Set(['title', 'subtitle']);

export function printParts(grid: ExportGrid): PrintParts {
  const columnCount = grid.columnWidths.length;
  let start = 0;
  while (start < grid.rowCount) {
    const rowCells = grid.cells.filter((c) => c.row === start);
    if (rowCells.length === 0 || !rowCells.every((c) => HEADING_ROLES.has(c.role))) break;
    start++;
  }
  const headings = grid.cells.filter((c) => c.row < start).sort((a, b) => a.row - b.row || a.col - b.col);
  const body = grid.cells.filter((c) => c.row >= start);

  const from = grid.repeatRows?.from ?? -1;
  const to = grid.repeatRows?.to ?? -1;
  // Only split where no merge from above crosses the cut; otherwise print one table without repeats.
  const canSplit =
    from >= start &&
    to >= from &&
    to < grid.rowCount &&
    !body.some((c) => c.row < from && c.row + c.rowSpan > from);
  if (!canSplit) {
    return {
      headings,
      tables: [table(start, grid.rowCount - start, 0, body)],
      columnWidths: grid.columnWidths,
      columnCount,
    };
  }
  const top = body.filter((c) => c.row < from);
  const bottom: PartCell[] = [];
  for (const c of body.filter((x) => x.row >= from)) {
    const end = c.row + c.rowSpan - 1;
    if (c.row <= to && end > to) {
      bottom.push({ ...c, rowSpan: to - c.row + 1, openBottom: true });
      bottom.push({ ...c, row: to + 1, rowSpan: end - to, text: '', openTop: true });
      continue;
    }
    bottom.push(c);
  }
  const tables = [table(from, grid.rowCount - from, to - from + 1, bottom)];
  if (from > start) tables.unshift(table(start, from - start, 0, top));
  return { headings, tables, columnWidths: grid.columnWidths, columnCount };
}

function table(fromRow: number, rowCount: number, headerRows: number, cells: PartCell[]): PrintTable {
  const shifted = cells
    .map((c) => ({ ...c, row: c.row - fromRow }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return { fromRow, rowCount, headerRows, cells: shifted };
}

/** One position of a printed row: the anchor of a cell, or the continuation of one merged from above. */
export type RowSlot = { cell: PartCell; continued: boolean };

/**
 * The slots of each row, left to right, as Word writes them: a vertically merged cell appears in
 * every row it covers (w:vMerge restart, then continue), with the same column span.
 */
export function rowSlots(t: PrintTable): RowSlot[][] {
  const rows: RowSlot[][] = Array.from({ length: t.rowCount }, () => []);
  for (const cell of t.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan && r < t.rowCount; r++) {
      rows[r]!.push({ cell, continued: r > cell.row });
    }
  }
  for (const r of rows) r.sort((a, b) => a.cell.col - b.cell.col);
  return rows;
}
