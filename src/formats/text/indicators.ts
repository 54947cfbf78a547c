// 绩效指标: rows of the indicator table, in form order.
//
// A row ends with its score line (`… 2 2`). The text lines before it are the row's wrapped cells
// that did not share the score line's baseline, possibly preceded by the previous row's deviation
// note (printed after that row's score line). A new level label closes the previous row.

import type { Form, Indicator } from '../../core/form/schema.ts';
import { impliedLevel1 } from '../grid/indicator-labels.ts';
import { MAX_SPLIT_LINES } from './cell-split.ts';
import { classifyTable, type Item, type RowItem, type TextItem } from './indicator-items.ts';
import { WrappedText } from './join.ts';
import type { Line } from './lines.ts';
import { type Report, rowPath } from './report.ts';
import { type Col, type SplitJob, splitRows } from './row-split.ts';
import type { Sections } from './sections.ts';
import { labelLevel } from './vocab.ts';

type Draft = {
  row: RowItem;
  level1: string;
  level2: string;
  /** text lines since the previous row or label. */
  gap: TextItem[];
  /** the gap may open with the previous row's deviation note. */
  devFromGap: boolean;
  prev: Draft | null;
  /** lines after this row that can only be its deviation note (closed by a label or the end). */
  tail: TextItem[];
  /** deviation lines found at the start of the next row's gap, and how sure that split was. */
  devLines: TextItem[];
  devConfidence: number;
  /** name, target, actual lines taken from the gap (null: printed on the score line). */
  cells: (TextItem[] | null)[];
  /** lines that fit no cell; kept in front of the name. */
  orphans: TextItem[];
  confidence: number;
};

const FIELDS = ['name', 'target', 'actual'] as const;
const ROW_FIELDS = ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'] as const;
const [LEVEL1, LEVEL2, NAME, , , WEIGHT, SCORE, DEVIATION] = [0, 1, 2, 3, 4, 5, 6, 7] as const;
const at_ = (k: number, field: number) => rowPath(k, field, ROW_FIELDS);
const FIELD_NAMES = { name: '三级指标', target: '年度指标值', actual: '实际完成值' } as const;

export function readIndicators(lines: readonly Line[], sections: Sections, form: Form, report: Report): void {
  if (sections.indicators === null) {
    report.warn('indicators', '未找到“绩效指标”表：应有“一级指标 二级指标 三级指标 …”表头，没有找到', 0);
    return;
  }
  const items = classifyTable(lines, sections.indicators, sections.tableEnd);
  resolveLevels(items);
  const drafts = group(items, report);
  if (drafts.length === 0) {
    const at = lines[sections.indicators]!.no;
    report.warn('indicators', `第${at}行起 绩效指标：应有以“分值 得分”两个数字结尾的指标行，没有找到`, 0, at);
    return;
  }
  assignCells(drafts, report);
  drafts.forEach((d, k) => {
    form.indicators.push(build(d, k, report));
  });
}

/** `成本指标` and unknown `…指标` labels: level 1 when a level-2 label follows at once. */
function resolveLevels(items: Item[]): void {
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'label' && it.level === 'either') {
      const next = items[k + 1];
      it.level = next?.kind === 'label' && next.level !== 1 ? 1 : 2;
    }
  }
}

function group(items: readonly Item[], report: Report): Draft[] {
  const g = new Grouping(report);
  for (const item of items) {
    if (item.kind === 'text') g.pending.push(item);
    else if (item.kind === 'label') {
      g.setLevel(item.level === 1 ? 1 : 2, item.text);
      if (item.level === 2) g.labelled = true;
    } else {
      const labels = item.score.labels;
      if (labels.length === 2) {
        g.setLevel(1, labels[0]!);
        g.setLevel(2, labels[1]!);
      } else if (labels.length === 1) g.setLevel(labelLevel(labels[0]!) === 1 ? 1 : 2, labels[0]!);
      if (labels.length > 0) g.labelled = true;
      g.addRow(item);
    }
  }
  g.close();
  return g.drafts;
}

/**
 * The state of `group` as it walks the items. A class rather than closures inside `group`: tsx
 * names every named closure at each call (`__name`), which costs more than the grouping.
 */
