import { parseChineseNumeral, startsChineseNumeralCode } from './number.ts';
import { firstChars, isDigitCode } from './text.ts';

// Dates as 时效 cells write them (rules.md §1.5, §3 row "deadline"): `2021年6月30日`, `2021.6.30`,
// `2021-06-30`, `6月底`, `年底`, `12月31日`, `2021年12月` (end of month), `上半年`, `第三季度`.
// A period (month, quarter, half, year) stands for its last day, since the cell means "by then".
// Only Y-M-D validity is checked (no 2月30日); no calendar library is needed for that.

export type DatePrecision = 'day' | 'month' | 'quarter' | 'half' | 'year';

export type DateMatch = {
  /** the year as written; null when it must come from the form's year. */
  year: number | null;
  /** month of the last day of the period (1–12), or the written month, possibly out of range. */
  month: number;
  /** written day, or null to mean the period's last day. */
  day: number | null;
  precision: DatePrecision;
  /** an end-of-period word was written (`底`, `末`, `下旬`), so a bare `6月底` is a date, not 6 months. */
  endWord: boolean;
  start: number;
  end: number;
};

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export const toIso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/**
 * Splits an ISO date back into numbers; null if it is not a valid `YYYY-MM-DD`. Read in place: the
 * scoring of every dated row counts days between two of them (scoring/row-rules/dates.ts).
 */
export function fromIso(iso: string): { year: number; month: number; day: number } | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 0x2d || iso.charCodeAt(7) !== 0x2d) return null;
  const year = digitsValue(iso, 0, 4);
  const month = digitsValue(iso, 5, 7);
  const day = digitsValue(iso, 8, 10);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/** The value of the ASCII digits s[from, to), without slicing them out to parse; -1 if one is not a digit. */
