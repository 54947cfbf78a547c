// Row heights, estimated: LibreOffice and WPS do not auto-fit rows of a file they open, so a
// wrapped cell printed at the default height shows one line. Each cell's text is measured in
// column-width units (a CJK character ≈ 2 units, Latin ≈ 1, as a spreadsheet counts them) against
// the width of its merged area; the row gets the height of its tallest cell.

import type { ExportGrid, GridCell } from '../layout/grid.ts';

/** Points per printed line at 10 pt: Excel's own row height for one line of 10 pt 宋体. */
export const LINE_POINTS = 13.5;
const PADDING_POINTS = 5;
export const MIN_ROW_POINTS = 20;
/** Excel's limit; a taller row is split over several sheet rows by the exporter. */
export const MAX_ROW_POINTS = 409;
/** a column loses a few pixels to cell padding. */
const CELL_PADDING_UNITS = 0.5;
/** lines break at characters, not at the exact width: a little slack so the last line is never cut. */
const WRAP_SLACK = 1.05;
/** Units per character at 10 pt: a column unit is 7 px (Calibri 11's digit), a CJK glyph 13.3 px. */
const WIDE_UNITS = 1.9;
const NARROW_UNITS = 1;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** Display width of one line in column-width units. */
export function textUnits(line: string): number {
  let u = 0;
  for (const ch of line) u += isWide(ch.codePointAt(0)!) ? WIDE_UNITS : NARROW_UNITS;
  return u;
}

/** Printed lines of a text in a cell `widthUnits` wide (explicit line breaks kept). */
export function linesNeeded(text: string, widthUnits: number, fontScale = 1): number {
  if (!text) return 1;
  const usable = Math.max(1, widthUnits - CELL_PADDING_UNITS);
  let lines = 0;
  for (const line of text.split('\n'))
    lines += Math.max(1, Math.ceil((textUnits(line) * fontScale * WRAP_SLACK) / usable));
  return lines;
}

function cellWidth(grid: ExportGrid, cell: GridCell): number {
  let w = 0;
  for (let c = cell.col; c < cell.col + cell.colSpan; c++) w += grid.columnWidths[c] ?? 8;
  return w;
}

/** Points each grid row needs: single-row cells first, then merged cells stretch their last row. */
export function rowPoints(grid: ExportGrid, fontScale: (cell: GridCell) => number): number[] {
  const heights = Array<number>(grid.rowCount).fill(MIN_ROW_POINTS);
  // Numbers never wrap (a spreadsheet shows ### instead; `fitColumns` makes them fit).
  const need = (cell: GridCell): number =>
    (cell.value === undefined ? linesNeeded(cell.text, cellWidth(grid, cell), fontScale(cell)) : 1) *
      LINE_POINTS *
      fontScale(cell) +
    PADDING_POINTS;
  for (const cell of grid.cells) {
    if (cell.rowSpan === 1) heights[cell.row] = Math.max(heights[cell.row]!, need(cell));
  }
  for (const cell of grid.cells) {
    if (cell.rowSpan <= 1) continue;
    const last = cell.row + cell.rowSpan - 1;
    let have = 0;
    for (let r = cell.row; r <= last; r++) have += heights[r]!;
    const missing = need(cell) - have;
    if (missing > 0) heights[last]! += missing;
  }
  return heights.map((h) => Math.ceil(h));
}

const SHORT_LABEL = 5;

/**
 * Column widths widened where a number or a short header would not fit on one line (`93.51%` in
 * the 7-unit 执行率 column shows as ### otherwise).
 */
export function fitColumns(grid: ExportGrid): number[] {
  const widths = grid.columnWidths.slice();
  for (const cell of grid.cells) {
    if (cell.colSpan !== 1) continue;
    const numeric = cell.value !== undefined;
    const shortLabel =
      (cell.role === 'header' || cell.role === 'label') && [...cell.text].length <= SHORT_LABEL;
    if (!numeric && !shortLabel) continue;
    const need = Math.ceil(textUnits(cell.text) + CELL_PADDING_UNITS + (numeric ? 1 : 0.5));
    widths[cell.col] = Math.max(widths[cell.col] ?? 0, need);
  }
  return widths;
}
