import type { ReadGrid } from '../layout/grid.ts';
import type { PageLayout, PageTable } from './page-table.ts';

// Pages → one ReadGrid. A table that runs over several pages comes back as one table: the header
// row repeated at the top of a continuation page is dropped, a merged group cell (一级/二级指标)
// redrawn under the break is folded back into the one above it, and a row split by the break is
// joined to its first part.

const squash = (s: string) => s.replace(/\s+/g, '');

/** What the next page needs to know about the table the last page ended with. */
type Tail = {
  family: string;
  openBottom: boolean;
  /** the emitted last row. */
  row: string[];
  /** per column: text of the merged area covering the last row, whether it spans rows, and
   * whether its text sits in the last row itself (so continued text can be appended there). */
  areaText: string[];
  areaMulti: boolean[];
  anchoredHere: boolean[];
};

function areaRows(t: PageTable, r: number, c: number): number {
  const [ar, ac] = t.anchor[r]![c]!;
  let n = 0;
  for (let i = ar; i < t.cells.length && t.anchor[i]![ac]![0] === ar && t.anchor[i]![ac]![1] === ac; i++) n++;
  return n;
}

/** Texts of the single-row cells of a header-like row (labels only, no digits), or null. */
function headerSignature(t: PageTable, r: number): string | null {
  const parts: string[] = [];
  for (let c = 0; c < t.cells[r]!.length; c++) {
    const text = squash(t.cells[r]![c]!);
    if (!text || areaRows(t, r, c) > 1) continue;
    if (/\d/.test(text)) return null;
    parts.push(`${c}=${text}`);
  }
  return parts.length >= 2 ? parts.join('|') : null;
}

/** Rows of `t` from `start` on, with the text of areas that began in dropped rows moved down. */
function rowsFrom(t: PageTable, start: number): string[][] {
  const out = t.cells.slice(start).map((row) => [...row]);
  const first = out[0];
  if (!first) return out;
  const moved = new Set<string>();
  for (let c = 0; c < first.length; c++) {
    const [ar, ac] = t.anchor[start]![c]!;
    if (ar >= start || moved.has(`${ar},${ac}`)) continue;
    moved.add(`${ar},${ac}`);
    first[c] = t.cells[ar]![ac]!;
  }
  return out;
}

function tailOf(t: PageTable, row: string[]): Tail {
  const last = t.cells.length - 1;
  const cols = row.length;
  const areaText: string[] = [];
  const areaMulti: boolean[] = [];
  const anchoredHere: boolean[] = [];
  for (let c = 0; c < cols; c++) {
    const [ar, ac] = t.anchor[last]![c]!;
    areaText.push(t.cells[ar]![ac]!);
    areaMulti.push(areaRows(t, last, c) > 1);
    anchoredHere.push(ar === last && ac === c);
  }
  return { family: t.family, openBottom: t.openBottom, row, areaText, areaMulti, anchoredHere };
}

export function joinPages(layouts: readonly PageLayout[]): ReadGrid {
  const cells: string[][] = [];
  const rowSource: ReadGrid['rowSource'] = [];
  const headers = new Map<string, Set<string>>();
  const seenLines = new Set<string>();
  let tail = null as Tail | null;

  for (const layout of layouts) {
    let pageRow = 0;
    const emit = (row: string[]) => {
      cells.push(row);
      rowSource.push({ page: layout.page, row: ++pageRow });
    };
    const firstTable = layout.tables[0];
    const linesAbove = layout.lines.filter((l) => !firstTable || l.top > firstTable.top);
    const sigs = firstTable ? headers.get(firstTable.family) : undefined;
    let dropped = 0;
    if (firstTable && tail?.family === firstTable.family && sigs) {
      while (dropped < Math.min(3, firstTable.cells.length - 1)) {
        const sig = headerSignature(firstTable, dropped);
        if (sig === null || !sigs.has(sig)) break;
        dropped++;
      }
    }
    // The page goes on with the last page's table: a header repeated, a split row, or nothing above it.
    const continues =
      tail !== null &&
      firstTable?.family === tail.family &&
      (dropped > 0 || tail.openBottom || linesAbove.length === 0);

    const blocks = [
      ...layout.lines.map((l) => ({ top: l.top, line: l.text, table: null })),
      ...layout.tables.map((t) => ({ top: t.top, line: null, table: t })),
    ].sort((a, b) => b.top - a.top);

    for (const block of blocks) {
      if (block.line !== null) {
        const key = squash(block.line);
        const repeated = seenLines.has(key);
        seenLines.add(key);
        // A page header repeated above a continued table (a title printed on every page).
        if (continues && repeated && block.top > (firstTable?.top ?? -Infinity)) continue;
        emit([block.line]);
        tail = null;
        continue;
      }
      const t = block.table;
      let start = t === firstTable && continues ? dropped : 0;
      let rows = rowsFrom(t, start);
      if (t === firstTable && continues && tail && rows.length > 0) {
        const prev = tail;
        const first = rows[0]!;
        for (let c = 0; c < first.length; c++) {
          const text = first[c]!;
          if (!text || squash(text) !== squash(prev.areaText[c] ?? '')) continue;
          // A group cell redrawn under the page break is the same cell as the one above it (and
          // every cell repeated beside the second part of a split row is such a redrawn cell).
          if (prev.areaMulti[c] || areaRows(t, start, c) > 1 || prev.openBottom) first[c] = '';
        }
        if (prev.openBottom) {
          // The second part of a split row: its text continues the cells of the last row.
          for (let c = 0; c < first.length; c++) {
            if (!first[c] || !prev.anchoredHere[c]) continue;
            prev.row[c] = prev.row[c] ? `${prev.row[c]}\n${first[c]}` : first[c]!;
          }
          rows = rows.slice(1);
          start++;
        }
      }
      rows.forEach((row, i) => {
        const sig = headerSignature(t, start + i);
        if (sig) headers.set(t.family, (headers.get(t.family) ?? new Set()).add(sig));
        emit(row);
      });
      if (rows.length > 0) tail = tailOf(t, cells[cells.length - 1]!);
      else if (tail) tail = { ...tail, openBottom: t.openBottom };
    }
  }
  const width = Math.max(0, ...cells.map((r) => r.length));
  for (const row of cells) while (row.length < width) row.push('');
  return { cells, rowSource };
}
