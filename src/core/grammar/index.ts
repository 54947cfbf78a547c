// The value grammar's public API (rules.md §3). Everything else in this folder is internal.

export { COMPARATOR_SIGN, parseComparator } from './comparator.ts';
export { daysInMonth, isValidDate } from './date.ts';
export { extractQuantities } from './extract.ts';
export { formatQuantity, formatValue, quantityNotation, toNotation } from './format.ts';
export { parseChineseNumeral, parseNumber, plainNumber } from './number.ts';
export { parseValue } from './parse.ts';
export { isQualitativeNature, natureComparator, type PrintedParts, parseTarget } from './parts.ts';
export { readTier } from './tier.ts';
export type {
  Blank,
  Comparator,
  Deadline,
  Milestone,
  Narrative,
  NotApplicable,
  ParseContext,
  Placeholder,
  Quantity,
  QuotedNumber,
  Schedule,
  Tier,
  TierValue,
  Unit,
  Unparsed,
  Value,
} from './value.ts';
