import { combine, matchPrefix, matchSuffix, startsPrefixCode } from './comparator.ts';
import {
  mantissaOf,
  type NumberToken,
  readArabic,
  readChinese,
  scaleMantissa,
  startsChineseNumeralCode,
} from './number.ts';
import { CharSet, firstChars, isCjkCode, isDigitCode } from './text.ts';
import { MONEY, RATIO, readUnitPhrase } from './unit.ts';
import type { Comparator, Quantity, Unit } from './value.ts';

// One quantity: `[comparator][¥]number[余][magnitude][unit][以上|以内|左右]`, rules.md §3.
// Reads from a position and reports where it stopped, so the same reader serves whole cells,
// schedule milestones (`…前支出94.87%`) and numbers quoted in prose.

export type QuantityOptions = {
  /** read a comparator word before the number (off for prose, where the caller looks back). */
  prefixes: boolean;
  /** skip words that do not change the value before it: `共`, `约`, `完成`, `累计` (whole cells only). */
  hedges: boolean;
  /** skip a short noun after the unit: `20家企业` is 20 家 (whole cells and milestones). */
  nouns: boolean;
  /** read Chinese numerals (`十九个`); off in milestone actions, where `一期工程` is a name. */
  chinese: boolean;
};

export type QuantityRead =
  | { kind: 'quantity'; quantity: Quantity; numberStart: number; end: number }
  | { kind: 'placeholder'; end: number }
  | { kind: 'error'; reason: string; end: number };

// Sorted longest first so `共计` is not read as `共` + `计`.
const HEDGES = ['大约', '共计', '合计', '累计', '总计', '预计', '全年', '完成', '实现', '约', '共', '计'];

const HEDGE_FIRST = firstChars(HEDGES);

function matchHedge(s: string, i: number): number {
  // Most positions start no hedge: one set lookup instead of a dozen startsWith calls.
  if (!HEDGE_FIRST.has(s.charCodeAt(i))) return i;
  for (const h of HEDGES) if (s.startsWith(h, i)) return i + h.length;
  return i;
}

// rules.md §3 last row: `**`, `*`, `_`, `XX` in place of a number mean it was never filled in.
// Char-code sets: testing `s[k]` would allocate a one-character string per test.
const NUMBER_MARKS = new CharSet('*_?xX×＊');

// Prose after a unit is skipped only up to here, and never across a negation (`100%未完成`).
const MAX_NOUN = 6;
const NEGATIONS = new CharSet('未不没无非');
const RANGE_MARKS = new CharSet('-~—–至到');

const MINUS = 0x2d;
const YEN = 0xa5;
const FULL_YEN = 0xffe5;
const BAI = 0x767e; // 百, of 百分之
const ZUO = 0x5de6; // 左, of 左右
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多

/** `余` or `多` after a number (`50余个`): "at least". */
const isHedgeAfter = (c: number): boolean => c === YU || c === DUO;

/**
 * False when `readQuantity(s, i, opts)` returns null, judged by the character at `i` alone: a
 * number, a sign, `¥`, `百分之`, a hedge or comparator word or a placeholder mark must start
 * there. Lets a caller that tries many positions skip most of them.
 */
export function mayStartQuantity(c: number, opts: QuantityOptions): boolean {
  return (
    isDigitCode(c) ||
    NUMBER_MARKS.has(c) ||
    c === MINUS ||
    c === YEN ||
    c === FULL_YEN ||
    c === BAI ||
    (opts.hedges && HEDGE_FIRST.has(c)) ||
    (opts.prefixes && startsPrefixCode(c)) ||
    (opts.chinese && startsChineseNumeralCode(c))
  );
}

