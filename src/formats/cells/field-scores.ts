import { lookupUnit } from '../../core/grammar/unit.ts';
import { INDICATOR_COLUMNS, type IndicatorColumn } from '../../core/template/schema.ts';
import { isBlankMark, readNumber, VALUE_WORDS, type ValueKind, valueKind } from './values.ts';

const VALUE_WORD_SET = new Set(VALUE_WORDS);

// How well a piece of text fits each column of the indicator table: the reader's evidence when it
// decides where a cell ends. Numbers are rough log-odds, tuned on our own fixtures: a weight is a
// small number, a target or actual reads in the value grammar, a name is words, not a figure.

const CJK = /[\u4e00-\u9fff]/g;

function cjkCount(t: string): number {
  return t.match(CJK)?.length ?? 0;
}

const COMPARATOR_WORDS = /^(?:[=≥≤<>]|>=|<=|定性|定量|正向|反向|≥=?)$/;

/**
 * Per form: value kinds and field scores by text (the reader scores one text for many readings),
 * and field scores by position (negative number keys, see fieldScoreAt).
 */
export type Memo = Map<string | number, ValueKind | number>;

export function kindOf(key: string, memo: Memo): ValueKind {
  let k = memo.get(key) as ValueKind | undefined;
  if (k === undefined) {
    k = valueKind(key);
    memo.set(key, k);
  }
  return k;
}

const COLUMN_INDEX = new Map<IndicatorColumn, number>(INDICATOR_COLUMNS.map((c, i) => [c, i]));

/**
 * `fieldScore` of the key range [from, to), remembered by position: the row reader asks for the
 * same range once per reading state and once per pass, and building the text to look it up
 * costs more than the answer.
 */
export function fieldScoreAt(
  col: IndicatorColumn,
  key: string,
  from: number,
  to: number,
  memo: Memo,
): number {
  const at = -((from * 65536 + Math.min(to - from, 65535)) * 16 + COLUMN_INDEX.get(col)!) - 1;
  let v = memo.get(at) as number | undefined;
  if (v === undefined) {
    v = fieldScore(col, key.slice(from, to), memo);
    memo.set(at, v);
  }
  return v;
}

/** Score of `key` (the cell's key text) as the column's value; -Infinity: it cannot be. */
export function fieldScore(col: IndicatorColumn, key: string, memo: Memo): number {
  if (key === '') return emptyScore(col);
  const m = `${col}\u0000${key}`;
  let v = memo.get(m) as number | undefined;
  if (v === undefined) {
    v = score(col, key, memo);
    memo.set(m, v);
  }
  return v;
}

function score(col: IndicatorColumn, key: string, memo: Memo): number {
  switch (col) {
    case 'name':
      return nameScore(key, memo);
    case 'target':
    case 'actual':
      return valueScore(key, memo);
    case 'weight': {
      if (isBlankMark(key)) return -2;
      const n = readNumber(key);
      if (!n || n.value <= 0 || n.value > 100) return Number.NEGATIVE_INFINITY;
      return (
        2 +
        (n.value <= 40 ? 0.5 : n.value > 60 ? -2 : 0) +
        (Number.isInteger(n.value * 2) ? 0 : -1) -
        (n.ocr ? 0.7 : 0)
      );
    }
    case 'score': {
      if (isBlankMark(key)) return -0.5;
      const n = readNumber(key);
      if (!n || n.value > 100) return Number.NEGATIVE_INFINITY;
      return 1.5 - (n.ocr ? 0.7 : 0);
    }
    case 'deviation':
      // Most rows leave it blank; text there must earn its place.
      if (/^[\d.%]+$/.test(key)) return -3;
      if (/\d%/.test(key)) return -3;
      if (gluedFigure(key) > 0) return -3 * gluedFigure(key);
      return cjkCount(key) >= 2 ? -0.8 - key.length * 0.002 : -2;
    case 'nature':
      return COMPARATOR_WORDS.test(key) ? 2 : -2;
    case 'unit':
      return key.length <= 8 && !/\d/.test(key) ? 1 : -2;
    case 'scoringMethod':
      return cjkCount(key) >= 2 ? 0.2 : -1;
    default:
      return 0;
  }
}

export function emptyScore(col: IndicatorColumn): number {
  switch (col) {
    case 'name':
      return -6;
    case 'target':
    case 'actual':
      return -1.6;
    case 'weight':
      return -3;
    case 'score':
      return -1.2;
    case 'nature':
      return -0.5;
    default:
      return 0;
  }
}

