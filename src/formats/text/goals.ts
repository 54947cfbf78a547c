// 年度总体目标: the expected and actual narrative cells.

import type { Form } from '../../core/form/schema.ts';
import { MAX_SPLIT_LINES, type SplitLine, splitConfidence, splitLines } from './cell-split.ts';
import { isRegexSpace, isRuleRow, splitCells } from './cells.ts';
import { isHeading, joinParagraphs, startsNumberedItem } from './join.ts';
import { type Line, lineWidth, measureLine, plain, textWidth } from './lines.ts';
import type { Report } from './report.ts';
import { isGoalsHeader, type Sections } from './sections.ts';
import { GOALS_LABEL } from './vocab.ts';

/** Goals text when the indicator table was not found: this many lines at most. */
const GOALS_SCAN = 120;
const LABEL_AT_START = /^\|?\s*年\s*度\s*总\s*体\s*目\s*标\s*/;

type Content = { line: Line; text: string; blankBefore: boolean };

export function readGoals(lines: readonly Line[], sections: Sections, form: Form, report: Report): void {
  if (sections.goals === null) {
    report.warn('goals', '未找到“年度总体目标”：应有“预期目标 实际完成情况”两栏，没有找到', 0);
    return;
  }
  const start = sections.goals;
  const end = Math.min(lines.length, sections.indicators ?? start + GOALS_SCAN);
  const content = collect(lines, start, end);
  if (content.length === 0) {
    report.warn(
      'goals',
      `第${lines[start]!.no}行 年度总体目标：应有预期目标和实际完成情况的文字，实为空白`,
      0.3,
      lines[start]!.no,
    );
    return;
  }
  // A line's cells are explicit exactly when it has a pipe or a tab: check that before splitting.
  if (content.every((c) => hasCellSeparator(c.text))) {
    fromCells(
      content.map((c) => splitCells(c.text)),
      content,
      form,
      report,
    );
    return;
  }
  if (content.length === 1) {
    fromOneLine(content[0]!, form, report);
    return;
  }

  let use = content;
  if (use.length > MAX_SPLIT_LINES) {
    use = content.slice(0, MAX_SPLIT_LINES);
    report.warn(
      'goals',
      `年度总体目标：文字超过 ${MAX_SPLIT_LINES} 行，只读取了前 ${MAX_SPLIT_LINES} 行`,
      0.3,
      use[0]!.line.no,
    );
  }
  const split = splitLines(
    toSplitLines(use),
    [
      { width: null, optional: false },
      { width: null, optional: false },
    ],
    (j) => (newList(use[j]!.text) ? 0 : 0.3),
  );
  const cut = split.starts[1]!;
  form.goals.expected = joinParagraphs(use.slice(0, cut).map((c) => c.text));
  form.goals.actual = joinParagraphs(use.slice(cut).map((c) => c.text));
  const confidence = splitConfidence(split);
  report.set('goals.expected', confidence);
  report.set('goals.actual', confidence);
  if (!form.goals.expected || !form.goals.actual) {
    const which = form.goals.expected ? 'goals.actual' : 'goals.expected';
    report.warn(
      which,
      `第${use[0]!.line.no}行起 年度总体目标：应有预期目标、实际完成情况两段文字，只找到一段`,
      0.3,
      use[0]!.line.no,
    );
  } else if (confidence < 0.6) {
    report.warn(
      'goals',
      `第${use[cut]?.line.no ?? use[0]!.line.no}行 年度总体目标：预期目标与实际完成情况的分界不明显，按行宽推断在此处分开`,
      confidence,
      use[cut]?.line.no,
    );
  }
}

/** The region's text lines without the label (`年度总体\n目标`, wherever printed) and column titles. */
function collect(lines: readonly Line[], start: number, end: number): Content[] {
  const out: Content[] = [];
  let blank = false;
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (!line.text || isRuleRow(line.text)) {
      blank = true;
      continue;
    }
    const p = plain(line);
    if (isGoalsHeader(p)) {
      blank = true;
      continue;
    }
    const label = p.length <= 8 ? GOALS_LABEL.matchWrapped(lines, i, end) : null;
    if (label) {
      i = label.next - 1;
      blank = true;
      continue;
    }
    let text = line.text;
    if (p.startsWith('年度总体目标')) text = text.replace(LABEL_AT_START, '');
    if (!hasText(text)) continue;
    out.push({ line, text, blankBefore: blank });
    blank = false;
  }
  return out;
}

/** `squeeze(text.replaceAll('|', ''))` is not empty, without building either string. */
function hasText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x7c && !isRegexSpace(c)) return true;
  }
  return false;
}

function hasCellSeparator(text: string): boolean {
  return text.includes('|') || text.includes('\t');
}

function newList(text: string): boolean {
  return isHeading(text) || startsNumberedItem(text);
}

function toSplitLines(content: readonly Content[]): SplitLine[] {
  return content.map((c) =>
    measureLine(c.text, c.blankBefore, c.text === c.line.text ? lineWidth(c.line) : textWidth(c.text)),
  );
}

/** `| 预期 | 实际 |` rows (continuation rows append to each column). */
function fromCells(
  rows: ReturnType<typeof splitCells>[],
  content: readonly Content[],
  form: Form,
  report: Report,
) {
  const expected: string[] = [];
  const actual: string[] = [];
  for (const r of rows) {
    const cells = r.cells.filter((c) => c !== '');
    if (cells.length === 1 && r.cells.indexOf(cells[0]!) > 0) actual.push(cells[0]!);
    else if (cells.length >= 1) {
      expected.push(cells[0]!);
      if (cells.length >= 2) actual.push(cells.slice(1).join(''));
    }
  }
  form.goals.expected = joinParagraphs(expected);
  form.goals.actual = joinParagraphs(actual);
  report.set('goals.expected', expected.length ? 0.9 : 0);
  report.set('goals.actual', actual.length ? 0.9 : 0);
  if (!actual.length) {
    report.warn(
      'goals.actual',
      `第${content[0]!.line.no}行 年度总体目标：应有“实际完成情况”一栏，实为空白`,
      0.3,
      content[0]!.line.no,
    );
  }
}

/** One flattened line: two space-separated cells, or a guess at the cut when there are more. */
function fromOneLine(c: Content, form: Form, report: Report): void {
  const tokens = splitCells(c.text).cells;
  if (tokens.length === 1) {
    form.goals.expected = tokens[0]!;
    report.set('goals.expected', 0.7);
    report.warn(
      'goals.actual',
      `第${c.line.no}行 年度总体目标：应有预期目标和实际完成情况两段，只找到一段`,
      0.2,
      c.line.no,
    );
    return;
  }
  let cut = 1;
  if (tokens.length > 2) {
    // Several spaces: cut where the two halves are closest in width (cells are usually similar).
    const widths = tokens.map(textWidth);
    const total = widths.reduce((a, b) => a + b, 0);
    let left = 0;
    let best = Number.POSITIVE_INFINITY;
    for (let k = 1; k < tokens.length; k++) {
      left += widths[k - 1]!;
      const d = Math.abs(total - 2 * left);
      if (d < best) {
        best = d;
        cut = k;
      }
    }
    report.warn(
      'goals',
      `第${c.line.no}行 年度总体目标：一行中有 ${tokens.length} 段文字，应为两段，已按长度推断分界`,
      0.4,
      c.line.no,
    );
  }
  form.goals.expected = tokens.slice(0, cut).join(' ');
  form.goals.actual = tokens.slice(cut).join(' ');
  const confidence = tokens.length === 2 ? 0.85 : 0.4;
  report.set('goals.expected', confidence);
  report.set('goals.actual', confidence);
}
