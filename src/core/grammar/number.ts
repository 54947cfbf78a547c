import { CharSet, compact, fold, isDigitCode } from './text.ts';

const DIGIT_OF = [0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9];

// Numbers as forms write them (rules.md §3, row "numbers"): ASCII or full-width digits, thousands
// separators (`2,926.000000`), decimals, Chinese numerals (`十九`, `两`, `三千五百`), and the
// magnitudes 百/千/万/亿 after a numeral (`4.9万`).

/**
 * A numeral read from text. `mantissa` is the written value as a plain decimal string, kept so that
 * magnitudes and money units scale it exactly (`4.9` × 10⁴ is computed as `4.9e4`, not 4.9 × 10000).
 * It is null when `value` is an exact integer that spells it (`185`, `十九`): most numbers carry no
 * magnitude, so the string is made only when asked for (`mantissaOf`).
 */
export type NumberToken = { value: number; mantissa: string | null; start: number; end: number };

/** The token's mantissa, spelled from its value when the reader did not keep one. */
export const mantissaOf = (t: NumberToken): string => t.mantissa ?? plainNumber(t.value);

/** Integers of up to 15 digits are exact as doubles, so summing their digits gives Number(text). */
const MAX_PLAIN = 15;

/**
 * Reads an Arabic numeral at `i`: digits, `,` thousands groups, one decimal point. A `,` counts only
 * between a group of 1–3 digits and exactly three more (`2,926` but not `50,2021年`), so lists of
 * numbers separated by ASCII commas stay apart.
 */
export function readArabic(s: string, i: number, allowSign = false): NumberToken | null {
  const n = s.length;
  let j = i;
  let neg = false;
  if (allowSign && s.charCodeAt(j) === 0x2d /* - */ && j + 1 < n && isDigitCode(s.charCodeAt(j + 1))) {
    neg = true;
    j++;
  }
  if (j >= n || !isDigitCode(s.charCodeAt(j))) return null;
  const intStart = j;
  // Most numbers are plain integers (`185`, `2021`): their value is summed while scanning, so
  // neither the mantissa nor the number needs parsing again.
  let plain = 0;
  while (j < n && isDigitCode(s.charCodeAt(j))) {
    plain = plain * 10 + (s.charCodeAt(j) - 48);
    j++;
  }
  const next = s.charCodeAt(j);
  const digits = j - intStart;
  if (next !== 44 && next !== 46 && digits <= MAX_PLAIN && (digits === 1 || s.charCodeAt(intStart) !== 48)) {
    // No leading zero and at most 15 digits: the value spells the mantissa exactly.
    return { value: neg && plain !== 0 ? -plain : plain, mantissa: null, start: i, end: j };
  }
  let intDigits = s.slice(intStart, j);
  if (intDigits.length <= 3) {
    while (
      s[j] === ',' &&
      j + 3 < n &&
      isDigitCode(s.charCodeAt(j + 1)) &&
      isDigitCode(s.charCodeAt(j + 2)) &&
      isDigitCode(s.charCodeAt(j + 3)) &&
      !(j + 4 < n && isDigitCode(s.charCodeAt(j + 4)))
    ) {
      intDigits += s.slice(j + 1, j + 4);
      j += 4;
    }
  }
  let mantissa = intDigits;
  if (s[j] === '.' && j + 1 < n && isDigitCode(s.charCodeAt(j + 1))) {
    const fracStart = j + 1;
    j = fracStart;
    while (j < n && isDigitCode(s.charCodeAt(j))) j++;
    mantissa += `.${s.slice(fracStart, j)}`;
  }
  mantissa = normaliseMantissa(mantissa);
  if (neg && mantissa !== '0') mantissa = `-${mantissa}`;
  return { value: Number(mantissa), mantissa, start: i, end: j };
}

/** `002926.000000` → `2926`, `0.50` → `0.5`: one spelling per value. */
function normaliseMantissa(m: string): string {
  let start = 0;
  const dot = m.indexOf('.');
  const intEnd = dot < 0 ? m.length : dot;
  while (start < intEnd - 1 && m[start] === '0') start++;
  if (dot < 0) return m.slice(start);
  let end = m.length;
  while (end > dot + 1 && m[end - 1] === '0') end--;
  if (end === dot + 1) end = dot;
  return m.slice(start, end);
}

