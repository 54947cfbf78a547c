// Dividing each row's wrapped lines among its cells, in two passes: first every row judged by
// itself, then again with each column's wrap width measured on all rows of the table (a column has
// one width on every row, so rows that are clear-cut settle the ambiguous ones).

import {
  type Column,
  MAX_SPLIT_LINES,
  type Split,
  type SplitLine,
  splitConfidence,
  splitLines,
} from './cell-split.ts';
import type { TextItem } from './indicator-items.ts';
import { lineWidth, measureLine } from './lines.ts';
import { estimateWidth, type Interval, segmentInterval } from './widths.ts';

/** D: the previous row's deviation note; N, T, A: name, target, actual. */
export type Col = 'D' | 'N' | 'T' | 'A';

export type SplitJob = {
  lines: TextItem[];
  cols: readonly Col[];
};

export type SplitOutcome = {
  /** the job's lines per column (same order as job.cols). */
  parts: TextItem[][];
  confidence: number;
};

const CLEAR_MARGIN = 2;

export function splitRows(jobs: readonly SplitJob[]): SplitOutcome[] {
  const measured = jobs.map((j) => j.lines.map(measure));
  const first = jobs.map((job, k) => solve(job, measured[k]!, null));
  const widths = estimateWidths(jobs, measured, first);
  // Clear-cut rows keep their first answer; only close calls are worth a second look.
  const final = widths
    ? jobs.map((job, k) => (first[k]!.margin >= CLEAR_MARGIN ? first[k]! : solve(job, measured[k]!, widths)))
    : first;
  return jobs.map((job, k) => {
    const split = final[k]!;
    const parts = job.cols.map((_, c) => job.lines.slice(split.starts[c]!, split.starts[c + 1]!));
    return { parts, confidence: job.cols.length <= 1 ? 0.9 : splitConfidence(split) };
  });
}

function measure(item: TextItem): SplitLine {
  return measureLine(item.line.text, item.blankBefore, lineWidth(item.line));
}

function solve(
  job: SplitJob,
  lines: readonly SplitLine[],
  widths: Partial<Record<Col, number>> | null,
): Split {
  if (job.cols.length <= 1 || lines.length > MAX_SPLIT_LINES) {
    // One column takes everything; an overlong run (caller trims it) is not split.
    const starts = job.cols.map(() => 0);
    starts.push(lines.length);
    return { starts, cost: 0, margin: Number.POSITIVE_INFINITY };
  }
  const columns = widths ? job.cols.map((c) => column(c, widths[c] ?? null)) : job.cols.map(unmeasured);
  return splitLines(lines, columns);
}

function column(col: Col, width: number | null): Column {
  return { width, optional: col === 'D' };
}

/** First-pass columns never change: shared instead of allocated per split. */
const UNMEASURED: Record<Col, Column> = {
  D: column('D', null),
  N: column('N', null),
  T: column('T', null),
  A: column('A', null),
};
const unmeasured = (col: Col): Column => UNMEASURED[col];

function estimateWidths(
  jobs: readonly SplitJob[],
  measured: readonly SplitLine[][],
  splits: readonly Split[],
): Partial<Record<Col, number>> | null {
  const intervals: Record<Col, Interval[]> = { D: [], N: [], T: [], A: [] };
  for (let k = 0; k < jobs.length; k++) {
    const { cols } = jobs[k]!;
    const { starts } = splits[k]!;
    for (let c = 0; c < cols.length; c++) {
      const i = starts[c]!;
      const j = starts[c + 1]!;
      if (j - i >= 2) intervals[cols[c]!].push(segmentInterval(measured[k]!, i, j));
    }
  }
  const out: Partial<Record<Col, number>> = {};
  let any = false;
  for (const col of ['D', 'N', 'T', 'A'] as const) {
    const w = estimateWidth(intervals[col]);
    if (w !== null) {
      out[col] = w;
      any = true;
    }
  }
  return any ? out : null;
}