class Grouping {
  readonly drafts: Draft[] = [];
  level1 = '';
  level2 = '';
  /** text lines since the previous row or label. */
  pending: TextItem[] = [];
  prev: Draft | null = null;
  /** a level-2 label line or a row's own labels were seen: until then, labels backfill earlier rows. */
  labelled = false;

  constructor(private readonly report: Report) {}

  /** A new label or the table's end: lines pending since the last row are that row's deviation note. */
  close(): void {
    const pending = this.pending;
    if (pending.length > 0) {
      if (this.prev) append(this.prev.tail, pending);
      else {
        const at = pending[0]!.line.no;
        this.report.warn(
          'indicators',
          `第${at}行 绩效指标：这些文字不属于任何指标行（其后没有分值、得分），已忽略`,
          0.3,
          at,
        );
      }
    }
    this.pending = [];
    this.prev = null;
  }

  setLevel(level: 1 | 2, text: string): void {
    // A page break repeats the current labels: same text, no new group, no row boundary.
    if ((level === 1 && text === this.level1) || (level === 2 && text === this.level2)) return;
    this.close();
    if (!this.labelled) backfill(this.drafts, level, text);
    if (level === 1) {
      this.level1 = text;
      this.level2 = '';
    } else this.level2 = text;
  }

  addRow(row: RowItem): void {
    const d: Draft = {
      row,
      level1: this.level1,
      level2: this.level2,
      gap: this.pending,
      devFromGap: this.prev !== null,
      prev: this.prev,
      tail: [],
      devLines: [],
      devConfidence: 0.9,
      cells: [null, null, null],
      orphans: [],
      confidence: 0.95,
    };
    this.drafts.push(d);
    this.prev = d;
    this.pending = [];
  }
}

/** Rows printed before the first label (a label centred in its merged cell): they belong to it. */
function backfill(drafts: Draft[], level: 1 | 2, text: string): void {
  for (const d of drafts) {
    if (level === 1 && !d.level1) d.level1 = text;
    if (level === 2 && !d.level2) d.level2 = text;
  }
}

/** The columns a row's gap is split into, by how many of name/target/actual it holds. */
const COLS: readonly (readonly Col[])[] = [[], ['N'], ['N', 'T'], ['N', 'T', 'A']];
/** The same after a row: the gap may open with that row's deviation note. */
const COLS_AFTER_ROW: readonly (readonly Col[])[] = COLS.map((cols) => ['D', ...cols]);

function assignCells(drafts: readonly Draft[], report: Report): void {
  const jobs: SplitJob[] = [];
  const owners: Draft[] = [];
  for (const d of drafts) {
    const onLine = Math.min(3, d.row.score.cells.length);
    const needed = 3 - onLine;
    let gap = d.gap;
    if (gap.length === 0) continue;
    if (gap.length > MAX_SPLIT_LINES) {
      const extra = gap.slice(0, gap.length - MAX_SPLIT_LINES);
      gap = gap.slice(gap.length - MAX_SPLIT_LINES);
      if (d.devFromGap && d.prev) append(d.prev.devLines, extra);
      else append(d.orphans, extra);
      report.warn(
        'indicators',
        `第${extra[0]!.line.no}行起 绩效指标：一行中文字过多（超过 ${MAX_SPLIT_LINES} 行），前面部分未能分栏`,
        0.3,
        extra[0]!.line.no,
      );
    }
    const cols = (d.devFromGap ? COLS_AFTER_ROW : COLS)[needed]!;
    if (cols.length === 0) {
      append(d.orphans, gap);
      continue;
    }
    jobs.push({ lines: gap, cols });
    owners.push(d);
  }
  const outcomes = splitRows(jobs);
  outcomes.forEach((out, k) => {
    const d = owners[k]!;
    const { cols } = jobs[k]!;
    cols.forEach((col, c) => {
      const part = out.parts[c]!;
      if (col === 'D' && d.prev) {
        append(d.prev.devLines, part);
        d.prev.devConfidence = Math.min(0.9, out.confidence);
      } else if (col !== 'D') d.cells[col === 'N' ? 0 : col === 'T' ? 1 : 2] = part;
    });
    d.confidence = out.confidence;
  });
}

