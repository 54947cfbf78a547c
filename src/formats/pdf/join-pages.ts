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
  /** per column: the area runs on overleaf (no closing border under the last row). */
  open: boolean[];
  /** per column: the emitted row whose cell holds the area's text (where it began, maybe pages back). */
  anchorAt: number[];
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

/**
 * `emitted[r]`: the output row of table row r (undefined for dropped rows); `carried[c]`: the output
 * row of an area that came over from the last page and is still open in column c on this one.
 */
function tailOf(
  t: PageTable,
  row: string[],
  emitted: ReadonlyMap<number, number>,
  carried: ReadonlyMap<number, { pageAnchor: number; at: number }>,
  firstEmitted: number,
): Tail {
  const last = t.cells.length - 1;
  const cols = row.length;
  const areaText: string[] = [];
  const areaMulti: boolean[] = [];
  const anchoredHere: boolean[] = [];
  const anchorAt: number[] = [];
  for (let c = 0; c < cols; c++) {
    const [ar, ac] = t.anchor[last]![c]!;
    areaText.push(t.cells[ar]![ac]!);
    areaMulti.push(areaRows(t, last, c) > 1);
    anchoredHere.push(ar === last && ac === c);
    const from = carried.get(c);
    anchorAt.push(from && from.pageAnchor === ar ? from.at : (emitted.get(ar) ?? firstEmitted));
  }
  const open = t.openColumns.slice(0, cols);
  while (open.length < cols) open.push(false);
  return {
    family: t.family,
    openBottom: t.openBottom,
    row,
    areaText,
    areaMulti,
    anchoredHere,
    open,
    anchorAt,
  };
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
        const aboveTable = continues && block.top > (firstTable?.top ?? -Infinity);
        // A page header repeated above a continued table (a title printed on every page).
        if (aboveTable && repeated) continue;
        // The text of a group cell that runs over the break, drawn again above the table where the
        // page clips it away (Calc centres a merged cell's text on the whole area and prints it on
        // every page, clipped): invisible on paper, and not a line of the form.
        if (aboveTable && tail?.areaText.some((t, c) => tail!.open[c] && t && squash(t) === key)) continue;
        emit([block.line]);
        tail = null;
        continue;
      }
      const t = block.table;
      let start = t === firstTable && continues ? dropped : 0;
      let rows = rowsFrom(t, start);
      const carried = new Map<number, { pageAnchor: number; at: number }>();
      if (t === firstTable && continues && tail && rows.length > 0) {
        const prev = tail;
        const first = rows[0]!;
        // An area open under the last page's table goes on in the same column here: one area. Calc
        // prints a merged cell's text once, centred on the whole area, so it may stand on a later
        // page than the area's first row: it belongs where the area began (a reader fills group
        // cells downwards from there). Text repeated on each page is the same cell's (below).
        for (let c = 0; c < first.length; c++) {
          if (!prev.open[c] || (prev.openBottom && prev.anchoredHere[c])) continue;
          const [ar, ac] = t.anchor[start]![c]!;
          if (ac !== c) continue;
          const at = prev.anchorAt[c]!;
          carried.set(c, { pageAnchor: ar, at });
          const text = first[c]!;
          const began = cells[at]?.[c] ?? '';
          if (text && !began && cells[at]) {
            cells[at]![c] = text;
            first[c] = '';
          } else if (text && squash(text) === squash(began)) first[c] = '';
        }
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
      const emitted = new Map<number, number>();
      rows.forEach((row, i) => {
        const sig = headerSignature(t, start + i);
        if (sig) headers.set(t.family, (headers.get(t.family) ?? new Set()).add(sig));
        emit(row);
        emitted.set(start + i, cells.length - 1);
      });
      if (rows.length > 0)
        tail = tailOf(t, cells[cells.length - 1]!, emitted, carried, cells.length - rows.length);
      else if (tail) tail = { ...tail, openBottom: t.openBottom };
    }
  }
  const width = Math.max(0, ...cells.map((r) => r.length));
  for (const row of cells) while (row.length < width) row.push('');
  return { cells, rowSource };
}
