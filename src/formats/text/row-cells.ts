// One indicator-table line that carries a row's weight and score (`… 2 2`), read into its cells.

import { type Cells, glueComparators, isNumberToken, isScoreToken, scoreValue } from './cells.ts';
import { squeeze } from './lines.ts';
import { isKnownLabel, labelLevel, stripLabelWeight } from './vocab.ts';

export type ScoreLine = {
  /** level labels printed at the start of the line (`产出指标 数量指标 …`). */
  labels: string[];
  /** the row's last text cells printed on this line, in order (0–3 of name, target, actual). */
  cells: string[];
  /** the line had more text cells than columns; extra words were glued into the name. */
  merged: boolean;
  explicit: boolean;
  weight: number | null;
  score: number | null;
  /** text after the score on the same line (flattened rows). */
  deviation: string;
};

/** Weights and scores above this are not weights and scores (a year, an amount). */
const MAX_POINTS = 100;

export function readScoreLine(split: Cells): ScoreLine | null {
  const cells = split.explicit ? split.cells : glueComparators(split.cells);
  const at = findPair(cells, split.explicit);
  if (at < 0) return null;
  const weight = scoreValue(cells[at]!);
  const score = at + 1 < cells.length ? scoreValue(cells[at + 1]!) : null;
  if (
    (weight !== null && (weight < 0 || weight > MAX_POINTS)) ||
    (score !== null && (score < 0 || score > MAX_POINTS))
  ) {
    return null;
  }
  // Usually the score is the last cell: no deviation text to gather.
  const deviation =
    at + 2 >= cells.length
      ? ''
      : cells
          .slice(at + 2)
          .filter((c) => c !== '')
          .join(' ');
  const labels: string[] = [];
  // Leading level labels; blank leading cells of a pipe row are merged level cells. The cells
  // before the weight are cells[from, at).
  let from = 0;
  while (from < at && labels.length < 2) {
    const head = stripLabelWeight(squeeze(cells[from]!));
    const level = head ? labelLevel(head) : null;
    const spare = at - from > 3;
    if (head === '' && split.explicit && spare) {
      from++;
      continue;
    }
    if (level === null || !(spare || isKnownLabel(head))) break;
    labels.push(head);
    from++;
  }
  const before = cells.slice(from, at);
  let rest = split.explicit ? before : before.filter((c) => c !== '');
  let merged = false;
  if (rest.length > 3) {
    // More words than cells: flattened text split a cell at its own spaces. Targets and actuals
    // are short values, so the extra words most likely belong to the name.
    merged = true;
    const extra = rest.length - 3;
    rest = [rest.slice(0, extra + 1).join(' '), ...rest.slice(extra + 1)];
  }
  return { labels, cells: rest, merged, explicit: split.explicit, weight, score, deviation };
}

/**
 * Index of the weight: the rightmost pair of numbers; else a number beside a dash; else (pipe/tab
 * rows) a number followed by a blank score cell.
 */
function findPair(cells: readonly string[], explicit: boolean): number {
  const isNum = cells.map(isNumberToken);
  for (let k = cells.length - 2; k >= 0; k--) if (isNum[k] && isNum[k + 1]) return k;
  for (let k = cells.length - 2; k >= 0; k--) {
    if ((isNum[k] || isNum[k + 1]) && isScoreToken(cells[k]!) && isScoreToken(cells[k + 1]!)) return k;
  }
  if (explicit) for (let k = cells.length - 2; k >= 0; k--) if (isNum[k] && cells[k + 1] === '') return k;
  return -1;
}
