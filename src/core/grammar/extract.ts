import { combine, matchPrefixBefore } from './comparator.ts';
import { readDate } from './date.ts';
import { CHINESE_NUMERAL_STARTS, isChineseNumeralCode, startsChineseNumeralCode } from './number.ts';
import { readQuantity } from './quantity.ts';
import { CharSet, fold, isDigitCode, isLatinCode, isSpaceCode } from './text.ts';
import type { QuotedNumber } from './value.ts';

// Numbers quoted in prose (rules.md §1.4 "a narrative actual", §5 family "narrative": the audit
// compares what the prose says with the table). Only numbers with a unit or magnitude are kept:
// bare numbers in prose are list ordinals (`1、`), phone numbers or codes. Years and dates
// (`2021年`, `6月30日`) are skipped, as are ordinals (`第3个`) and a lone `一` (an article: `一个平台`).

// By char code: these are tested at every number, and `s[i]` would allocate a string per test.
const BAI = '百'.charCodeAt(0);
const DI = '第'.charCodeAt(0);
const YI = '一'.charCodeAt(0);
/** Where a quoted number can start: a digit, `百` (of 百分之) or a Chinese numeral. */
const NUMBER_START = new CharSet([...'0123456789百', ...CHINESE_NUMERAL_STARTS]);
const PROSE = { prefixes: false, hedges: false, nouns: false, chinese: false } as const;
const PROSE_CN = { ...PROSE, chinese: true } as const;

/** No hand-written paragraph quotes more numbers; the caps keep a pasted 1 MB cell fast. */
export const MAX_QUOTED = 1000;
/** Places where a number starts (kept or not) before the scan gives up. */
export const MAX_CANDIDATES = 10_000;

/** The subject is at most this many characters of the clause before the number. */
const MAX_SUBJECT = 16;
const BOUNDARY = new CharSet('，,。；;：:！!？?、\n\r\t()（）【】[]“”"\'‘’《》<>');
const LEADING_FILLERS = ['其中', '包括', '以及', '及', '并', '和'];
const TRAILING_FILLERS = ['共计', '合计', '累计', '总计', '共', '约', '计', '为'];
// Most subjects neither start nor end with a filler: one bit test each rules them out.
const LEADING_FIRST = new CharSet(LEADING_FILLERS.map((f) => f[0]!));
const TRAILING_LAST = new CharSet(TRAILING_FILLERS.map((f) => f[f.length - 1]!));

/** Quantities quoted in `text`, in order, each with the words before it and its offset. */
export function extractQuantities(text: string): QuotedNumber[] {
  return extractFolded(fold(text), text);
}

/** Same as `extractQuantities` on text already folded by `fold` (same length as `original`). */
export function extractFolded(s: string, original: string): QuotedNumber[] {
  const out: QuotedNumber[] = [];
  const n = s.length;
  let i = 0;
  let candidates = 0;
  while (i < n) {
    // Prose is mostly words: skip to the next character a number can start with in one tight loop.
    while (i < n && !NUMBER_START.has(s.charCodeAt(i))) i++;
    if (i === n || out.length >= MAX_QUOTED || candidates >= MAX_CANDIDATES) break;
    const c = s.charCodeAt(i);
    if (isDigitCode(c)) {
      candidates++;
      i = readArabicAt(s, original, i, out);
    } else if (
      (c === BAI && s.startsWith('百分之', i)) ||
      (startsChineseNumeralCode(c) && !isChineseNumeralCode(s.charCodeAt(i - 1)))
    ) {
      candidates++;
      i = readChineseAt(s, original, i, out);
    } else {
      i++;
    }
  }
  return out;
}

function skipDigits(s: string, i: number): number {
  let j = i;
  while (j < s.length && (isDigitCode(s.charCodeAt(j)) || s[j] === '.' || s[j] === ',')) j++;
  return j;
}

function readArabicAt(s: string, original: string, i: number, out: QuotedNumber[]): number {
  const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
  // Digits glued to Latin letters are codes or names (`HICOOL2021`, `5G`); after `.` a fraction.
  if (isLatinCode(prev) || prev === 46) return skipDigits(s, i);
  const d = readDate(s, i);
  if (d) return Math.max(d.end, i + 1);
  const r = readQuantity(s, i, PROSE);
  if (!r) return skipDigits(s, i);
  if (r.kind !== 'quantity') return skipDigits(s, Math.max(r.end + 1, i + 1));
  const q = r.quantity;
  const next = s.charCodeAt(r.end);
  const keep = q.unitText !== '' && !isLatinCode(next) && prev !== DI && !isYear(q.unit?.symbol, q.amount);
  if (keep) push(s, original, i, r.quantity, out);
  return Math.max(r.end, i + 1);
}

function readChineseAt(s: string, original: string, i: number, out: QuotedNumber[]): number {
  let end = i + 1;
  while (end < s.length && isChineseNumeralCode(s.charCodeAt(end))) end++;
  if ((end === i + 1 && s.charCodeAt(i) === YI) || s.charCodeAt(i - 1) === DI) return end;
  const r = readQuantity(s, i, PROSE_CN);
  if (r?.kind !== 'quantity') return end;
  const q = r.quantity;
  if (q.unit !== null && !isYear(q.unit.symbol, q.amount)) {
    push(s, original, i, q, out);
  }
  return Math.max(r.end, i + 1);
}

const isYear = (symbol: string | undefined, amount: number): boolean =>
  symbol === '年' && amount >= 1900 && amount <= 2100;

function push(
  s: string,
  original: string,
  i: number,
  quantity: QuotedNumber['quantity'],
  out: QuotedNumber[],
) {
  // `达4.9万人次`, `不少于180名`: the comparator word before the number belongs to it.
  const p = matchPrefixBefore(s, i);
  let q = quantity;
  let start = i;
  if (p) {
    const c = combine(p.comparator, q.comparator);
    q = { ...q, comparator: c === 'conflict' ? q.comparator : c };
    start = p.start;
  }
  out.push({ quantity: q, subject: subjectBefore(s, original, start), offset: i });
}

function subjectBefore(s: string, original: string, start: number): string {
  let from = start;
  const min = Math.max(0, start - MAX_SUBJECT);
  while (from > min && !BOUNDARY.has(s.charCodeAt(from - 1))) from--;
  // Trimmed and stripped of fillers by offsets, then sliced once: this runs for every number
  // quoted in prose.
  let to = start;
  from = skipSpaceForward(original, from, to);
  to = skipSpaceBack(original, from, to);
  if (from < to && LEADING_FIRST.has(original.charCodeAt(from))) {
    for (const f of LEADING_FILLERS) {
      if (to - from > f.length && original.startsWith(f, from)) {
        from += f.length;
        break;
      }
    }
  }
  if (from < to && TRAILING_LAST.has(original.charCodeAt(to - 1))) {
    for (const f of TRAILING_FILLERS) {
      if (to - from >= f.length && original.startsWith(f, to - f.length)) {
        to -= f.length;
        break;
      }
    }
  }
  from = skipSpaceForward(original, from, to);
  to = skipSpaceBack(original, from, to);
  return original.slice(from, to);
}

// With skipSpaceBack, what `trim()` would keep of s[from, to), as offsets.
function skipSpaceForward(s: string, from: number, to: number): number {
  let a = from;
  while (a < to && isSpaceCode(s.charCodeAt(a))) a++;
  return a;
}

function skipSpaceBack(s: string, from: number, to: number): number {
  let b = to;
  while (b > from && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return b;
}
