import type { ReadGrid } from '../layout/grid.ts';
import { cellText, columnLetters, labelKey } from './cell-text.ts';
import type { WarningSource } from './report.ts';

/**
 * Read access to a ReadGrid: each cell's joined text, its label key, the number a spreadsheet
 * stored in it, and where it came from (for warnings). Rows may be ragged; missing cells are ''.
 */
export class GridView {
  readonly rowCount: number;
  private readonly texts: string[][];
  private readonly keys: string[][];

  constructor(readonly grid: ReadGrid) {
    this.rowCount = grid.cells.length;
    this.texts = grid.cells.map((row) => row.map((c) => cellText(c)));
    this.keys = this.texts.map((row) => row.map(labelKey));
  }

  width(r: number): number {
    return this.texts[r]?.length ?? 0;
  }

  /** The cell's text, wrapped lines joined. */
  text(r: number, c: number): string {
    return this.texts[r]?.[c] ?? '';
  }

  /** The cell's text as stored, line breaks kept (narrative cells keep their paragraphs). */
  raw(r: number, c: number): string {
    return this.grid.cells[r]?.[c] ?? '';
  }

  key(r: number, c: number): string {
    return this.keys[r]?.[c] ?? '';
  }

  /** The number the file stored in the cell (xlsx numeric cells), if any. */
  stored(r: number, c: number): number | undefined {
    return this.grid.numbers?.get(`${r},${c}`);
  }

  /** Columns of the non-blank cells of a row, left to right. */
  filled(r: number): number[] {
    const out: number[] = [];
    const row = this.texts[r] ?? [];
    for (let c = 0; c < row.length; c++) if (row[c]) out.push(c);
    return out;
  }

  /** The distinct non-blank label keys of a row (a reader may repeat a merged cell's text). */
  distinctKeys(r: number): string[] {
    return [...new Set(this.filled(r).map((c) => this.key(r, c)))];
  }

  source(r: number, c?: number): WarningSource {
    const s = this.grid.rowSource[r] ?? {};
    const row = s.row ?? r + 1;
    const out: WarningSource = { row };
    if (s.sheet !== undefined) out.sheet = s.sheet;
    if (s.page !== undefined) out.page = s.page;
    if (s.table !== undefined) out.table = s.table;
    if (c !== undefined) out.cell = s.sheet !== undefined ? `${columnLetters(c)}${row}` : String(c + 1);
    return out;
  }

  /** `工作表“Sheet1” 第12行 E12`, `第3页 第5行 第2列`: the Chinese place name for messages. */
  where(r: number, c?: number): string {
    const s = this.source(r, c);
    const parts: string[] = [];
    if (s.sheet !== undefined) parts.push(`工作表“${s.sheet}”`);
    if (s.page !== undefined) parts.push(`第${s.page}页`);
    if (s.table !== undefined) parts.push(`表格${s.table}`);
    parts.push(`第${s.row}行`);
    if (c !== undefined) parts.push(s.sheet !== undefined ? `单元格${s.cell}` : `第${c + 1}列`);
    return parts.join(' ');
  }
}
