import type { AnalysedForm } from '../analysis/analyse-form.ts';
import { extractQuantities } from '../grammar/extract.ts';
import { CharSet } from '../grammar/text.ts';
import { unitKeyOf } from '../grammar/unit.ts';
import type { Quantity, QuotedNumber, Value } from '../grammar/value.ts';
import { rowField } from './types.ts';

// Numbers stated in a form, wherever they are written, with the words around them: the raw
// material of the narrative checks (rules.md §5 narrative; issue: "numbers quoted in narrative
// cells vs indicator values with the same unit and subject").
//
// A form states ~80 numbers but only a few are ever compared closely and fewer reported, so a fact
// keeps offsets into its cell rather than strings: the words around it (`said`), its bigram sets
// and its field path are derived on first use.

export type Side = 'target' | 'actual';

/** A sorted, duplicate-free list of character bigram codes. */
export type Grams = readonly number[];

export type Fact = {
  amount: number;
  /** unit identity: dimension + normalised symbol; facts compare only within one unit. */
  unitKey: string;
  side: Side;
  /** the indicator row whose cell holds the number; null in the goal cells. */
  row: number | null;
  structured: boolean;
  /** the number is a part listed after 其中 (a breakdown), not a fact of its own. */
  part: boolean;
  /** the only number of its unit in its cell (breakdown parts aside). */
  lonely: boolean;
  /** the cell text: the prose (quoted) or the trimmed cell (structured). */
  text: string;
  /** the number as written: text[start, end). */
  start: number;
  end: number;
  /**
   * the words right around the number: text[nearStart, start) and text[end, nearEnd); -1 until
   * first needed (see nearWindow): most quoted numbers are never compared by subject.
   */
  nearStart: number;
  nearEnd: number;
  /** a wider window (±10 characters within the clause), for quoted-vs-quoted matching; -1 until first needed. */
  wideStart: number;
  wideEnd: number;
  /** the name of the row whose cell holds the number ('' in the goal cells). */
  rowName: string;
  /** bigram sets, computed on first use (see subjectGrams, wideGrams, rowNameGrams). */
  subjectGrams: Grams | null;
  wideGrams: Grams | null;
  rowNameGrams: Grams | null;
};

/** The cell the fact sits in: `indicators[3].actual`, `goals.expected`. */
export function fieldOf(f: Fact): string {
  if (f.row !== null) return rowField(f.row, f.side);
  return f.side === 'target' ? 'goals.expected' : 'goals.actual';
}

export const sameCell = (a: Fact, b: Fact): boolean => a.row === b.row && a.side === b.side;

/** As written, for messages (`4.9万人次`). */
export const writtenOf = (f: Fact): string => f.text.slice(f.start, f.end);

/**
 * The number with its clause, for messages (`其中为中关村论坛邀请到61位重磅嘉宾发表演讲`): a reader
 * checks the finding against the form, so the quote must not cut a word the way the ±6-character
 * matching window does (`村论坛邀请到61位重磅嘉宾发表`). A clause longer than QUOTE characters on a
 * side is cut there, at a list item (`、`) or space when there is one, and marked with `…`. A
 * structured fact quotes its whole cell.
 */
export function saidOf(f: Fact): string {
  if (f.structured) return f.text;
  const t = f.text;
  let b = windowStart(t, f.start, QUOTE, CLAUSE_END);
  let e = windowEnd(t, f.end, QUOTE, CLAUSE_END);
  const open = b > 0 && (STOPS[t.charCodeAt(b - 1)]! & CLAUSE_END) === 0;
  const close = e < t.length && (STOPS[t.charCodeAt(e)]! & CLAUSE_END) === 0;
  if (open) {
    const item = firstItemBreak(t, b, f.start);
    if (item >= 0) b = item + 1;
  }
  if (close) {
    const item = lastItemBreak(t, f.end, e);
    if (item >= 0) e = item;
  }
  return `${open ? '…' : ''}${t.slice(b, e).trim()}${close ? '…' : ''}`;
}

