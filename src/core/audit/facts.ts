import type { AnalysedForm } from '../analysis/analyse-form.ts';
import { extractQuantities } from '../grammar/extract.ts';
import type { Quantity, QuotedNumber, Value } from '../grammar/value.ts';

// Numbers stated in a form, wherever they are written, with the words around them: the raw
// material of the narrative checks (rules.md §5 narrative; issue: "numbers quoted in narrative
// cells vs indicator values with the same unit and subject").

export type Side = 'target' | 'actual';

/** A sorted, duplicate-free list of character bigram codes. */
export type Grams = readonly number[];

export type Fact = {
  amount: number;
  /** unit identity: dimension + normalised symbol; facts compare only within one unit. */
  unitKey: string;
  /** as written, for messages (`4.9万人次`). */
  written: string;
  /** the number with the words around it, for messages (`邀请到61位重磅嘉宾`). */
  said: string;
  side: Side;
  /** the cell it sits in: `indicators[3].actual`, `goals.expected`. */
  field: string;
  row: number | null;
  /** the words right around the number (quoted) or the indicator name (structured). */
  subjectText: string;
  /** a wider window (±10 characters within the clause), for quoted-vs-quoted matching. */
  wideText: string;
  /** the name of the row whose cell holds the number. */
  rowNameText: string;
  /** the only number of its unit in its cell (breakdown parts aside). Set by the narrative check. */
  lonely?: boolean;
  /** bigram sets, computed on first use: most facts are never compared. */
  grams?: { subject?: Grams; wide?: Grams; rowName?: Grams };
  structured: boolean;
  /** the number is a part listed after 其中 (a breakdown), not a fact of its own. */
  part: boolean;
};

const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const PUNCT = codes('，。；;：:、,.!！?？（）()“”"《》\n\r\t ');
/** Clause ends for the wide window: an enumeration comma (、) stays inside the noun phrase. */
const CLAUSE_END = codes('，。；;：:,!！?？\n\r');
const NEAR = 6;
const WIDE = 10;
// Sticky: tested at the end of a quoted number without slicing the rest of the cell.
const APPROXIMATE_AFTER = /余|多|以上|以下|左右|上下/y;
const APPROXIMATE_BEFORE = /(约|近|超过|逾|不少于|不低于|至少|将近|大约|以上)$/;
/** 达/达到 before a number in an actual states what was reached: a measurement, not a bound. */
const REACHED = /(达|达到)$/;

const isWordCode = (c: number): boolean =>
  (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * Character bigrams of the CJK and Latin letters in `text` (other characters are skipped, so
 * `海外、项目` still yields 外项); `|` separates parts that must not be joined. A sorted array of
 * numbers, so comparing two facts is an allocation-free merge.
 */
export function bigrams(text: string): Grams {
  const out: number[] = [];
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7c) {
      prev = -1;
      continue;
    }
    if (!isWordCode(c)) continue;
    // Letters are packed into 15 bits (Latin below 0x40, CJK above) so that a bigram code stays a
    // small integer: V8 then keeps them unboxed, in arrays and as Map keys (sharedPairs).
    const k = c >= 0x4e00 ? c - 0x4e00 + 0x40 : c - 0x41;
    if (prev >= 0) insertSorted(out, prev * 0x8000 + k);
    prev = k;
  }
  return out;
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

/** A fact's bigram set of one kind, computed once. */
export function gramsOf(f: Fact, kind: 'subject' | 'wide' | 'rowName'): Grams {
  f.grams ??= {};
  const text = kind === 'subject' ? f.subjectText : kind === 'wide' ? f.wideText : f.rowNameText;
  let g = f.grams[kind];
  if (!g) {
    g = bigrams(text);
    f.grams[kind] = g;
  }
  return g;
}

export const unitKey = (q: Quantity): string => (q.unit ? `${q.unit.dimension}:${q.unit.symbol}` : 'none');

/** The clause-bounded words just before and just after [start, end). */
export function around(
  text: string,
  start: number,
  end: number,
  width = NEAR,
  stop: ReadonlySet<number> = PUNCT,
): { before: string; after: string } {
  let b = start;
  while (b > 0 && start - b < width && !stop.has(text.charCodeAt(b - 1))) b--;
  let e = end;
  while (e < text.length && e - end < width && !stop.has(text.charCodeAt(e))) e++;
  return { before: text.slice(b, start), after: text.slice(end, e) };
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

function quotedFacts(
  text: string,
  numbers: readonly QuotedNumber[],
  side: Side,
  field: string,
  row: number | null,
  rowName: string,
): Fact[] {
  if (numbers.length === 0) return [];
  const parts = partRanges(text);
  const facts: Fact[] = [];
  for (const { quantity, offset } of numbers) {
    const lead = text.slice(Math.max(0, offset - 4), offset);
    if (quantity.comparator !== null && !(quantity.comparator === '>=' && REACHED.test(lead))) continue;
    const end = quotedEnd(text, offset, quantity);
    APPROXIMATE_AFTER.lastIndex = end;
    if (APPROXIMATE_AFTER.test(text) || APPROXIMATE_BEFORE.test(lead)) continue;
    const { before, after } = around(text, offset, end);
    const wide = around(text, offset, end, WIDE, CLAUSE_END);
    facts.push({
      amount: quantity.amount,
      unitKey: unitKey(quantity),
      written: text.slice(offset, end),
      said: `${before}${text.slice(offset, end)}${after}`,
      side,
      field,
      row,
      subjectText: before + after,
      wideText: `${wide.before}|${wide.after}`,
      rowNameText: rowName,
      structured: false,
      part: parts.some(([s, e]) => offset > s && offset < e),
    });
  }
  return facts;
}

function cellFacts(
  v: Value,
  text: string,
  side: Side,
  field: string,
  row: number | null,
  name: string,
): Fact[] {
  if (v.kind === 'quantity') {
    return [
      {
        amount: v.amount,
        unitKey: unitKey(v),
        written: text.trim(),
        said: text.trim(),
        side,
        field,
        row,
        subjectText: name,
        wideText: name,
        rowNameText: name,
        structured: true,
        part: false,
      },
    ];
  }
  if (v.kind === 'narrative') return quotedFacts(v.text, v.numbers, side, field, row, name);
  if (v.kind === 'unparsed') return quotedFacts(text, extractQuantities(text), side, field, row, name);
  return [];
}

export function collectFacts(analysed: AnalysedForm): Fact[] {
  const { form } = analysed;
  const facts: Fact[] = [
    ...quotedFacts(form.goals.expected, analysed.goals.expected, 'target', 'goals.expected', null, ''),
    ...quotedFacts(form.goals.actual, analysed.goals.actual, 'actual', 'goals.actual', null, ''),
  ];
  for (const row of analysed.rows) {
    const { indicator: ind, index } = row;
    facts.push(
      ...cellFacts(row.target, ind.target, 'target', `indicators[${index}].target`, index, ind.name),
    );
    facts.push(
      ...cellFacts(row.actual, ind.actual, 'actual', `indicators[${index}].actual`, index, ind.name),
    );
  }
  return facts;
}
