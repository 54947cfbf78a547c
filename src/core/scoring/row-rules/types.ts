import type { AnalysedRow } from '../../analysis/analyse-form.ts';
import type { Milestone } from '../../grammar/value.ts';
import type { Profile } from '../../rules/profile.ts';

export type RowKind =
  | 'quantitative'
  | 'deadline'
  | 'schedule'
  | 'qualitative'
  | 'judgement'
  | 'not-applicable'
  | 'skipped'
  | 'unscorable';

/** What the rules allow a self-score to be, in points. */
export type Band = { min: number; max: number };

export type MilestoneStatus = {
  milestone: Milestone;
  status: 'met' | 'late' | 'short' | 'unreported';
  reported?: Milestone;
};

/** Facts a rule established, kept for the audit so it does not re-derive them. */
export type RowFacts = {
  /** actual ÷ target in percent (higher-is-better rows). */
  completion?: number;
  /** days past the deadline. */
  daysLate?: number;
  milestones?: MilestoneStatus[];
  unitMismatch?: { target: string; actual: string };
};

export type RowOutcome = {
  /** id of the rule that scored the row, e.g. `higher-is-better`. */
  rule: string;
  kind: RowKind;
  /** points before rescaling and deductions; null for rows left out of the total. */
  score: number | null;
  band?: Band;
  /**
   * whether the actual reached the target, where the rule can tell (a quantity, a deadline, a
   * schedule, a tier word); absent for judgements and unscorable rows. Weights play no part in it,
   * so a form with no 分值 column still says, row by row, what was met (rules.md §1.3–1.5).
   */
  met?: boolean;
  /** Chinese: which rule, which numbers, why. */
  trail: string;
  facts?: RowFacts;
};

export type RowInput = {
  row: AnalysedRow;
  profile: Profile;
  weight: number;
  selfScore: number | null;
};

/** A row rule: returns its outcome when it applies, null to let the next rule try. */
export type RowRule = {
  id: string;
  /** Chinese name shown in trails and the UI. */
  name: string;
  /** the spec section it implements. */
  source: string;
  apply(input: RowInput): RowOutcome | null;
};
