import { parseNumber, parsePercent } from '../grid/numbers.ts';
import { attr, containsTable, type Element, elementChildren, isSkipped, textOf } from './html-text.ts';

// One <table> → rows of cell texts with rowspan/colspan expanded the way the xlsx and docx readers
// present merged cells: the text in the area's top-left position, '' in every other position it
// covers. Slots are assigned as browsers do (the HTML table model): each cell takes the next column
// not covered by a rowspan from above; a rowspan stops at the end of its row group; colspan 0 is 1.
//
// A row with a table inside one of its cells is layout (government pages frame the form in a page
// table; some forms nest the indicator table in their last row): such a row is no grid row, its
// cells are handed back to be read as content, in order, and rowspans do not cross it.

export type TableRow = {
  cells: string[];
  /** numbers the exporting spreadsheet stored with a cell (LibreOffice `sdval`, Excel `x:num`), by column. */
  numbers: Map<number, number>;
  /** 1-based position of the <tr> in the table, for warnings. */
  row: number;
};

export type TablePiece = { kind: 'rows'; rows: TableRow[] } | { kind: 'layout'; cells: Element[] };

/** Spans beyond the HTML spec's own limits are clamped to them. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export type TableRead = { pieces: TablePiece[]; truncated: boolean };

/** `maxColumns` bounds the grid a hostile colspan can ask for; columns past it are dropped. */
export function readTable(table: Element, maxColumns: number): TableRead {
  const pieces: TablePiece[] = [];
  let truncated = false;
  let index = 0;
  for (const group of rowGroups(table)) {
    let run: Array<{ tr: Element; row: number }> = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const expanded = expandRun(run, maxColumns);
      truncated ||= expanded.truncated;
      pieces.push({ kind: 'rows', rows: expanded.rows });
      run = [];
    };
    for (const tr of group) {
      index++;
      const cells = cellsOf(tr);
      if (cells.some((c) => containsTable(c))) {
        flush();
        pieces.push({ kind: 'layout', cells });
      } else run.push({ tr, row: index });
    }
    flush();
  }
  return { pieces, truncated };
}

/**
 * The table's row groups in document order: thead, the body, tfoot. Unlike the HTML table model,
 * consecutive <tbody>s (and loose <tr>s) are one group: LibreOffice Writer saves each row of a
 * table in a <tbody> of its own, yet with its rowspans reaching down across them.
 */
function rowGroups(table: Element): Element[][] {
  const groups: Element[][] = [];
  let body: Element[] | null = null;
  const rowsOf = (group: Element): Element[] =>
    elementChildren(group).filter((tr) => tr.tagName === 'tr' && !isSkipped(tr));
  for (const child of elementChildren(table)) {
    if (isSkipped(child)) continue;
    if (child.tagName === 'tr' || child.tagName === 'tbody') {
      if (!body) {
        body = [];
        groups.push(body);
      }
      body.push(...(child.tagName === 'tr' ? [child] : rowsOf(child)));
    } else if (child.tagName === 'thead' || child.tagName === 'tfoot') {
      groups.push(rowsOf(child));
      body = null;
    }
  }
  return groups;
}

function cellsOf(tr: Element): Element[] {
  return elementChildren(tr).filter((c) => (c.tagName === 'td' || c.tagName === 'th') && !isSkipped(c));
}

/** A span attribute as the HTML spec reads it: leading digits, else the default. */
function span(value: string | undefined, fallback: number): number {
  const m = /^\s*\+?(\d+)/.exec(value ?? '');
  return m ? Number(m[1]) : fallback;
}

type Anchor = { y: number; x: number; text: string; number: number | undefined };

function expandRun(
  run: ReadonlyArray<{ tr: Element; row: number }>,
  maxColumns: number,
): { rows: TableRow[]; truncated: boolean } {
  const height = run.length;
  // busyUntil[x]: the first row at which column x is no longer covered by a rowspan from above.
  // Tracking columns, not slots, keeps the work linear in the spans whatever the page asks for.
  const busyUntil: number[] = [];
  const anchors: Anchor[] = [];
  let width = 0;
  let truncated = false;
  run.forEach(({ tr }, y) => {
    let x = 0;
    for (const cell of cellsOf(tr)) {
      while ((busyUntil[x] ?? 0) > y) x++;
      if (x >= maxColumns) {
        truncated = true;
        break;
      }
      let cs = Math.min(Math.max(span(attr(cell, 'colspan'), 1), 1), MAX_COLSPAN);
      const rs = span(attr(cell, 'rowspan'), 1);
      // rowspan 0 reaches the end of the row group; no rowspan reaches past it.
      const down = rs === 0 ? height - y : Math.min(Math.max(rs, 1), MAX_ROWSPAN, height - y);
      if (x + cs > maxColumns) {
        cs = maxColumns - x;
        truncated = true;
      }
      const text = textOf(cell);
      anchors.push({ y, x, text, number: storedNumber(cell, text) });
      for (let k = x; k < x + cs; k++) busyUntil[k] = Math.max(busyUntil[k] ?? 0, y + down);
      x += cs;
      width = Math.max(width, x);
    }
  });
  const cells = run.map(() => Array<string>(width).fill(''));
  const numbers = run.map(() => new Map<number, number>());
  for (const a of anchors) {
    cells[a.y]![a.x] = a.text;
    if (a.number !== undefined) numbers[a.y]!.set(a.x, a.number);
  }
  return { rows: run.map(({ row }, y) => ({ cells: cells[y]!, numbers: numbers[y]!, row })), truncated };
}

/**
 * The number behind a cell of a spreadsheet saved as HTML (`93.51%` stored as 0.9351), kept only
 * where the cell shows a number: a date cell's serial number is not what the form printed.
 */
function storedNumber(cell: Element, text: string): number | undefined {
  const raw = attr(cell, 'sdval') ?? attr(cell, 'x:num');
  if (!raw || (parsePercent(text) === null && parseNumber(text) === null)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}