/** `、` or a space: where a list item or a name ends, so a quote cut there shows whole names. */
const isItemBreak = (c: number): boolean => c === 0x3001 || c === 0x20 || c === 0x3000;

function firstItemBreak(t: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isItemBreak(t.charCodeAt(i))) return i;
  return -1;
}

function lastItemBreak(t: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (isItemBreak(t.charCodeAt(i))) return i;
  return -1;
}

// One byte per UTF-16 code, so the window scans need no hash lookup per character.
const PUNCT = 1;
/** Clause ends for the wide window: an enumeration comma (、) stays inside the noun phrase. */
const CLAUSE_END = 2;
const STOPS = new Uint8Array(0x10000);
for (const c of '，。；;：:、,.!！?？（）()“”"《》\n\r\t ') STOPS[c.charCodeAt(0)]! |= PUNCT;
for (const c of '，。；;：:,!！?？\n\r') STOPS[c.charCodeAt(0)]! |= CLAUSE_END;
const NEAR = 6;
const WIDE = 10;
const QUOTE = 16;
/** Words looked for at a position, with the characters they start or end with. */
type Words = { words: readonly string[]; first: CharSet; last: CharSet };
const wordList = (words: readonly string[]): Words => ({
  words,
  first: new CharSet(words.map((w) => w[0]!)),
  last: new CharSet(words.map((w) => w[w.length - 1]!)),
});
// Words after / before a quoted number that make it approximate (rules.md §5: not compared).
const APPROXIMATE_AFTER = wordList(['余', '多', '以上', '以下', '左右', '上下']);
const APPROXIMATE_BEFORE = wordList([
  '约',
  '近',
  '超过',
  '逾',
  '不少于',
  '不低于',
  '至少',
  '将近',
  '大约',
  '以上',
]);
/** 达/达到 before a number in an actual states what was reached: a measurement, not a bound. */
const REACHED = wordList(['达', '达到']);
/** The approximate and reached words are looked for in the 4 characters before the number. */
const LEAD = 4;

const isWordCode = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Character bigrams of the CJK and Latin letters in `text` (other characters are skipped, so
 * `海外、项目` still yields 外项); `|` separates parts that must not be joined. A sorted array of
 * numbers, so comparing two facts is an allocation-free merge.
 */
export function bigrams(text: string): Grams {
  const out: number[] = [];
  addBigrams(out, text, 0, text.length, -1);
  return out;
}

/**
 * Adds the bigrams of text[from, to) to the sorted set `out`, continuing from the letter `prev`
 * (-1: none); returns the last letter, so that two ranges can be read as one text without
 * slicing and joining them.
 */
function addBigrams(out: number[], text: string, from: number, to: number, prev: number): number {
  let p = prev;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c) {
      p = -1;
      continue;
    }
    if (!isWordCode(c)) continue;
    // Letters are packed into 15 bits (Latin below 0x40, CJK above) so that a bigram code stays a
    // small integer: V8 then keeps them unboxed, in arrays and as hash keys (sharedPairs).
    const k = c >= 0x4e00 ? c - 0x4e00 + 0x40 : c - 0x41;
    if (p >= 0) insertSorted(out, p * 0x8000 + k);
    p = k;
  }
  return p;
}

/** Insertion into a short sorted array, skipping duplicates (contexts hold ~20 bigrams). */
function insertSorted(out: number[], code: number): void {
  let i = out.length;
  while (i > 0 && out[i - 1]! > code) i--;
  if (i > 0 && out[i - 1] === code) return;
  // Shift by hand: splice() on a small array costs more than the whole scan.
  out.push(code);
  for (let k = out.length - 1; k > i; k--) out[k] = out[k - 1]!;
  out[i] = code;
}