/** Reads a quantity at `i`; null when no number (or placeholder) is written there. */
export function readQuantity(s: string, i: number, opts: QuantityOptions): QuantityRead | null {
  let j = i;
  let prefix: Comparator | null = null;
  for (let k = 0; k < 3; k++) {
    const h = opts.hedges ? matchHedge(s, j) : j;
    if (h > j) {
      j = h;
      continue;
    }
    if (opts.prefixes && prefix === null) {
      const p = matchPrefix(s, j);
      if (p) {
        prefix = p.comparator;
        j = p.end;
        continue;
      }
    }
    break;
  }
  let money = false;
  const first = s.charCodeAt(j);
  if (first === YEN || first === FULL_YEN) {
    money = true;
    j++;
  }
  const numberStart = j;
  let percentWord = false;
  let tok: NumberToken | null;
  if (s.charCodeAt(j) === BAI && s.startsWith('百分之', j)) {
    // `百分之九十` is 90%; its unit text is written `%` so the notation reads back the same.
    tok = readArabic(s, j + 3) ?? (opts.chinese ? readChinese(s, j + 3) : null);
    // `百分之百`: a lone 百 is not a numeral anywhere else.
    if (!tok && opts.chinese && s.charCodeAt(j + 3) === BAI)
      tok = { value: 100, mantissa: null, start: j + 3, end: j + 4 };
    percentWord = tok !== null;
  } else {
    tok = readArabic(s, j, true) ?? (opts.chinese ? readChinese(s, j) : null);
  }
  if (!tok) return readPlaceholder(s, j);
  j = tok.end;
  let hedge = false;
  if (isHedgeAfter(s.charCodeAt(j))) {
    hedge = true;
    j++;
  }
  let unit: Unit | null = RATIO;
  let unitText = '%';
  let exp = 0;
  if (!percentWord) {
    const up = readUnitPhrase(s, j);
    unit = up.unit;
    unitText = up.text;
    exp = up.exp;
    j = up.end;
    if (up.hedge) hedge = true;
    if (!hedge && isHedgeAfter(s.charCodeAt(j))) {
      hedge = true;
      j++;
    }
    if (money && unit === null) {
      unit = MONEY;
      unitText = `${unitText}元`;
    }
  }
  if (RANGE_MARKS.has(s.charCodeAt(j)) && isDigitCode(s.charCodeAt(j + 1))) {
    return { kind: 'error', reason: `不支持数值范围：${s.slice(i, Math.min(s.length, j + 12))}`, end: j };
  }
  let suffix: Comparator | null = null;
  const sm = matchSuffix(s, j);
  if (sm) {
    suffix = sm.comparator;
    j = sm.end;
  } else if (s.charCodeAt(j) === ZUO && s.startsWith('左右', j)) {
    j += 2;
  } else if (opts.nouns && unit !== null) {
    j = skipNoun(s, j);
    const after = matchSuffix(s, j);
    if (after && after.word !== '内') {
      suffix = after.comparator;
      j = after.end;
    }
  }
  const comparator = combine(prefix, suffix);
  if (comparator === 'conflict') {
    return { kind: 'error', reason: `比较符前后矛盾：${s.slice(i, j)}`, end: j };
  }
  // With no magnitude the token's value is already the amount: no need to parse the mantissa again.
  const amount = exp === 0 ? tok.value : scaleMantissa(mantissaOf(tok), exp);
  if (!Number.isFinite(amount) || !Number.isFinite(tok.value)) {
    return { kind: 'error', reason: `数值超出范围：${s.slice(i, Math.min(j, i + 30))}`, end: j };
  }
  const quantity: Quantity = {
    kind: 'quantity',
    // `50余个` / `50多个` is "at least 50"; an explicit comparator word takes precedence.
    comparator: comparator ?? (hedge ? '>=' : null),
    amount,
    unit,
    unitText,
    writtenAmount: tok.value === 0 ? 0 : tok.value,
  };
  return { kind: 'quantity', quantity, numberStart, end: j };
}

/** Skips a short noun after the unit (`家企业`), stopping at a suffix comparator or negation. */
function skipNoun(s: string, j: number): number {
  let k = j;
  while (k < s.length && k - j < MAX_NOUN) {
    const c = s.charCodeAt(k);
    if (!isCjkCode(c) || NEGATIONS.has(c)) break;
    const sm = matchSuffix(s, k);
    if (sm && sm.word !== '内') break;
    if (s.startsWith('左右', k)) break;
    k++;
  }
  return k;
}

/** `**`, `≥**%`, `XX万元`: marks where the number belongs. */
function readPlaceholder(s: string, j: number): QuantityRead | null {
  let k = j;
  while (k < s.length && NUMBER_MARKS.has(s.charCodeAt(k))) k++;
  if (k === j) return null;
  // `x` alone could be a Latin word; it is a mark only when nothing Latin follows.
  const next = s.charCodeAt(k);
  if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) return null;
  const up = readUnitPhrase(s, k);
  k = up.end;
  const sm = matchSuffix(s, k);
  if (sm) k = sm.end;
  return { kind: 'placeholder', end: k };
}
