import type { ExportGrid, ReadGrid } from '../layout/grid.ts';

/**
 * The ReadGrid a perfect reader would get back from a rendered ExportGrid: each merged area's text
 * in its top-left cell, '' elsewhere. Round-trip tests of every format compare against this.
 */
export function readGridOf(grid: ExportGrid, source: { sheet?: string; page?: number } = {}): ReadGrid {
  const width = grid.columnWidths.length;
  const cells = Array.from({ length: grid.rowCount }, () => Array<string>(width).fill(''));
  for (const cell of grid.cells) {
    const row = cells[cell.row];
    if (row) row[cell.col] = cell.text;
  }
  return { cells, rowSource: cells.map((_, r) => ({ ...source, row: r + 1 })) };
}