function nameScore(key: string, memo: Memo): number {
  const cjk = cjkCount(key);
  let s = cjk >= 2 ? 1 : cjk === 1 ? -1 : -4;
  s -= 3 * gluedFigure(key);
  const k = kindOf(key, memo);
  if (k === 'quantity' || k === 'deadline') s -= 3;
  // `合格` is an answer, not a name; `完成时间` is a name that starts with one.
  if (k === 'tier' && (VALUE_WORD_SET.has(key) || key.length <= 2)) s -= 2;
  if (/^指标[\d一二三四五六七八九十]+[:：]/.test(key))
    s += /^指标[\d一二三四五六七八九十]+[:：]$/.test(key) ? -6 : 0.5;
  if (key.length > 50) s -= (key.length - 50) * 0.05;
  if (/^[，,、。;；:：)）]/.test(key)) s -= 2;
  // A name does not end with a comparator or a figure with its unit: that is the next cell.
  if (/[≥≤=<>]$/.test(key)) s -= 3;
  if (endsWithQuantity(key)) s -= 2;
  return s;
}

/**
 * A bare small figure between words (`实际工作需求2适当性`): in run-together text that is a
 * weight or a score glued to the next cell; a figure in prose carries its unit (`20家`, `3年`).
 */
function gluedFigure(key: string): number {
  if (/^\d+$/.test(key)) return 0;
  let n = 0;
  for (const m of key.matchAll(/(?:^|[\u4e00-\u9fff])(\d+)(?=[\u4e00-\u9fff]|$)/g)) {
    // one or two digits anywhere, a longer figure only between words
    if (m[1]!.length > 2 && m.index === 0) continue;
    const next = key[m.index! + m[0].length] ?? '';
    if (next === '' || !UNIT_AFTER.test(next)) n++;
  }
  return n;
}

const UNIT_AFTER =
  /[个年月日人次项家元十百万千亿号岁名所台套辆户条批期场份篇天周吨米件起倍分级类公厘平立亩小秒处座盏册张]/;

const UNIT_START =
  /^(?:万元|亿元|元|%|公里|千米|厘米|平方米|米|吨|人次|人|个|次|件|项|天|户|家|场|份|篇|起|台|套|辆|亩|处|座|盏|册|张)(?=\d|$)/;

/** `维修响应时间48小时`: a figure with its unit at the end of a name is the next cell. */
function endsWithQuantity(key: string): boolean {
  const m = /\d(?:\.\d+)?([^\d.]{1,4})$/.exec(key);
  if (!m) return false;
  const at = key.length - m[1]!.length;
  const u = lookupUnit(key, at);
  return (u !== null && at + u.text.length === key.length) || m[1] === '%';
}

/** `所12所`: a unit of the grammar's table, then a figure. */
function startsWithUnit(key: string): boolean {
  const u = lookupUnit(key, 0);
  return u !== null && /\d/.test(key[u.text.length] ?? '');
}

/** A unit with no figure is half a value (`万元` of `14.8万元`). */
const BARE_UNIT =
  /^(?:万元|元|亿元|%|人|人次|个|次|件|项|天|米|公里|千米|厘米|平方米|亩|公顷|吨|户|家|场|份|篇|起|台|套|辆|处|座|盏|册|张)$/;

function valueScore(key: string, memo: Memo): number {
  if (BARE_UNIT.test(key)) return -2;
  // `指标1:` starts a row's name, never a value.
  if (/^指标[\d一二三四五六七八九十]{1,2}[:：]/.test(key)) return -4;
  // A value does not start with a unit (`万元14.8万元` is the end of one cell and the next).
  if (UNIT_START.test(key) || startsWithUnit(key)) return -2.5;
  const glued = gluedFigure(key);
  if (glued > 0) return -3 * glued;
  // A figure never starts with 0 unless it is 0 or 0.x: `021年` is a cut in the wrong place.
  if (/^0\d/.test(key)) return -3;
  const k = kindOf(key, memo);
  switch (k) {
    case 'quantity':
      // a bare figure (`0`, `8755`) is a value too, but less surely one than `46公里` or `≥95%`
      return (/^\d+(?:\.\d+)?$/.test(key) ? 1.5 : 2.5) + (/^[≥≤<>=]/.test(key) ? 0.3 : 0);
    case 'deadline':
      return 2;
    case 'tier':
      return 1.3;
    case 'placeholder':
      return 0.5;
    case 'narrative':
      return key.length <= 30 ? 0.9 : 0.4 - (key.length - 30) * 0.01;
    case 'blank':
      return emptyScore('target');
    default: {
      const cjk = cjkCount(key);
      if (cjk >= 1 && !/\d/.test(key)) return key.length <= 12 ? 0.8 : 0.3;
      // A figure with a unit the grammar does not list (`≥50厘米`) is still a value.
      if (/^[≥≤<>=]?\d+(?:\.\d+)?[\u4e00-\u9fffA-Za-z%/]{1,4}$/.test(key)) return 2;
      return -0.8;
    }
  }
}
