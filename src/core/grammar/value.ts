// The typed meaning of a target or actual cell — ../shared/spec/rules.md §3.
// Produced by `parseValue` (grammar/parse.ts), printed by `formatValue` (grammar/format.ts).

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/**
 * A unit after normalisation. Money amounts are in 元 (`万元` → ×10 000); ratios in percent
 * (`‰` → ÷10, `百分比` → `%`); count units are kept as written (`人次` ≠ `人`).
 */
export type Unit =
  | { dimension: 'money'; symbol: '元' }
  | { dimension: 'ratio'; symbol: '%' }
  | { dimension: 'count'; symbol: string }
  | { dimension: 'time'; symbol: string } // 天, 个月, 年, 小时 …
  | { dimension: 'other'; symbol: string };

export type Quantity = {
  kind: 'quantity';
  /** null when no comparator word or sign was written (a bare value). */
  comparator: Comparator | null;
  /** normalised amount: money in 元, ratios in percent, magnitudes (万/亿/千) applied. */
  amount: number;
  /** null for a bare number with no unit. */
  unit: Unit | null;
  /** the unit exactly as written, for display and messages (`万元`, `人次`). */
  unitText: string;
  /** the amount as written before normalisation (2926 for `2926万元`). */
  writtenAmount: number;
};

export type Deadline = {
  kind: 'deadline';
  /** ISO date `YYYY-MM-DD`; the value means "on or before this date". */
  date: string;
  /** what is done by then (`拨付`, `完成`), '' if nothing. */
  action: string;
  /** true when the year was not written and was taken from the form's year. */
  yearInferred: boolean;
};

export type Milestone = { date: string; action: string; quantity: Quantity | null };

export type Schedule = { kind: 'schedule'; milestones: Milestone[] };

export type Tier = 'met' | 'partial' | 'unmet';
export type TierValue = { kind: 'tier'; tier: Tier; word: string };

export type Placeholder = { kind: 'placeholder'; text: string };
export type Blank = { kind: 'blank' };
export type NotApplicable = { kind: 'not-applicable' };

/** A number quoted inside prose, with the subject words just before it. */
export type QuotedNumber = { quantity: Quantity; subject: string; offset: number };
export type Narrative = { kind: 'narrative'; text: string; numbers: QuotedNumber[] };

export type Unparsed = { kind: 'unparsed'; text: string; reason: string };

export type Value =
  | Quantity
  | Deadline
  | Schedule
  | TierValue
  | Placeholder
  | Blank
  | NotApplicable
  | Narrative
  | Unparsed;

export type ParseContext = {
  /** the form's budget year, used for `6月底前`, `年底前`. */
  year?: number;
};