function digitsValue(s: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) {
    const d = s.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** 1–2 ASCII digits or a short Chinese numeral (`十二`, `三十一`) at `i`. */
function readSmallInt(s: string, i: number): { value: number; end: number } | null {
  if (isDigitCode(s.charCodeAt(i))) return readDigits(s, i);
  // Most characters start no numeral: rule that out before slicing three candidates.
  if (!startsChineseNumeralCode(s.charCodeAt(i))) return null;
  for (let len = 3; len >= 1; len--) {
    if (i + len > s.length) continue;
    const v = parseChineseNumeral(s.slice(i, i + len));
    if (v !== null) return { value: v, end: i + len };
  }
  return null;
}

/** 1–4 for a quarter's digit (`1`–`4`, `一`–`四`), else 0. By char code: `s[q]` would allocate a string. */
function quarterDigit(c: number): number {
  if (c >= 0x31 && c <= 0x34) return c - 0x30;
  return c === 0x4e00 ? 1 : c === 0x4e8c ? 2 : c === 0x4e09 ? 3 : c === 0x56db ? 4 : 0;
}

type Period = { month: number; day: number | null; precision: DatePrecision; endWord: boolean; end: number };

/**
 * Can the digits at `i` open a period? Only as a month (`6月`, `12月`) or a quarter (`3季度`).
 * Most numbers in prose are neither, and this rules them out without reading the number.
 */
function monthOrQuarterAhead(s: string, i: number): boolean {
  let j = i + 1;
  if (isDigitCode(s.charCodeAt(j))) j++;
  return s.charCodeAt(j) === MONTH || (quarterDigit(s.charCodeAt(i)) !== 0 && s.startsWith('季度', i + 1));
}

// By char code: a one-character string from `s[j]` is allocated for every ideograph tested.
const MONTH = 0x6708; // 月
const ORDINAL = 0x7b2c; // 第
const MO_END = 0x672b; // 末
const DI_END = 0x5e95; // 底
const FEN_MONTH = 0x4efd; // 份
const RI_DAY = 0x65e5; // 日
const HAO_DAY = 0x53f7; // 号
const NIAN_YEAR = 0x5e74; // 年
const DU_YEAR = 0x5ea6; // 度
const NEI_WITHIN = 0x5185; // 内
const DOT = 0x2e;

/** `底` or `末`: the end of the period just read. */
const isEndWord = (c: number): boolean => c === DI_END || c === MO_END;

/** Month, quarter and half-year forms at `i` (after a written year or with none). */
function readPeriod(s: string, i: number): Period | null {
  if (isDigitCode(s.charCodeAt(i)) && !monthOrQuarterAhead(s, i)) return null;
  if (s.startsWith('上半年', i)) return { month: 6, day: null, precision: 'half', endWord: true, end: i + 3 };
  if (s.startsWith('下半年', i))
    return { month: 12, day: null, precision: 'half', endWord: true, end: i + 3 };
  let q = i;
  if (s.charCodeAt(q) === ORDINAL) q++;
  const quarter = quarterDigit(s.charCodeAt(q));
  if (quarter && s.startsWith('季度', q + 1)) {
    let end = q + 3;
    if (isEndWord(s.charCodeAt(end))) end++;
    return { month: quarter * 3, day: null, precision: 'quarter', endWord: true, end };
  }
  if (s.charCodeAt(i) === 0x51 /* Q */ && quarterDigit(s.charCodeAt(i + 1))) {
    return {
      month: quarterDigit(s.charCodeAt(i + 1)) * 3,
      day: null,
      precision: 'quarter',
      endWord: true,
      end: i + 2,
    };
  }
  const m = readSmallInt(s, i);
  if (!m || s.charCodeAt(m.end) !== MONTH) return null;
  let j = m.end + 1;
  if (s.charCodeAt(j) === FEN_MONTH) j++;
  if (isEndWord(s.charCodeAt(j)))
    return { month: m.value, day: null, precision: 'month', endWord: true, end: j + 1 };
  if (s.startsWith('上旬', j))
    return { month: m.value, day: 10, precision: 'day', endWord: true, end: j + 2 };
  if (s.startsWith('中旬', j))
    return { month: m.value, day: 20, precision: 'day', endWord: true, end: j + 2 };
  if (s.startsWith('下旬', j))
    return { month: m.value, day: null, precision: 'month', endWord: true, end: j + 2 };
  const d = readSmallInt(s, j);
  if (d && (s.charCodeAt(d.end) === RI_DAY || s.charCodeAt(d.end) === HAO_DAY)) {
    return { month: m.value, day: d.value, precision: 'day', endWord: false, end: d.end + 1 };
  }
  return { month: m.value, day: null, precision: 'month', endWord: false, end: j };
}

// Year-end words with no year written: the form's own year (ParseContext.year).
const YEAR_END_WORDS = [
  '本年度内',
  '今年年底',
  '本年底',
  '本年末',
  '当年底',
  '今年底',
  '年度内',
  '年底',
  '年末',
  '年内',
];
const YEAR_END_FIRST = firstChars(YEAR_END_WORDS);

/** Reads a date at `i`, or null. Validity (no 2月30日) is checked later by `resolveDate`. */
export function readDate(s: string, i: number): DateMatch | null {
  const c = s.charCodeAt(i);
  if (
    isDigitCode(c) &&
    i + 4 <= s.length &&
    isDigitCode(s.charCodeAt(i + 1)) &&
    isDigitCode(s.charCodeAt(i + 2)) &&
    isDigitCode(s.charCodeAt(i + 3)) &&
    !isDigitCode(s.charCodeAt(i + 4))
  ) {
    const year = digitsValue(s, i, i + 4);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    return readAfterYear(s, i, year);
  }
  if (YEAR_END_FIRST.has(c)) {
    for (const w of YEAR_END_WORDS) {
      if (s.startsWith(w, i)) {
        return {
          year: null,
          month: 12,
          day: null,
          precision: 'year',
          endWord: true,
          start: i,
          end: i + w.length,
        };
      }
    }
  }
  const p = readPeriod(s, i);
  return p ? periodDate(null, p, i) : null;
}

/** A period as a date match (spelled out: a spread would copy through a slower generic path). */
function periodDate(year: number | null, p: Period, start: number): DateMatch {
  const { month, day, precision, endWord, end } = p;
  return { year, month, day, precision, endWord, start, end };
}

function readAfterYear(s: string, i: number, year: number): DateMatch | null {
  let j = i + 4;
  const sep = s.charCodeAt(j);
  if (sep === DOT || sep === 0x2d /* - */ || sep === 0x2f /* / */) {
    const m = readDigits(s, j + 1);
    if (!m) return null;
    if (s.charCodeAt(m.end) === sep) {
      const d = readDigits(s, m.end + 1);
      if (!d) return null;
      return { year, month: m.value, day: d.value, precision: 'day', endWord: false, start: i, end: d.end };
    }
    // `2021.6` is a decimal number, not a month; `2021-06` and `2021/6` are months.
    if (sep === DOT) return null;
    return { year, month: m.value, day: null, precision: 'month', endWord: false, start: i, end: m.end };
  }
  if (sep !== NIAN_YEAR) return null;
  j++;
  if (s.charCodeAt(j) === DU_YEAR) j++;
  if (isEndWord(s.charCodeAt(j)) || s.charCodeAt(j) === NEI_WITHIN) {
    return { year, month: 12, day: null, precision: 'year', endWord: true, start: i, end: j + 1 };
  }
  if (s.startsWith('年底', j) || s.startsWith('年末', j)) {
    return { year, month: 12, day: null, precision: 'year', endWord: true, start: i, end: j + 2 };
  }
  const p = readPeriod(s, j);
  if (p) return periodDate(year, p, i);
  return { year, month: 12, day: null, precision: 'year', endWord: false, start: i, end: j };
}

/** 1–2 ASCII digits at `i`. */
function readDigits(s: string, i: number): { value: number; end: number } | null {
  let j = i;
  while (j < s.length && j < i + 3 && isDigitCode(s.charCodeAt(j))) j++;
  if (j === i || j - i > 2) return null;
  return { value: digitsValue(s, i, j), end: j };
}

export type ResolvedDate = { ok: true; iso: string; yearInferred: boolean } | { ok: false; reason: string };

/**
 * Turns a match into an ISO date, taking the year from `fallbackYear` when none was written.
 * A period resolves to its last day; an impossible date (`2月30日`, `13月`) is an error, not a guess.
 */
export function resolveDate(m: DateMatch, written: string, fallbackYear: number | undefined): ResolvedDate {
  const yearInferred = m.year === null;
  const year = m.year ?? fallbackYear;
  if (year === undefined || !Number.isInteger(year)) {
    return { ok: false, reason: `日期缺少年份，且未提供表格年度：${written}` };
  }
  if (m.month < 1 || m.month > 12) return { ok: false, reason: `无效日期：${written}` };
  const day = m.day ?? daysInMonth(year, m.month);
  if (!isValidDate(year, m.month, day)) return { ok: false, reason: `无效日期：${written}` };
  return { ok: true, iso: toIso(year, m.month, day), yearInferred };
}
