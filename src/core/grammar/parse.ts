import { extractFolded } from './extract.ts';
import { mayStartQuantity, readQuantity } from './quantity.ts';
import { readDated } from './schedule.ts';
import { CharSet, clip, compact, foldCell, isCjkCode, stripTrailingPunct } from './text.ts';
import { readTier } from './tier.ts';
import type { ParseContext, Quantity, Value } from './value.ts';

// The value grammar's entry point, rules.md §3: one target or actual cell → its typed meaning.
// Order matters: blank → 不适用 → placeholder → deadline/schedule → quantity → tier or labelled
// quantity → prose.
// Dates go before quantities because `2021年` would otherwise read as 2021 years.

// rules.md §1.6: only an explicit mark leaves a row out.
const NOT_APPLICABLE = new Set([
  '不适用',
  '不涉及',
  '无此项',
  '本项不适用',
  '此项不适用',
  '该项不适用',
  'N/A',
  'NA',
]);
const MAX_NA_LENGTH = 5;
// Short values (`185篇`, `≥90%`) are many: ruling them out by the first character saves
// upper-casing a copy of each to look it up.
const NA_FIRST = new CharSet([...NOT_APPLICABLE].flatMap((w) => [w[0]!, w[0]!.toLowerCase()]));

// rules.md §3 last row; after folding, full-width `＊`, `－`, `／` arrive as ASCII.
const PLACEHOLDER_MARKS = new CharSet('*_-—–/\\…·.?~xX×＿');

/** Cells longer than this are prose: no value or schedule is written in 300 characters. */
const MAX_STRUCTURED = 300;

// A short cell with digits is prose only if it has this many ideographs (`受众人数6900人次`);
// otherwise it was meant as a value and is reported as unreadable.
const MIN_PROSE_CJK = 4;

const SHORT_CELL = 20;

const QUANTITY_CELL = { prefixes: true, hedges: true, nouns: true, chinese: true } as const;
const LABELLED_QUANTITY = { prefixes: true, hedges: true, nouns: false, chinese: false } as const;
const MAX_LABEL = 10;

/** Parses one target or actual cell. Never throws: anything unexpected is `unparsed` with a reason. */
export function parseValue(text: string, ctx: ParseContext = {}): Value {
  if (typeof text !== 'string') return { kind: 'unparsed', text: String(text), reason: '单元格内容不是文本' };
  try {
    return classify(text, ctx ?? {});
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { kind: 'unparsed', text, reason: `解析出错：${clip(message, 60)}` };
  }
}

function classify(text: string, ctx: ParseContext): Value {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  const cell = foldCell(trimmed);
  const folded = cell.text;
  let reason: string | null = null;
  if (folded.length <= MAX_STRUCTURED) {
    const s = stripTrailingPunct(cell.hasSpace ? compact(folded) : folded);
    if (s.length <= MAX_NA_LENGTH && NA_FIRST.has(s.charCodeAt(0)) && NOT_APPLICABLE.has(s.toUpperCase()))
      return { kind: 'not-applicable' };
    if (isAllMarks(s)) return { kind: 'placeholder', text: trimmed };
    if (s === '无') {
      // `无` may mean zero (无安全事故) or "nothing filled in"; guessing either would score wrongly.
      return { kind: 'unparsed', text: trimmed, reason: '“无”含义不明：可能表示 0，也可能是未填写' };
    }
    const dated = readDated(s, ctx.year);
    if (dated) {
      if (dated.ok) return dated.value;
      return { kind: 'unparsed', text: trimmed, reason: dated.reason };
    }
    const q = readQuantity(s, 0, QUANTITY_CELL);
    if (q) {
      const whole = q.end === s.length || isTrailingNote(s, q.end);
      if (q.kind === 'error') reason = q.reason;
      else if (whole && q.kind === 'quantity') return q.quantity;
      else if (whole) return { kind: 'placeholder', text: trimmed };
    }
    // `s` has the digits of `folded`: compacting and trailing punctuation remove none.
    if (cell.digits === 0) {
      const tier = readTier(s);
      if (tier) return tier;
    } else if (reason === null) {
      const labelled = readLabelledQuantity(s);
      if (labelled) return labelled;
    }
  }
  // A short cell that starts as a quantity but breaks (a range, contradictory comparators) was
  // meant as a value: report why, rather than pass it off as prose.
  if (reason !== null && folded.length < SHORT_CELL) return { kind: 'unparsed', text: trimmed, reason };
  const { cjk, digits } = cell;
  if (folded.length > MAX_STRUCTURED || (cjk >= 2 && (digits === 0 || cjk >= MIN_PROSE_CJK))) {
    if (cjk >= 2) return { kind: 'narrative', text: trimmed, numbers: extractFolded(folded, trimmed) };
  }
  return { kind: 'unparsed', text: trimmed, reason: reason ?? `无法识别的数值：${clip(trimmed)}` };
}

/**
 * `满意度≥90%`, `完成率100%`, `受众人数6900人次`: a short label, then a quantity that ends the
 * cell. The label names the indicator, which the row already does, so it is dropped. Nouns after
 * the unit are not skipped here, or `吸引20家企业入驻` would pass for a value.
 */
function readLabelledQuantity(s: string): Quantity | null {
  const limit = Math.min(s.length, MAX_LABEL + 1);
  for (let k = 1; k < limit; k++) {
    if (!isCjkCode(s.charCodeAt(k - 1))) return null;
    if (!mayStartQuantity(s.charCodeAt(k), LABELLED_QUANTITY)) continue;
    const q = readQuantity(s, k, LABELLED_QUANTITY);
    if (q?.kind === 'quantity' && (q.end === s.length || isTrailingNote(s, q.end))) return q.quantity;
  }
  return null;
}

function isAllMarks(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!PLACEHOLDER_MARKS.has(s.charCodeAt(i))) return false;
  return s.length > 0;
}

/** `≥90%(满意度调查)`: a parenthetical note after a value does not change it. */
function isTrailingNote(s: string, end: number): boolean {
  return (s[end] === '(' && s.endsWith(')')) || (s[end] === '（' && s.endsWith('）'));
}
