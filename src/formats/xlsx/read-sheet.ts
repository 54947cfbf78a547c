// An exceljs worksheet → ReadGrid for the shared parser: grid column 0 is sheet column A and grid
// row r is sheet row r+1, so warnings name real cells (`E12`). A merged area keeps its text in its
// top-left cell and '' elsewhere. Numeric cells also go into `numbers` as stored (a rate 0.9351).

import type { ReadGrid } from '../layout/grid.ts';
import type { Cell, Worksheet } from './exceljs.ts';

export const SHEET_LIMITS = { maxRows: 3000, maxColumns: 60 };

const MERGE = 1; // exceljs ValueType.Merge
type Shown = { text: string; number?: number };

/** `0.00%` → 2 decimals; `0%` → 0. */
function percentDecimals(fmt: string): number {
  const m = /\.(0+)\s*%/.exec(fmt);
  return m ? m[1]!.length : 0;
}

/** A number as a spreadsheet shows it: percent formats as `93.51%`, others plainly (no float noise). */
function showNumber(v: number, fmt: string): string {
  if (fmt.includes('%')) return `${(Number((v * 100).toPrecision(12))).toFixed(percentDecimals(fmt))}%`;
  return String(Number(v.toPrecision(15)));
}

function showDate(d: Date): string {
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** A formula saved without its result (files written by some tools): there is nothing to show. */
function isUncomputedFormula(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ('formula' in v || 'sharedFormula' in v) && (v['result'] === undefined || v['result'] === null);
}

function shown(value: unknown, fmt: string): Shown {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number')
    return Number.isFinite(value) ? { text: showNumber(value, fmt), number: value } : { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : showDate(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText']))
      return { text: (v['richText'] as { text?: unknown }[]).map((t) => String(t.text ?? '')).join('') };
    if ('formula' in v || 'sharedFormula' in v) return shown(v['result'], fmt); // the cached result
    if ('error' in v) return { text: String(v['error']) };
    if ('text' in v) return shown(v['text'], fmt); // hyperlink
  }
  return { text: '' };
}

function isMergeSlave(cell: Cell): boolean {
  return (cell.type as unknown as number) === MERGE && cell.master.address !== cell.address;
}

export type SheetRead = {
  grid: ReadGrid;
  truncated: boolean;
  /** addresses (`H20`) of formula cells saved without a result: read as blank, to be warned about. */
  uncomputed: string[];
};

export function readSheet(ws: Worksheet): SheetRead {
  const rows = Math.min(ws.rowCount, SHEET_LIMITS.maxRows);
  const cols = Math.min(ws.columnCount, SHEET_LIMITS.maxColumns);
  const cells: string[][] = [];
  const rowSource: ReadGrid['rowSource'] = [];
  const numbers = new Map<string, number>();
  const uncomputed: string[] = [];
  for (let r = 1; r <= rows; r++) {
    const line = Array<string>(cols).fill('');
    const row = ws.findRow(r);
    if (row) {
      for (let c = 1; c <= cols; c++) {
        const cell = row.findCell(c);
        if (!cell || isMergeSlave(cell)) continue;
        if (isUncomputedFormula(cell.value)) uncomputed.push(cell.address);
        const s = shown(cell.value, cell.numFmt ?? '');
        line[c - 1] = s.text;
        if (s.number !== undefined) numbers.set(`${r - 1},${c - 1}`, s.number);
      }
    }
    cells.push(line);
    rowSource.push({ sheet: ws.name, row: r });
  }
  return {
    grid: { cells, rowSource, numbers },
    truncated: ws.rowCount > SHEET_LIMITS.maxRows || ws.columnCount > SHEET_LIMITS.maxColumns,
    uncomputed,
  };
}
