import type { FundsColumn } from '../../core/template/schema.ts';
import { isBlankMark, readNumber, readPercent } from './values.ts';

// One funds row's cells → its columns. Blank cells vanish from flattened text and figures run
// together (`303010100%`), so the reader tries every way of cutting the cells into figures and
// of laying the figures on the columns in order, and keeps the reading the form's own arithmetic
// supports best (form-json.md §Funds row; rules.md §1.2: 执行率 = 全年执行数 ÷ 全年预算数, or
// 年初预算数 where there is no 全年预算数; 得分 ≤ 分值). Where arithmetic cannot tell, blank cells are
// taken to be the later columns, as a reader of the printed form would assume.

export type FundsValues = Partial<Record<Exclude<FundsColumn, 'note'>, number | null>> & { note?: string };

export type RowReading = {
  values: FundsValues;
  score: number;
  /** how much better than the next reading (0: a tie) */
  margin: number;
  /** a figure was read through an OCR confusion */
  ocr: boolean;
};

type Token = { col: FundsColumn; text: string; value: number | null; ocr: boolean; split: boolean };

export type RowContext = {
  /** the row is a 其中 sub-row: 分值/得分 are usually blank (`-`) there */
  subRow: boolean;
  /** sums of the sub-rows, for the total row */
  sums?: Partial<Record<'initialBudget' | 'annualBudget' | 'executed', number>>;
  /** the total row as first read, for a sub-row */
  total?: FundsValues;
  /** the text separates its cells: cutting one cell into several figures is then unlikely */
  separated: boolean;
};

const MAX_TOKEN = 14;
const MAX_READINGS = 400000;

/** Cells are key strings; '' is a blank cell the separators marked. */
export function readFundsRow(
  cells: readonly string[],
  columns: readonly FundsColumn[],
  ctx: RowContext,
): RowReading | null {
  const readings: Array<{ tokens: Token[]; skipped: number[]; splits: number }> = [];
  const tokens: Token[] = [];
  const skipped: number[] = [];
  let count = 0;
  const walk = (ci: number, off: number, col: number, splits: number): void => {
    if (++count > MAX_READINGS) return;
    if (ci === cells.length) {
      readings.push({ tokens: [...tokens], skipped: [...skipped], splits });
      return;
    }
    const cell = cells[ci]!;
    if (off === 0 && cell === '') {
      // A marked blank cell takes one column.
      if (col < columns.length) {
        skipped.push(-1 - col);
        walk(ci + 1, 0, col + 1, splits);
        skipped.pop();
      } else walk(ci + 1, 0, col, splits);
      return;
    }
    if (off === cell.length) {
      walk(ci + 1, 0, col, splits);
      return;
    }
    for (let c = col; c < columns.length; c++) {
      const column = columns[c]!;
      if (column === 'note') {
        // The note takes the rest of the row as text.
        const text = cells.slice(ci).join(' ').slice(off);
        tokens.push({ col: column, text, value: null, ocr: false, split: false });
        for (let k = col; k < c; k++) skipped.push(k);
        readings.push({ tokens: [...tokens], skipped: [...skipped], splits });
        for (let k = col; k < c; k++) skipped.pop();
        tokens.pop();
        continue;
      }
      for (let len = 1; len <= Math.min(MAX_TOKEN, cell.length - off); len++) {
        const text = cell.slice(off, off + len);
        const read = tokenFor(column, text);
        if (read === undefined) continue;
        for (let k = col; k < c; k++) skipped.push(k);
        // A rate takes every digit before its `%` that can be part of it (`10100%` is 10 | 100%).
        const shortRate =
          column === 'executionRate' && text.endsWith('%') && off > 0 && longerRate(cell, off, off + len);
        const end = off + len;
        tokens.push({
          col: column,
          text,
          value: read.value,
          ocr: read.ocr || shortRate,
          split: off > 0 || end < cell.length,
        });
        walk(ci, end, c + 1, splits + (end < cell.length || off > 0 ? 1 : 0));
        tokens.pop();
        for (let k = col; k < c; k++) skipped.pop();
      }
    }
  };
  walk(0, 0, 0, 0);
  if (readings.length === 0) return null;
  let best: { reading: (typeof readings)[number]; score: number } | null = null;
  let second = Number.NEGATIVE_INFINITY;
  for (const r of readings) {
    const s = scoreReading(r.tokens, r.skipped, r.splits, columns, ctx);
    if (!best || s > best.score) {
      if (best) second = Math.max(second, best.score);
      best = { reading: r, score: s };
    } else second = Math.max(second, s);
  }
  const values: FundsValues = {};
  let ocr = false;
  for (const t of best!.reading.tokens) {
    if (t.col === 'note') values.note = t.text;
    else values[t.col] = t.value;
    ocr ||= t.ocr;
  }
  return { values, score: best!.score, margin: best!.score - second, ocr };
}

function longerRate(cell: string, from: number, to: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    const text = cell.slice(k, to);
    const p = readPercent(text);
    if (p !== null && p <= 150 && !/\.\d{3,}/.test(text)) return true;
  }
  return false;
}

