import type { ReadGrid } from '../layout/grid.ts';

// Text of a lifecycle form → a grid by character position, for the one grid reader
// (grid/lifecycle-reader.ts). A line's cells are the runs of text between two or more spaces (or
// between `|` in a pipe table); a cell sits at its display column (a CJK character is two columns
// wide, as pdftotext -layout and a monospaced editor print it), so a table's cells line up under
// the column heads whatever the widths. Reading which cell belongs where is the reader's job.

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** A page number line (`第1页/共2页`, `- 3 -`): not the form's. */
const PAGE_MARK = /^(?:第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|-\s*\d+\s*-)$/;

export function textToGrid(text: string): ReadGrid {
  const cells: string[][] = [];
  const rowSource: ReadGrid['rowSource'] = [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\t/g, '    ').replace(/\s+$/, '');
    if (line.trim() === '' || PAGE_MARK.test(line.trim())) continue;
    const row: string[] = [];
    if (line.includes('|')) {
      // A pipe table: cells by order, the line's own columns.
      const parts = line
        .replace(/^\s*\|/, '')
        .replace(/\|\s*$/, '')
        .split('|');
      for (const [c, p] of parts.entries()) row[c] = p.trim();
    } else {
      const re = /\S(?:\S| (?! ))*/g;
      for (let m = re.exec(line); m; m = re.exec(line)) row[displayWidth(line.slice(0, m.index))] = m[0];
    }
    cells.push(Array.from(row, (v) => v ?? ''));
    rowSource.push({ row: i + 1 });
  }
  return { cells, rowSource };
}