/** push(...items) without the argument-count limit of a spread. */
function append<T>(to: T[] | undefined, items: readonly T[]): void {
  if (to) for (const it of items) to.push(it);
}

/** The lines' texts joined as one wrapped cell, after `first` when given. */
function joinLines(first: string | null, ...runs: (readonly TextItem[])[]): string {
  const out = new WrappedText();
  if (first !== null) out.add(first);
  for (const run of runs) for (const t of run) out.addTrimmed(t.line.text); // lines are trimmed
  return out.text;
}

function build(d: Draft, k: number, report: Report): Indicator {
  const sc = d.row.score;
  const at = d.row.line.no;
  const onLine = Math.min(3, sc.cells.length);
  const values = ['', '', ''];
  const confidence = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    if (c >= 3 - onLine) {
      values[c] = sc.cells[c - (3 - onLine)]!;
      confidence[c] = sc.merged && c === 0 ? 0.5 : 0.95;
    } else {
      const part = d.cells[c];
      values[c] = part ? joinLines(null, part) : '';
      confidence[c] = part && part.length > 0 ? d.confidence : 0;
    }
  }
  if (d.orphans.length > 0) {
    const name = new WrappedText();
    for (const t of d.orphans) name.addTrimmed(t.line.text);
    name.add(values[0]!);
    values[0] = name.text;
    confidence[0] = Math.min(confidence[0]!, 0.4);
    report.warn(
      at_(k, NAME),
      `第${d.orphans[0]!.line.no}行 三级指标：无法归入任何一栏的文字，已并入指标名称`,
      0.4,
      d.orphans[0]!.line.no,
    );
  }
  let level1 = d.level1;
  let level1Confidence = 0.95;
  const implied = level1 ? undefined : impliedLevel1(d.level2);
  if (implied) {
    level1 = implied;
    level1Confidence = 0.6;
  }
  const deviation = joinLines(sc.deviation, d.devLines, d.tail);
  const indicator: Indicator = {
    level1,
    level2: d.level2,
    name: values[0]!,
    target: values[1]!,
    actual: values[2]!,
    weight: sc.weight,
    score: sc.score,
    deviation,
  };
  report.set(at_(k, LEVEL1), level1 ? level1Confidence : 0);
  report.set(at_(k, LEVEL2), d.level2 ? 0.95 : 0);
  if (!level1) report.warn(at_(k, LEVEL1), `第${at}行 一级指标：应有“产出指标”等一级指标，未找到`, 0, at);
  if (!d.level2) report.warn(at_(k, LEVEL2), `第${at}行 二级指标：应有“数量指标”等二级指标，未找到`, 0, at);
  for (let c = 0; c < 3; c++) {
    const f = FIELDS[c]!;
    report.set(at_(k, NAME + c), confidence[c]!);
    if (!values[c]) report.warn(at_(k, NAME + c), `第${at}行 ${FIELD_NAMES[f]}：应有文字，实为空白`, 0.2, at);
    else if (confidence[c]! < 0.6) {
      report.warn(
        at_(k, NAME + c),
        `第${at}行 ${FIELD_NAMES[f]}“${clip(values[c]!)}”：各栏文字之间没有明显分界，按行宽推断`,
        confidence[c]!,
        at,
      );
    }
  }
  report.set(at_(k, WEIGHT), sc.weight === null ? 0.3 : 0.98);
  report.set(at_(k, SCORE), sc.score === null ? 0.3 : 0.98);
  if (sc.weight === null) report.warn(at_(k, WEIGHT), `第${at}行 分值：应为数字，实为空白或“-”`, 0.3, at);
  if (sc.score === null) report.warn(at_(k, SCORE), `第${at}行 得分：应为数字，实为空白或“-”`, 0.3, at);
  report.set(at_(k, DEVIATION), d.devConfidence);
  return indicator;
}

function clip(s: string): string {
  return s.length > 12 ? `${s.slice(0, 12)}…` : s;
}
