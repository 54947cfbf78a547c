// The indicator table's lines, classified: level labels, score lines (a row's weight and score),
// and plain text lines (wrapped cells). Column titles, repeated at each page break, are dropped.

import { type Cells, isRuleRow, splitCells } from './cells.ts';
import { type Line, plain, squeeze } from './lines.ts';
import { readScoreLine, type ScoreLine } from './row-cells.ts';
import { type LabelKind, LEVELS, labelLevel, stripLabelWeight, TABLE_HEADER } from './vocab.ts';

export type TextItem = { kind: 'text'; line: Line; blankBefore: boolean };
export type LabelItem = { kind: 'label'; level: LabelKind; text: string; line: Line };
export type RowItem = { kind: 'row'; line: Line; score: ScoreLine };
export type Item = TextItem | LabelItem | RowItem;

/** Wrapped labels and titles are short: longer lines are never tried as fragments. */
const FRAGMENT_MAX = 12;
/** Two labels with printed weights at most. */
const LABEL_LINE_MAX = 30;

export function classifyTable(lines: readonly Line[], start: number, end: number): Item[] {
  const items: Item[] = [];
  let blank = false;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (!line.text) {
      blank = true;
      continue;
    }
    const p = plain(line);
    // Most lines are one wrapped cell (nothing removed by `plain`): no cells to split.
    const split = p.length === line.text.length ? null : splitCells(line.text);
    if (split && ((split.explicit && isRuleRow(line.text)) || isTitleRow(split))) {
      blank = true;
      continue;
    }
    if (p.length <= FRAGMENT_MAX) {
      const title = TABLE_HEADER.matchWrapped(lines, i, end);
      if (title && (title.next > i + 1 || title.term === p)) {
        i = title.next - 1;
        blank = true;
        continue;
      }
      // A narrow label column wraps without blank lines; its first part is not a stray short word.
      const wrapped = p.length >= 3 ? LEVELS.matchWrapped(lines, i, end, false) : null;
      if (wrapped) {
        items.push({ kind: 'label', level: labelLevel(wrapped.term)!, text: wrapped.term, line });
        i = wrapped.next - 1;
        blank = true;
        continue;
      }
    }
    const labels = mayBeLabelLine(p) ? labelLine(split ?? { cells: [p], explicit: false }) : null;
    if (labels) {
      for (const [text, level] of labels) items.push({ kind: 'label', level, text, line });
      blank = true;
      continue;
    }
    const score = split && split.cells.length >= 2 ? readScoreLine(split) : null;
    if (score) {
      items.push({ kind: 'row', line, score });
      blank = false;
      continue;
    }
    items.push({ kind: 'text', line, blankBefore: blank });
    blank = false;
  }
  return items;
}

/**
 * Cheap necessary condition for `labelLine`: every label ends in 指标, or in the bracket of a
 * printed weight, and the last label's last character is the line's. Spares most lines a search.
 */
function mayBeLabelLine(p: string): boolean {
  if (p.length > LABEL_LINE_MAX) return false;
  const last = p.charCodeAt(p.length - 1);
  return (last === 0x6807 || last === 0x29 || last === 0xff09) && p.includes('指标'); // 标 ) ）
}

/** A line of column titles: every cell a title word (or the start of a wrapped one). */
function isTitleRow(split: Cells): boolean {
  if (split.cells.length < 2) return false;
  // Most lines are rows, not titles: their first cell settles it before any copying.
  const first = split.cells.find((c) => c !== '');
  if (first === undefined || !TABLE_HEADER.isPrefix(squeeze(first))) return false;
  const cells = split.cells.filter((c) => c !== '');
  if (cells.length < 2) return false;
  let titles = 0;
  for (const c of cells) {
    const s = squeeze(c);
    if (TABLE_HEADER.has(s)) titles++;
    else if (!TABLE_HEADER.isPrefix(s)) return false;
  }
  return titles >= 2;
}

/** A line holding only level labels: `产出指标`, `产出指标(50分) 数量指标`. */
function labelLine(split: Cells): [string, LabelKind][] | null {
  const cells = split.cells.filter((c) => c !== '');
  if (cells.length === 0 || cells.length > 2) return null;
  const out: [string, LabelKind][] = [];
  for (const c of cells) {
    const s = stripLabelWeight(squeeze(c));
    const level = labelLevel(s);
    if (level === null) return null;
    out.push([s, level]);
  }
  if (out.length === 2) {
    out[0]![1] = 1;
    out[1]![1] = 2;
  }
  return out;
}
