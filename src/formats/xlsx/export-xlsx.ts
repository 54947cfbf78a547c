// Form → .xlsx in the official printed layout (formGrid): merged cells, borders, wrapping, numbers
// as numbers, A4 landscape fitted to the page width, the indicator header repeated on each page.

import type { Form } from '../../core/form/schema.ts';
import type { Profile } from '../../core/rules/profile.ts';
import { formGrid } from '../layout/form-grid.ts';
import type { ExportGrid, GridCell } from '../layout/grid.ts';
import { type Alignment, type Borders, type Font, Workbook, type Worksheet } from './exceljs.ts';
import { formulaLike, quoteTextFormatCells, TEXT_FORMAT } from './quote-prefix.ts';
import { fitColumns, MAX_ROW_POINTS, rowPoints } from './row-heights.ts';

const FONT_NAME = '宋体';
const TEXT_FONT: Partial<Font> = { name: FONT_NAME, size: 10 };
const LABEL_FONT: Partial<Font> = { name: FONT_NAME, size: 10, bold: true };
const TITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 16, bold: true };
const SUBTITLE_FONT: Partial<Font> = { name: FONT_NAME, size: 11 };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const NUM_FMT: Partial<Record<GridCell['role'], string>> = { amount: '#,##0.00', percent: '0.00%' };

function fontOf(role: GridCell['role']): Partial<Font> {
  if (role === 'title') return TITLE_FONT;
  if (role === 'subtitle') return SUBTITLE_FONT;
  if (role === 'label' || role === 'header') return LABEL_FONT;
  return TEXT_FONT;
}

const fontScale = (cell: GridCell): number => (fontOf(cell.role).size ?? 10) / 10;

const alignments = new Map<string, Partial<Alignment>>();
function alignmentOf(cell: GridCell): Partial<Alignment> {
  const key = cell.align;
  let a = alignments.get(key);
  if (!a) {
    a = { horizontal: cell.align, vertical: 'middle', wrapText: true };
    alignments.set(key, a);
  }
  return a;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 28) || '绩效自评表';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base.slice(0, 26)}(${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Writes one grid to a new sheet. A grid row taller than Excel allows becomes several sheet rows.
 * Returns how many text cells look like formulas (they get the Text format; see quote-prefix.ts).
 */
export function writeGridSheet(ws: Worksheet, laid: ExportGrid): number {
  let quoted = 0;
  const grid: ExportGrid = { ...laid, columnWidths: fitColumns(laid) };
  ws.columns = grid.columnWidths.map((width) => ({ width }));
  const heights = rowPoints(grid, fontScale);
  const first: number[] = []; // sheet row (1-based) of each grid row
  const count: number[] = [];
  let next = 1;
  for (let r = 0; r < grid.rowCount; r++) {
    const k = Math.max(1, Math.ceil(heights[r]! / MAX_ROW_POINTS));
    first.push(next);
    count.push(k);
    for (let i = 0; i < k; i++) ws.getRow(next + i).height = Math.ceil(heights[r]! / k);
    next += k;
  }
  const lastRowOf = (r: number): number => first[r]! + count[r]! - 1;
  for (const cell of grid.cells) {
    const top = first[cell.row]!;
    const bottom = lastRowOf(cell.row + cell.rowSpan - 1);
    const left = cell.col + 1;
    const right = cell.col + cell.colSpan;
    const framed = cell.role !== 'title' && cell.role !== 'subtitle';
    // Every cell of a merged area carries the border, or Excel draws the outer edge in part only.
    if (framed) {
      for (let r = top; r <= bottom; r++)
        for (let c = left; c <= right; c++) ws.getCell(r, c).border = BORDER;
    }
    if (bottom > top || right > left) ws.mergeCells(top, left, bottom, right);
    const xc = ws.getCell(top, left);
    xc.font = fontOf(cell.role);
    xc.alignment = alignmentOf(cell);
    if (
      cell.value !== undefined &&
      (cell.role === 'amount' || cell.role === 'percent' || cell.role === 'score')
    ) {
      xc.value = cell.role === 'percent' ? Number((cell.value / 100).toPrecision(15)) : cell.value;
      const fmt = NUM_FMT[cell.role];
      if (fmt) xc.numFmt = fmt;
    } else if (cell.text !== '') {
      // Always a string value: exceljs writes strings as (shared) strings, never as formulas. Text
      // beginning with = + - @ would still become a formula once edited in Excel: quote it.
      xc.value = cell.text;
      if (formulaLike(cell.text)) {
        xc.numFmt = TEXT_FORMAT;
        quoted += 1;
      }
    }
  }
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  if (grid.repeatRows)
    ws.pageSetup.printTitlesRow = `${first[grid.repeatRows.from]}:${lastRowOf(grid.repeatRows.to)}`;
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return quoted;
}

function newWorkbook(): InstanceType<typeof Workbook> {
  const wb = new Workbook();
  wb.creator = 'jixiao';
  return wb;
}

/** One form → one .xlsx with one sheet. */
export async function exportXlsx(form: Form, profile: Profile | null): Promise<Uint8Array> {
  return exportXlsxMany([form], profile);
}

/** Several forms → one workbook, one sheet per form (named after the project, or the department). */
export async function exportXlsxMany(forms: readonly Form[], profile: Profile | null): Promise<Uint8Array> {
  const wb = newWorkbook();
  const taken = new Set<string>();
  let quoted = 0;
  for (const form of forms) {
    const ws = wb.addWorksheet(
      sheetName(form.projectName || form.department || form.title || '绩效自评表', taken),
    );
    quoted += writeGridSheet(ws, formGrid(form, profile));
  }
  // Deflate level 1: a third of the default's time for a file ~8% larger.
  const buf: unknown = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  });
  const bytes = buf instanceof Uint8Array ? buf : new Uint8Array(buf as ArrayBuffer);
  return quoted > 0 ? quoteTextFormatCells(bytes) : bytes;
}
