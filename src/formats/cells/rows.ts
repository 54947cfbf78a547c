import type { IndicatorColumn } from '../../core/template/schema.ts';
import { candidateCuts } from './cuts.ts';
import { emptyScore, fieldScore, fieldScoreAt, type Memo } from './field-scores.ts';
import { backtrack, strongPrefix, typeChangePrefix } from './rows-trace.ts';
import { LINE, type Stream } from './stream.ts';
import { readNumber } from './values.ts';

// The indicator table's text → rows. Each row is a name and then one cell per column, in the
// printed column order; cells may be blank, run together (`50件50件2020`) or be split by the
// layout. The reader considers every way of cutting the text into rows and cells at the places a
// cell can end (cuts.ts) and keeps the one whose cells best fit their columns (field-scores.ts),
// with the form's own constraints: a score is at most its weight, and an actual that repeats
// its target (`合格合格`) is the usual case. A label that starts a level-1/level-2 group ends a row.
// A row whose name and figures the layout separated (a name with no cells, cells with no name)
// is kept as such; indicators.ts pairs them up.

export type Seg = {
  from: number;
  to: number;
  ctx: number;
  afterLevel: boolean;
  /** a 项目决策 / 项目管理 group: its rows print a judgement as the actual and rarely a target */
  process?: boolean;
};

export type ParseOptions = {
  /** cost of leaving a column blank, where the rows read so far say it is rarely blank */
  blankCost?: Partial<Record<IndicatorColumn, number>>;
  /** the table runs to the end of the text, so its last row may be cut short */
  endsText?: boolean;
  /** most names start with the template's `指标1:`: a name without it is unlikely */
  namePrefix?: boolean;
};

export type ParsedRow = {
  fields: Partial<Record<IndicatorColumn, [number, number]>>;
  ctx: number;
  /** cells with no name before them */
  nameless: boolean;
  /** a name with no cells after it */
  nameOnly: boolean;
  /** the row was cut by the end of the text before its last columns */
  truncated: boolean;
  /** the weakest separator any of its cells was cut at */
  weakest: number;
  /** text set aside between rows (key range), in case it is a name the layout moved */
  junk?: [number, number];
};

export type State = { score: number; prev: number; action: Action | null };
export type Action =
  | { kind: 'field'; col: number; from: number; to: number }
  | { kind: 'pair'; col: number; from: number; mid: number; to: number }
  | { kind: 'junk'; from: number; to: number }
  | { kind: 'end' }
  | { kind: 'skip'; col: number }
  | { kind: 'move' };

/**
 * Every row costs this much: cells score above zero when they fit, so without it cutting one row
 * into two (`52021年12月完成2021年12月完成4` as two rows of small figures) would pay. A table
 * without weights and scores earns less per row, and pays less.
 */
const rowCost = (columns: readonly IndicatorColumn[]): number => (columns.includes('weight') ? 5 : 2.5);

const ROW_MARK = /指标[\d一二三四五六七八九十]{1,2}[:：]/y;

function rowMarkAt(key: string, from: number, to: number): boolean {
  ROW_MARK.lastIndex = from;
  return ROW_MARK.test(key) && ROW_MARK.lastIndex <= to;
}

const MAX_FIELD: Partial<Record<IndicatorColumn, number>> = {
  name: 80,
  target: 160,
  actual: 160,
  weight: 6,
  score: 6,
  nature: 4,
  unit: 10,
  deviation: 200,
  scoringMethod: 200,
};