/** How many bigrams two sorted sets share. */
export function overlap(a: Grams, b: Grams): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Bigrams of the words right around a quoted number, read as one phrase; the row name for a structured fact. */
export function subjectGrams(f: Fact): Grams {
  if (f.subjectGrams === null) {
    if (f.structured) f.subjectGrams = bigrams(f.rowName);
    else {
      nearWindow(f);
      const out: number[] = [];
      addBigrams(out, f.text, f.end, f.nearEnd, addBigrams(out, f.text, f.nearStart, f.start, -1));
      f.subjectGrams = out;
    }
  }
  return f.subjectGrams;
}

/** Bigrams of the wide window, the two sides kept apart; the row name for a structured fact. */
export function wideGrams(f: Fact): Grams {
  if (f.wideGrams === null) {
    if (f.structured) f.wideGrams = bigrams(f.rowName);
    else {
      wideWindow(f);
      const out: number[] = [];
      addBigrams(out, f.text, f.wideStart, f.start, -1);
      addBigrams(out, f.text, f.end, f.wideEnd, -1);
      f.wideGrams = out;
    }
  }
  return f.wideGrams;
}

export function rowNameGrams(f: Fact): Grams {
  f.rowNameGrams ??= bigrams(f.rowName);
  return f.rowNameGrams;
}

export const unitKey = (q: Quantity): string => unitKeyOf(q.unit);

/** Sets the near window of a quoted fact, if not yet set (structured facts have theirs from the start). */
function nearWindow(f: Fact): void {
  if (f.nearStart >= 0) return;
  f.nearStart = windowStart(f.text, f.start, NEAR, PUNCT);
  f.nearEnd = windowEnd(f.text, f.end, NEAR, PUNCT);
}

/** Sets the wide window of a quoted fact, if not yet set. */
function wideWindow(f: Fact): void {
  if (f.wideStart >= 0) return;
  f.wideStart = windowStart(f.text, f.start, WIDE, CLAUSE_END);
  f.wideEnd = windowEnd(f.text, f.end, WIDE, CLAUSE_END);
}

/** Start of the clause-bounded words just before `start` (at most `width` characters). */
function windowStart(text: string, start: number, width: number, stop: number): number {
  let b = start;
  while (b > 0 && start - b < width && (STOPS[text.charCodeAt(b - 1)]! & stop) === 0) b--;
  return b;
}

/** End of the clause-bounded words just after `end` (at most `width` characters). */
function windowEnd(text: string, end: number, width: number, stop: number): number {
  let e = end;
  while (e < text.length && e - end < width && (STOPS[text.charCodeAt(e)]! & stop) === 0) e++;
  return e;
}

/** Where the quoted quantity ends: after its unit as written (grammar gives the start offset). */
export function quotedEnd(text: string, offset: number, q: Quantity): number {
  if (!q.unitText) {
    let i = offset;
    while (i < text.length && /[\d０-９.,万亿千百十零一二两三四五六七八九]/.test(text[i]!)) i++;
    return i;
  }
  const at = text.indexOf(q.unitText, offset);
  return at >= 0 && at - offset <= 24 ? at + q.unitText.length : offset + 1;
}

/** One of the words ends at `at`, within the `LEAD` characters before it. */
function wordBefore(text: string, at: number, { words, last }: Words): boolean {
  if (!last.has(text.charCodeAt(at - 1))) return false;
  for (const w of words) if (w.length <= Math.min(at, LEAD) && text.startsWith(w, at - w.length)) return true;
  return false;
}

/** One of the words starts at `at`. */
function wordAt(text: string, at: number, { words, first }: Words): boolean {
  if (!first.has(text.charCodeAt(at))) return false;
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

/** Offsets of the numbers that are parts of a breakdown: after 其中, up to the sentence end. */
function partRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = text.indexOf('其中');
  while (from >= 0) {
    const rest = text.slice(from);
    const stop = rest.search(/[。；;\n]/);
    const end = stop < 0 ? text.length : from + stop;
    out.push([from, end]);
    from = text.indexOf('其中', end);
  }
  return out;
}

const inPart = (parts: ReadonlyArray<[number, number]>, offset: number): boolean => {
  for (const [s, e] of parts) if (offset > s && offset < e) return true;
  return false;
};

