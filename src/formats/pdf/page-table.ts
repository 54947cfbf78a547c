import { cellTextOf, charEm, groupLines, joinRunsOnLine, type TextRun } from './geometry.ts';

// A table as found on one page, before the pages are joined: cell texts (a merged area's text in
// its top-left position), which area each position belongs to, and whether the last row runs on
// to the next page. Both the ruled reader and the text-only fallback produce this.

export type PageTable = {
  /** y of the table's top edge, to order it among the page's loose lines. */
  top: number;
  /** tables with the same outer edges on several pages share one set of columns. */
  family: string;
  cells: string[][];
  /** per position, the [row, col] of the top-left position of its merged area. */
  anchor: Array<Array<[number, number]>>;
  /** the bottom row has no closing border: a row split by the page break, continued overleaf. */
  openBottom: boolean;
  /**
   * per column, no closing border under the bottom row: that column's area (a group cell such as
   * 一级指标, or the split row's cell) runs on to the next page.
   */
  openColumns: boolean[];
  ruled: boolean;
};

/** Text outside any table (titles, year line, notes, page numbers), one entry per visual line. */
export type LooseLine = { top: number; text: string };

export type PageLayout = { page: number; tables: PageTable[]; lines: LooseLine[] };

/** Page numbers printed in headers and footers: 第 1 页 / 共 3 页, - 2 -, 3/5, Page 4. */
const PAGE_NUMBER =
  /^(第\s*\d+\s*页\s*([/／,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|[-–—]\s*\d+\s*[-–—]|\d+\s*[/／]\s*\d+|page\s*\d+(\s*of\s*\d+)?)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** Loose runs as lines, page numbers dropped. */
export function looseLines(runs: readonly TextRun[]): LooseLine[] {
  return groupLines(runs)
    .map((line) => ({ top: Math.max(...line.map((r) => r.y + 0.88 * r.size)), text: joinRunsOnLine(line) }))
    .filter((l) => l.text !== '' && !isPageNumber(l.text));
}

/**
 * Cuts a run at x = `at` (a run pdfjs merged across a cell border). Character advances are
 * estimated (ideographs 1 em, others about half) and scaled to the run's real width.
 */
export function splitRun(run: TextRun, at: number): [TextRun, TextRun] | null {
  const chars = [...run.str];
  const ems = chars.map(charEm);
  const total = ems.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const unit = run.width / total;
  let acc = 0;
  let i = 0;
  while (i < chars.length && run.x + (acc + ems[i]! / 2) * unit <= at) acc += ems[i++]!;
  if (i === 0 || i === chars.length) return null;
  const left = { ...run, str: chars.slice(0, i).join(''), width: acc * unit };
  const right = {
    ...run,
    str: chars.slice(i).join(''),
    x: run.x + acc * unit,
    width: run.width - acc * unit,
  };
  return [left, right];
}

/** Cell texts from the runs collected per anchor position (`r,c`). */
export function cellsFrom(rows: number, cols: number, assigned: ReadonlyMap<string, TextRun[]>): string[][] {
  const cells = Array.from({ length: rows }, () => Array<string>(cols).fill(''));
  for (const [key, runs] of assigned) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const row = cells[r];
    if (row && c < row.length) row[c] = cellTextOf(runs);
  }
  return cells;
}

/** Adds a run to its anchor position's list. */
export function collect(assigned: Map<string, TextRun[]>, r: number, c: number, run: TextRun): void {
  const key = `${r},${c}`;
  const list = assigned.get(key);
  if (list) list.push(run);
  else assigned.set(key, [run]);
}
