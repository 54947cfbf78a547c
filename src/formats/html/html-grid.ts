import type { ReadGrid } from '../layout/grid.ts';
import { readTable } from './html-table.ts';
import {
  type Element,
  elementChildren,
  isBlock,
  isElement,
  isSkipped,
  lines,
  MAX_DEPTH,
  type ParentNode,
  textOf,
} from './html-text.ts';

// A parsed page → one ReadGrid, in document order, for the shared grid parser: every table's rows
// (a page may hold several forms, or one form split into tables, as our own export does), each
// preceded by the few short lines of text just above it. Those lines are where a page puts the
// form's title and （2021年度） when they are headings rather than table rows; everything else
// outside tables — navigation, breadcrumbs, footers — is dropped, so it cannot be mistaken for
// part of a form.

export const HTML_LIMITS = { maxRows: 10_000, maxColumns: 100 };
/** Lines above a table kept for it: a title, a year line, a unit or 附件 line. */
const LINES_ABOVE = 3;
/** Longer text above a table is a paragraph of the page, not a title. */
const MAX_LINE = 80;

type Row = { cells: string[]; numbers?: Map<number, number>; source: ReadGrid['rowSource'][number] };

export type PageRead = { grid: ReadGrid; tables: number; truncated: boolean };

export function pageGrid(root: ParentNode): PageRead {
  const walker = new Walker();
  walker.walk(root, 0);
  const rows = walker.rows.slice(0, HTML_LIMITS.maxRows);
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  const numbers = new Map<string, number>();
  rows.forEach((r, y) => {
    for (const [x, n] of r.numbers ?? []) numbers.set(`${y},${x}`, n);
  });
  return {
    grid: {
      cells: rows.map((r) => [...r.cells, ...Array<string>(width - r.cells.length).fill('')]),
      rowSource: rows.map((r) => r.source),
      numbers,
    },
    tables: walker.tables,
    truncated: walker.truncated || walker.rows.length > HTML_LIMITS.maxRows,
  };
}

class Walker {
  readonly rows: Row[] = [];
  tables = 0;
  truncated = false;
  /** The text since the last table, split in lines; only the last few are kept. */
  private recent: string[] = [];
  private line: string[] = [];

  walk(node: ParentNode, depth: number): void {
    if (depth > MAX_DEPTH) return;
    for (const child of node.childNodes) {
      if (child.nodeName === '#text') this.line.push((child as { value: string }).value);
      else if (isElement(child) && !isSkipped(child)) this.element(child, depth);
    }
  }

  private element(el: Element, depth: number): void {
    if (el.tagName === 'br') {
      this.endLine();
      return;
    }
    if (el.tagName === 'table') {
      this.table(el, depth);
      return;
    }
    const block = isBlock(el.tagName);
    if (block) this.endLine();
    this.walk(el, depth + 1);
    if (block) this.endLine();
  }

  private endLine(): void {
    if (this.line.length === 0) return;
    this.recent.push(...lines(this.line.join('')));
    this.recent = this.recent.slice(-LINES_ABOVE);
    this.line = [];
  }

  private table(table: Element, depth: number): void {
    this.endLine();
    const caption = elementChildren(table).find((c) => c.tagName === 'caption' && !isSkipped(c));
    if (caption) this.recent = [...this.recent, ...lines(textOf(caption))].slice(-LINES_ABOVE);
    const { pieces, truncated } = readTable(table, HTML_LIMITS.maxColumns);
    this.truncated ||= truncated;
    let number = 0;
    for (const piece of pieces) {
      if (piece.kind === 'layout') {
        // A frame around content: read each cell as part of the page.
        for (const cell of piece.cells) {
          this.walk(cell, depth + 1);
          this.endLine();
        }
        continue;
      }
      if (number === 0) number = ++this.tables;
      this.flushRecent();
      for (const r of piece.rows) {
        this.rows.push({ cells: r.cells, numbers: r.numbers, source: { table: number, row: r.row } });
      }
    }
  }

  /** The short lines just above a table become one-cell rows, as the docx reader keeps paragraphs. */
  private flushRecent(): void {
    for (const text of this.recent)
      if (text.length <= MAX_LINE) this.rows.push({ cells: [text], source: {} });
    this.recent = [];
  }
}
