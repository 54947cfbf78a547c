import { parseComparator } from './comparator.ts';
import { extractQuantities } from './extract.ts';
import { parseValue } from './parse.ts';
import type { Comparator, ParseContext, Value } from './value.ts';

// A target printed over separate columns (四川/云南: 指标性质 | 指标值 | 度量单位; Form JSON v1.1
// `targetParts`). The columns are what the template printed, so they decide: the comparator comes
// from 指标性质, the unit from 度量单位 (rules.md §2 sichuan "explicit comparator and unit columns",
// §3 value notation). The printed concatenation (`target`) is the fallback when the parts say nothing
// readable.

/** The three columns as printed; structurally Form JSON's `TargetParts`. */
export type PrintedParts = { nature: string; value: string; unit: string };

/** 指标性质 words that name a direction rather than a sign (正向指标 = higher is better). */
const DIRECTION_WORDS: ReadonlyArray<[RegExp, Comparator]> = [
  [/^正向(指标)?$/, '>='],
  [/^反向(指标)?$/, '<='],
];

/** `定性` (qualitative) in the 指标性质 column. */
export const isQualitativeNature = (nature: string): boolean => nature.trim().startsWith('定性');

/** The comparator a 指标性质 cell names (`≥`, `不低于`, `正向`), or null (`定量`, blank). */
export function natureComparator(nature: string): Comparator | null {
  const t = nature.trim();
  if (t === '') return null;
  const c = parseComparator(t);
  if (c !== null) return c;
  for (const [re, comparator] of DIRECTION_WORDS) if (re.test(t)) return comparator;
  return null;
}

/**
 * The target's meaning, read from its printed columns when there are any (rules.md §2 sichuan, §3).
 * - `定性`: a qualitative target — a tier word or prose, never a number to score against.
 * - a comparator: the value and unit columns are read as one quantity and the comparator is the
 *   one printed in 指标性质, even when the value cell repeats another sign.
 * - anything the parts cannot express falls back to parsing the printed `target`.
 */
export function parseTarget(target: string, parts: PrintedParts | undefined, ctx: ParseContext = {}): Value {
  if (parts === undefined) return parseValue(target, ctx);
  const value = parts.value.trim();
  const unit = parts.unit.trim();
  if (isQualitativeNature(parts.nature)) {
    const text = value || stripNature(target, parts.nature);
    const v = parseValue(text, ctx);
    if (v.kind === 'tier' || v.kind === 'narrative' || v.kind === 'blank' || v.kind === 'not-applicable')
      return v;
    // `好`, `-`, `100%`: under 定性 the cell is a description, not a number or a missing target.
    return { kind: 'narrative', text, numbers: extractQuantities(text) };
  }
  if (value === '') return parseValue(target, ctx);
  const v = parseValue(unit !== '' && !value.endsWith(unit) ? `${value}${unit}` : value, ctx);
  if (v.kind === 'quantity') {
    const comparator = natureComparator(parts.nature);
    return comparator === null || comparator === v.comparator ? v : { ...v, comparator };
  }
  if (v.kind === 'unparsed') {
    const whole = parseValue(target, ctx);
    if (whole.kind !== 'unparsed') return whole;
  }
  return v;
}

function stripNature(target: string, nature: string): string {
  const t = target.trim();
  const n = nature.trim();
  return n !== '' && t.startsWith(n) ? t.slice(n.length).trim() : t;
}