type Cell = { side: Side; row: number | null; rowName: string };
const GOALS_EXPECTED: Cell = { side: 'target', row: null, rowName: '' };
const GOALS_ACTUAL: Cell = { side: 'actual', row: null, rowName: '' };

function quotedFacts(text: string, numbers: readonly QuotedNumber[], cell: Cell, into: Fact[]): void {
  if (numbers.length === 0) return;
  const parts = text.includes('其中') ? partRanges(text) : [];
  for (const { quantity, offset } of numbers) {
    if (quantity.comparator !== null && !(quantity.comparator === '>=' && wordBefore(text, offset, REACHED)))
      continue;
    const end = quotedEnd(text, offset, quantity);
    if (wordAt(text, end, APPROXIMATE_AFTER) || wordBefore(text, offset, APPROXIMATE_BEFORE)) continue;
    into.push({
      amount: quantity.amount,
      unitKey: unitKey(quantity),
      side: cell.side,
      row: cell.row,
      structured: false,
      part: inPart(parts, offset),
      lonely: false,
      text,
      start: offset,
      end,
      // Computed on first use (nearWindow, wideWindow).
      nearStart: -1,
      nearEnd: -1,
      wideStart: -1,
      wideEnd: -1,
      rowName: cell.rowName,
      subjectGrams: null,
      wideGrams: null,
      rowNameGrams: null,
    });
  }
}

function cellFacts(v: Value, text: string, cell: Cell, into: Fact[]): void {
  if (v.kind === 'quantity') {
    const written = text.trim();
    into.push({
      amount: v.amount,
      unitKey: unitKey(v),
      side: cell.side,
      row: cell.row,
      structured: true,
      part: false,
      lonely: true,
      text: written,
      start: 0,
      end: written.length,
      nearStart: 0,
      nearEnd: written.length,
      wideStart: 0,
      wideEnd: written.length,
      rowName: cell.rowName,
      subjectGrams: null,
      wideGrams: null,
      rowNameGrams: null,
    });
  } else if (v.kind === 'narrative') quotedFacts(v.text, v.numbers, cell, into);
  else if (v.kind === 'unparsed') quotedFacts(text, extractQuantities(text), cell, into);
}

/** Above this many facts in one cell, counting units pairwise would be quadratic. */
const FEW = 16;

/** Marks the facts of the cell just collected, facts[from…], that are the only one of their unit there. */
function markLonely(facts: Fact[], from: number): void {
  const to = facts.length;
  if (to - from > FEW) {
    const counts = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const f = facts[i]!;
      if (!f.part) counts.set(f.unitKey, (counts.get(f.unitKey) ?? 0) + 1);
    }
    for (let i = from; i < to; i++) facts[i]!.lonely = counts.get(facts[i]!.unitKey) === 1;
    return;
  }
  for (let i = from; i < to; i++) {
    const f = facts[i]!;
    let same = 0;
    for (let j = from; j < to; j++) {
      const g = facts[j]!;
      if (!g.part && g.unitKey === f.unitKey) same++;
    }
    f.lonely = same === 1;
  }
}

/** Every number stated in the form: goal cells first, then each row's target and actual. */
export function collectFacts(analysed: AnalysedForm): Fact[] {
  const { form } = analysed;
  const facts: Fact[] = [];
  quotedFacts(form.goals.expected, analysed.goals.expected, GOALS_EXPECTED, facts);
  markLonely(facts, 0);
  let from = facts.length;
  quotedFacts(form.goals.actual, analysed.goals.actual, GOALS_ACTUAL, facts);
  markLonely(facts, from);
  for (const row of analysed.rows) {
    const { indicator: ind, index } = row;
    from = facts.length;
    cellFacts(row.target, ind.target, { side: 'target', row: index, rowName: ind.name }, facts);
    markLonely(facts, from);
    from = facts.length;
    cellFacts(row.actual, ind.actual, { side: 'actual', row: index, rowName: ind.name }, facts);
    markLonely(facts, from);
  }
  return facts;
}