export function parseRows(
  s: Stream,
  segs: readonly Seg[],
  columns: readonly IndicatorColumn[],
  cellBound: number,
  memo: Memo,
  options: ParseOptions = {},
): ParsedRow[] {
  const blankCost = options.blankCost ?? {};
  const ROW_COST = rowCost(columns);
  const endsText = options.endsText ?? true;
  const cuts = candidateCuts(s, segs, cellBound);
  const C = columns.length;
  const W = C + 1;
  // state: cut i, next column, whether the row has a cell yet, blank cells used at this cut
  const E = 3;
  const n = cuts.length;
  const states: State[] = Array.from({ length: n * W * 2 * E }, () => ({
    score: Number.NEGATIVE_INFINITY,
    prev: -1,
    action: null,
  }));
  const idx = (i: number, col: number, f: number, e = 0) => ((i * W + col) * 2 + f) * E + e;
  const relax = (to: number, score: number, prev: number, action: Action) => {
    const st = states[to]!;
    if (score > st.score) {
      st.score = score;
      st.prev = prev;
      st.action = action;
    }
  };
  const strongInside = strongPrefix(s, cellBound);
  const typeChanges = typeChangePrefix(s, cellBound);
  const span = (from: number, to: number): number => {
    // separators strictly inside the cell: at positions from+1 … to-1
    if (to - from <= 1) return 0;
    const k = strongInside[to]! - strongInside[from + 1]!;
    if (k <= 0) return 0;
    // words on one side of a separator and a figure on the other are two cells, not a wrapped one
    const t = typeChanges[to]! - typeChanges[from + 1]!;
    return -k * (cellBound >= LINE + 1 ? 3 : cellBound === LINE ? 1.5 : 0.8) - t * 1.7;
  };
  states[idx(0, 0, 0)]!.score = 0;
  const wi = columns.indexOf('weight');
  const blankOf = (col: IndicatorColumn, process: boolean): number => {
    if (process && col === 'target') return -0.3;
    if (process && col === 'actual') return -3;
    return blankCost[col] ?? emptyScore(col);
  };
  const byPos = new Map<string, number>();
  cuts.forEach((c, i) => {
    if (!c.segEnd) byPos.set(`${c.seg}:${c.pos}`, i);
    else if (!byPos.has(`${c.seg}:${c.pos}`)) byPos.set(`${c.seg}:${c.pos}`, i);
  });
  for (let i = 0; i < n; i++) {
    const cut = cuts[i]!;
    // Order within a cut: filled states first (they may end a row here), then the row start, then the rest.
    const order: Array<[number, number]> = [];
    for (let c = 1; c <= C; c++) order.push([c, 1]);
    order.push([0, 0]);
    for (let c = 1; c <= C; c++) order.push([c, 0]);
    for (const [c, f] of order)
      for (let e = 0; e < E; e++) {
        const here = idx(i, c, f, e);
        const st = states[here]!;
        if (st.score === Number.NEGATIVE_INFINITY) continue;
        const base = st.score;
        if (cut.segEnd && i + 1 < n) {
          // Into the next piece of text: a row continues across a column heading freely, across a
          // level label only at a cost (the label normally starts the next row).
          const cost = c === 0 ? 0 : cuts[i + 1]!.afterLevel ? -2 : -0.3;
          relax(idx(i + 1, c, f), base + cost, here, { kind: 'move' });
        }
        if (c === C) {
          relax(idx(i, 0, 0, e), base + 0.5, here, { kind: 'end' });
          continue;
        }
        if (c === 0) {
          relax(idx(i, 1, 0, e), base - 3 - ROW_COST, here, { kind: 'skip', col: 0 });
          for (let j = i + 1; j < n && cuts[j]!.seg === cut.seg; j++) {
            const len = cuts[j]!.pos - cut.pos;
            if (len > 60) break;
            // Set-aside text is heading debris; figures in it are cells the rows should have read.
            // (A weight total and a score total, `100 94`, is the 总分 row printed away from its label.)
            const text = s.key
              .slice(cut.pos, cuts[j]!.pos)
              .replace(/指标[\d一二三四五六七八九十]{1,2}[:：]/g, '');
            const figures = /^1[01]\d\d{1,3}(?:\.\d+)?$|^9\d\d{1,3}(?:\.\d+)?$/.test(text)
              ? 0
              : (text.match(/\d+/g)?.length ?? 0);
            relax(idx(j, 0, 0), base - 1.2 - 0.12 * len - 2 * figures, here, {
              kind: 'junk',
              from: cut.pos,
              to: cuts[j]!.pos,
            });
          }
        } else if (f === 1) relax(idx(i, 0, 0, e), base - 3, here, { kind: 'end' });
        const col = columns[c]!;
        const limit = MAX_FIELD[col] ?? 80;
        // A blank cell: free where the separators mark one (as many as they mark). Blank cells at the
        // end of a row are its last columns: `60 | | |` leaves 得分 and 原因 blank, not 分值.
        const marked = Math.min(E - 1, s.empties[cut.pos]!);
        const free = c > 0 && e < marked && (!cut.segEnd || C - c <= marked - e);
        if (free) relax(idx(i, c + 1, f, e + 1), base, here, { kind: 'skip', col: c });
        else
          relax(idx(i, c + 1, f, e), base + blankOf(col, cut.process), here, {
            kind: 'skip',
            col: c,
          });
        if (cut.segEnd) continue;
        for (let j = i + 1; j < n && cuts[j]!.seg === cut.seg; j++) {
          const to = cuts[j]!;
          const len = to.pos - cut.pos;
          if (len > limit) break;
          let fs = fieldScoreAt(col, s.key, cut.pos, to.pos, memo);
          if (fs === Number.NEGATIVE_INFINITY) continue;
          // Where the template numbers its rows (`指标1:`), a name without the number is another cell.
          if (c === 0 && options.namePrefix && !rowMarkAt(s.key, cut.pos, to.pos)) fs -= 6;
          const needsKey = (col === 'target' && columns[c + 1] === 'actual') || c === wi;
          const key = needsKey ? s.key.slice(cut.pos, to.pos) : '';
          const sc = base + fs + to.cost + span(cut.pos, to.pos);
          relax(idx(j, c + 1, 1), sc - (c === 0 ? ROW_COST : 0), here, {
            kind: 'field',
            col: c,
            from: cut.pos,
            to: to.pos,
          });
          // An actual that repeats its target (`合格合格`), or repeats it without its comparator
          // (`≥168人次168人次`): the commonest rows of all.
          if (col === 'target' && columns[c + 1] === 'actual') {
            const core = key.replace(/^(?:[≥≤<>=]=?)/, '');
            const mate = byPos.get(`${to.seg}:${to.pos + core.length}`);
            if (
              core !== '' &&
              mate !== undefined &&
              mate > j &&
              s.key.slice(to.pos, cuts[mate]!.pos) === core
            ) {
              const as = core === key ? fs : fieldScore('actual', core, memo);
              relax(idx(mate, c + 2, 1), sc + as + cuts[mate]!.cost + 2.5, here, {
                kind: 'pair',
                col: c,
                from: cut.pos,
                mid: to.pos,
                to: cuts[mate]!.pos,
              });
            }
          }
          // A score right after its weight must not exceed it.
          if (c === wi && columns[c + 1] === 'score') {
            const w = readNumber(key)?.value;
            for (let k = j + 1; k < n && cuts[k]!.seg === cut.seg && cuts[k]!.pos - to.pos <= 6; k++) {
              const sk = s.key.slice(to.pos, cuts[k]!.pos);
              const ss = fieldScore('score', sk, memo);
              if (ss === Number.NEGATIVE_INFINITY) continue;
              const sv = readNumber(sk)?.value;
              const fit = w === undefined || sv === undefined ? 0 : sv <= w ? 1 : -3;
              relax(idx(k, c + 2, 1), sc + ss + fit + cuts[k]!.cost, here, {
                kind: 'pair',
                col: c,
                from: cut.pos,
                mid: to.pos,
                to: cuts[k]!.pos,
              });
            }
          }
        }
      }
  }
  // The best way to finish: rows complete, or the last row cut by the end of the text.
  let end = idx(n - 1, 0, 0);
  let endScore = Number.NEGATIVE_INFINITY;
  for (let c = 0; c <= C; c++)
    for (const f of [0, 1])
      for (let e = 0; e < E; e++) {
        const k = idx(n - 1, c, f, e);
        const sc = states[k]!.score - (c === 0 ? 0 : endsText ? 0.5 : 3);
        if (sc > endScore) {
          end = k;
          endScore = sc;
        }
      }
  return backtrack(states, end, W * E, cuts, columns);
}