/** undefined: the text cannot fill the column; value null: a blank mark (`-`, `—`, `/`). */
function tokenFor(col: FundsColumn, text: string): { value: number | null; ocr: boolean } | undefined {
  if (isBlankMark(text)) return { value: null, ocr: false };
  if (col === 'executionRate') {
    const p = readPercent(text);
    if (p !== null) return { value: p, ocr: false };
    if (text.endsWith('%')) return undefined;
    const n = readNumber(text);
    return n && n.value <= 150 ? { value: n.value, ocr: n.ocr } : undefined;
  }
  if (text.includes('%')) return undefined;
  const n = readNumber(text);
  if (!n) return undefined;
  if ((col === 'weight' || col === 'score') && n.value > 100) return undefined;
  return { value: n.value, ocr: n.ocr };
}

const AMOUNTS = ['initialBudget', 'annualBudget', 'executed'] as const;

function scoreReading(
  tokens: readonly Token[],
  skipped: readonly number[],
  splits: number,
  columns: readonly FundsColumn[],
  ctx: RowContext,
): number {
  let s = 0;
  const v: FundsValues = {};
  let rateWritten = false;
  let rateDecimals = 0;
  for (const t of tokens) {
    if (t.col === 'note') continue;
    v[t.col] = t.value;
    if (t.col === 'executionRate' && t.value !== null) {
      rateWritten = t.text.endsWith('%');
      rateDecimals = /\.(\d+)/.exec(t.text)?.[1]?.length ?? 0;
    }
    if (t.ocr) s -= t.col === 'executionRate' ? 3 : 1;
    // `0` cut out of a run of digits (`3|0|30`) is rarely a figure of its own.
    if (t.split && t.text === '0') s -= 1.5;
  }
  // Blank cells are more often the later columns (分值/得分 of a sub-row); a marked blank costs nothing.
  for (const k of skipped) if (k >= 0) s -= 1 + 0.02 * (columns.length - k);
  s -= (ctx.separated ? 3 : 0.3) * splits;
  const num = (c: FundsColumn): number | null => (typeof v[c] === 'number' ? (v[c] as number) : null);
  const rate = num('executionRate');
  const weight = num('weight');
  const score = num('score');
  const executed = num('executed');
  const annual = num('annualBudget');
  const initial = num('initialBudget');
  if (rate !== null) {
    if (!rateWritten) s -= 1.5;
    // rates are printed with at most two decimals (`93.51%`); `94.9100%` is two cells run together
    if (rateDecimals > 2) s -= 2;
    if (rate > 100.5) s -= rate > 300 ? 3 : 0.5;
    const base = annual ?? initial;
    if (executed !== null && base !== null && base > 0) {
      const computed = (100 * executed) / base;
      // printed to its own precision, rounded or cut (99.10% printed `99%`)
      const fits = Math.abs(computed - rate) < (rateDecimals === 0 ? 1.01 : 0.6 * 10 ** -rateDecimals + 1e-9);
      // A match between different figures is evidence; 30 ÷ 30 = 100% would fit any reading.
      // 30 ÷ 30 = 100% or 0 ÷ x = 0% would fit any reading: only a match of different,
      // non-zero figures is evidence.
      // (A printed 0% fits every tiny execution as well: no evidence either.)
      if (fits) s += executed === base || executed === 0 || rate === 0 ? 0 : annual !== null ? 3 : 2;
      else s -= 4;
      // Under 1% spent is a reading of figures cut in the wrong place more often than a project.
      if (executed > 0 && computed < 1) s -= 1;
    }
  }
  if (weight !== null) {
    // 分值 belongs to the total row; a sub-row rarely repeats it.
    if (ctx.subRow) s -= 1;
    else if ([5, 10, 15, 20, 30].includes(weight)) s += 0.5;
    if (weight > 40) s -= 2;
  }
  if (score !== null && weight !== null) {
    if (score > weight) s -= 2;
    if (rate !== null && Math.abs((rate * weight) / 100 - score) < 1.01) s += 0.5;
  }
  for (const a of AMOUNTS) {
    const x = num(a);
    if (x === null) continue;
    if (ctx.sums?.[a] !== undefined && Math.abs(ctx.sums[a]! - x) < 0.005) s += 0.8;
  }
  if (annual !== null && initial !== null && annual === initial) s += 0.1;
  // A budget is adjusted, not multiplied: 年初 and 全年 of one row are of one size.
  if (
    annual !== null &&
    initial !== null &&
    Math.min(annual, initial) > 0 &&
    Math.max(annual, initial) / Math.min(annual, initial) > 5
  )
    s -= 2;
  // Money was spent only where there was a budget.
  if (executed !== null && executed > 0 && (annual === 0 || (annual === null && initial === 0))) s -= 2;
  // 年初 and 全年 are printed together: a row with 年初 and 执行数 but no 全年 lost the 全年.
  if (initial !== null && annual === null && executed !== null) s -= 0.5;
  // A sub-row is part of the total: never more, and most often the same figure.
  for (const a of AMOUNTS) {
    const x = num(a);
    const t = ctx.total?.[a];
    if (x === null || typeof t !== 'number') continue;
    if (x > t + 0.005) s -= 3;
    else if (Math.abs(x - t) < 0.005) s += 0.5;
  }
  return s;
}