// Keyed by UTF-16 code, so parsing reads char codes without making one-character strings.
const CN_DIGITS = new Map<number, number>(
  [...'零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖'].map((ch, k) => [ch.charCodeAt(0), DIGIT_OF[k]!]),
);
const CN_SMALL = new Map<number, number>(
  [...'十拾百佰千仟'].map((ch, k) => [ch.charCodeAt(0), 10 ** (1 + (k >> 1))]),
);
const CN_BIG = new Map<number, number>([
  ['万'.charCodeAt(0), 1e4],
  ['亿'.charCodeAt(0), 1e8],
]);
const TEN = new Set(['十'.charCodeAt(0), '拾'.charCodeAt(0)]);
const ZERO = new Set(['零'.charCodeAt(0), '〇'.charCodeAt(0)]);

// Prose scanning asks these for every character, so they are bitmaps (8 KB, they stay in cache),
// not hash lookups.
const chars = (codes: Iterable<number>): CharSet =>
  new CharSet(Array.from(codes, (c) => String.fromCharCode(c)));
const NUMERAL = chars([...CN_DIGITS.keys(), ...CN_SMALL.keys(), ...CN_BIG.keys()]);
const NUMERAL_START = chars([...CN_DIGITS.keys(), ...TEN]);

/** The characters a Chinese numeral can start with, for callers that build their own sets. */
export const CHINESE_NUMERAL_STARTS: readonly string[] = Array.from([...CN_DIGITS.keys(), ...TEN], (c) =>
  String.fromCharCode(c),
);

export const isChineseNumeralCode = (c: number): boolean => NUMERAL.has(c);

/** Can a Chinese numeral start with this code? (`万`, `百` alone are words, not numbers.) */
export const startsChineseNumeralCode = (c: number): boolean => NUMERAL_START.has(c);

/**
 * Value of a Chinese numeral (`十九` 19, `一百二十` 120, `三千五百万` 35 000 000, `二〇二一` 2021);
 * null when the characters do not form one. The colloquial `三千五` / `一万五` means 3500 / 15000.
 */
export function parseChineseNumeral(text: string): number | null {
  const n = text.length;
  if (n === 0 || !startsChineseNumeralCode(text.charCodeAt(0))) return null;
  let hasUnit = false;
  let hasZero = false;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (!isChineseNumeralCode(c)) return null;
    if (!CN_DIGITS.has(c)) hasUnit = true;
    else if (ZERO.has(c)) hasZero = true;
  }
  if (!hasUnit) {
    // Digit by digit, as years are written (`二〇二一`). Without a zero it is a range (`三四个`,
    // three or four), not a number; `两` is never written digit by digit.
    if (n > 1 && (!hasZero || text.includes('两'))) return null;
    let v = 0;
    for (let k = 0; k < n; k++) v = v * 10 + CN_DIGITS.get(text.charCodeAt(k))!;
    return v;
  }
  let total = 0;
  let section = 0;
  let num = -1;
  let lastUnit = 0;
  let prev = -1;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    const digit = CN_DIGITS.get(c);
    const small = CN_SMALL.get(c);
    if (digit !== undefined) {
      if (CN_DIGITS.has(prev) && !ZERO.has(prev)) return null;
      num = digit;
    } else if (small !== undefined) {
      if (num < 0) {
        // `十九` = 19 and `一百一十` keep 十's implicit one; `百` with nothing before is not a numeral.
        if (small !== 10 || (prev !== -1 && !CN_BIG.has(prev) && !ZERO.has(prev))) return null;
        num = 1;
      }
      if (lastUnit !== 0 && lastUnit <= small && !CN_BIG.has(prev)) return null;
      section += num * small;
      num = -1;
      lastUnit = small;
    } else {
      const big = CN_BIG.get(c)!;
      if (num < 0 && section === 0 && !CN_BIG.has(prev)) return null;
      const part = section + Math.max(num, 0);
      if (big === 1e8) total = (total + part) * big;
      else total += part * big;
      section = 0;
      num = -1;
      lastUnit = big;
    }
    prev = c;
  }
  if (num >= 0 && n >= 2) {
    const before = text.charCodeAt(n - 2);
    if (!CN_DIGITS.has(before) && !TEN.has(before)) {
      // `三千五`: the trailing digit counts in the next unit down.
      return total + section + (num * lastUnit) / 10;
    }
  }
  return total + section + Math.max(num, 0);
}

