// The official printed layout of a 项目支出绩效自评表 as a grid of cells with merges — one model
// that the xlsx, docx, PDF and HTML exporters all render, so the four files show the same table.
// And the reading side: what the xlsx, docx and PDF readers hand to the shared grid parser.

export type CellRole =
  | 'title' // 项目支出绩效自评表
  | 'subtitle' // （2021年度）
  | 'label' // fixed vocabulary: 项目名称, 年初预算数, 一级指标 …
  | 'header' // column headers of the funds block and the indicator table
  | 'text' // user text: names, targets, narrative
  | 'amount' // money, 2 decimals
  | 'percent' // execution rate, shown `93.51%`
  | 'score'; // weights and scores, up to 2 decimals

export type GridCell = {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  role: CellRole;
  /** what is printed. For amount/percent/score cells also see `value`. */
  text: string;
  /** the number behind an amount/percent/score cell (percent in percent units: 93.51). */
  value?: number;
  align: 'left' | 'center' | 'right';
};

export type ExportGrid = {
  /** column widths in character units (one CJK character ≈ 2 units), for xlsx/docx/pdf/html. */
  columnWidths: number[];
  rowCount: number;
  /** anchor cells only; a merged area is one cell with rowSpan/colSpan > 1. */
  cells: GridCell[];
  /** the rows repeated at the top of each printed page (the indicator table header). */
  repeatRows: { from: number; to: number } | null;
  /** the first row of the indicator table, where a page break is allowed. */
  indicatorStart: number;
  title: string;
};

/**
 * A table read from a file: `cells[r][c]` is the text of the cell at that position; a merged area
 * holds its text in its top-left position and '' in the others. `source` says where each row came
 * from, for warnings (`第 3 页`, `工作表“Sheet1” 第 12 行`).
 */
export type ReadGrid = {
  cells: string[][];
  /** per row: where it came from, used in warnings and errors. */
  rowSource: Array<{ page?: number; sheet?: string; row?: number; table?: number }>;
  /** numbers as the file stored them (xlsx numeric cells), keyed `r,c`, so `93.51%` stored as 0.9351 is not re-parsed from text. */
  numbers?: Map<string, number>;
};