/** Reads the longest Chinese numeral at `i` (at most 16 characters). */
export function readChinese(s: string, i: number): NumberToken | null {
  if (i >= s.length || !startsChineseNumeralCode(s.charCodeAt(i))) return null;
  let j = i;
  const limit = Math.min(s.length, i + 16);
  while (j < limit && isChineseNumeralCode(s.charCodeAt(j))) j++;
  // Back off one character at a time: `十九个` reads `十九`, `三千万元` reads `三千万`.
  while (j > i) {
    const v = parseChineseNumeral(s.slice(i, j));
    if (v !== null) return { value: v, mantissa: null, start: i, end: j };
    j--;
  }
  return null;
}

// By char code: readMagnitude runs after most numbers, and `s[j]` would allocate a string per test.
const SHI = 0x5341; // 十
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿

/** Power of ten of 百/佰 (2) and 千/仟 (3) written after a numeral; 0 for any other code. */
function hundredsExp(c: number): number {
  if (c === 0x767e || c === 0x4f70) return 2;
  return c === 0x5343 || c === 0x4edf ? 3 : 0;
}

/**
 * Reads magnitude words after an Arabic numeral: `万` (4), `亿` (8), `千` (3), `百` (2) and their
 * combinations `百万`, `千万`, `万亿`, `十万`. Returns the exponent, or null if none is written.
 */
export function readMagnitude(s: string, i: number): { exp: number; end: number } | null {
  let j = i;
  let exp = 0;
  const c = s.charCodeAt(j);
  const hundreds = hundredsExp(c);
  if (c === SHI && (s.charCodeAt(j + 1) === WAN || s.charCodeAt(j + 1) === YI)) {
    exp += 1;
    j++;
  } else if (hundreds !== 0) {
    exp += hundreds;
    j++;
  }
  if (s.charCodeAt(j) === WAN) {
    exp += 4;
    j++;
  }
  if (s.charCodeAt(j) === YI) {
    exp += 8;
    j++;
  }
  return j === i ? null : { exp, end: j };
}

/** Scales a decimal mantissa by 10^exp without binary rounding (`4.9`, 4 → 49000 exactly). */
export function scaleMantissa(mantissa: string, exp: number): number {
  if (exp === 0) return Number(mantissa);
  const exact = scaleInteger(mantissa, exp);
  if (exact !== null) return exact;
  const e = mantissa.indexOf('e');
  const v =
    e < 0
      ? Number(`${mantissa}e${exp}`)
      : Number(`${mantissa.slice(0, e)}e${Number(mantissa.slice(e + 1)) + exp}`);
  return v === 0 ? 0 : v;
}

/** Powers of ten that are exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `2926` × 10⁴ by multiplication when the mantissa is a plain integer and the product is a safe
 * integer: then it is exact, and equal to parsing `2926e4`. Null otherwise (decimals, ‰).
 */
function scaleInteger(mantissa: string, exp: number): number | null {
  if (exp < 0 || exp >= POW10.length || mantissa.length === 0 || mantissa.length > MAX_PLAIN) return null;
  let v = 0;
  for (let k = 0; k < mantissa.length; k++) {
    const d = mantissa.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  const scaled = v * POW10[exp]!;
  return scaled <= Number.MAX_SAFE_INTEGER ? scaled : null;
}

/** A finite number as a plain decimal string, never in exponent form (`1e-7` → `0.0000001`). */
export function plainNumber(n: number): string {
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const neg = s[0] === '-';
  const mant = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mant.indexOf('.');
  const digits = dot < 0 ? mant : mant.slice(0, dot) + mant.slice(dot + 1);
  const pointAt = (dot < 0 ? mant.length : dot) + exp;
  let out: string;
  if (pointAt <= 0) out = `0.${'0'.repeat(-pointAt)}${digits}`;
  else if (pointAt >= digits.length) out = digits + '0'.repeat(pointAt - digits.length);
  else out = `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
  return neg ? `-${out}` : out;
}

/**
 * Parses a whole string as one number: `2,926.000000` → 2926, `１８０` → 180, `4.9万` → 49000,
 * `十九` → 19, `-5` → -5. Null when the text is anything else (including units or words).
 */
export function parseNumber(text: string): number | null {
  const s = compact(fold(text.trim()));
  if (s.length === 0) return null;
  const arabic = readArabic(s, 0, true);
  if (arabic) {
    const mag = readMagnitude(s, arabic.end);
    const end = mag ? mag.end : arabic.end;
    if (end !== s.length) return null;
    const v = scaleMantissa(mantissaOf(arabic), mag ? mag.exp : 0);
    return Number.isFinite(v) ? v : null;
  }
  const cn = readChinese(s, 0);
  return cn && cn.end === s.length ? cn.value : null;
}
