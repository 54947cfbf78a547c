import type { AnalysedForm } from '../analysis/analyse-form.ts';
import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import type { FormScore } from '../scoring/score-form.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * rules.md §5 families, plus `scoring` for self-scores the rules do not allow, plus the lifecycle
 * families of lifecycle.md §4.1 (`target-quality`, T01–T15), §4.2 (`monitoring`, M01–M09) and §4.3
 * (`cross-stage`, X01–X16).
 */
/** The finding families, in the order reports, dashboards and the API list them. */
export const FINDING_FAMILIES = [
  'arithmetic',
  'structure',
  'scoring',
  'cross-field',
  'narrative',
  'value',
  'target-quality',
  'monitoring',
  'cross-stage',
] as const;
export type Family = (typeof FINDING_FAMILIES)[number];

export type Finding = {
  /** stable id of the check, e.g. `funds.execution-rate-mismatch`; UIs and tests key on it. */
  code: string;
  family: Family;
  severity: Severity;
  /** the indicator row index (form.indicators), when the finding is about one row. */
  row?: number;
  /** other rows involved (the second place a fact is quoted, the cost rows summed …). */
  rows?: number[];
  /** Form JSON field path, e.g. `indicators[16].score`, `funds.total.executionRate`. */
  field: string;
  /** Chinese, quoting the numbers involved. */
  message: string;
  evidence: Record<string, unknown>;
};

export type AuditContext = {
  form: Form;
  profile: Profile;
  analysed: AnalysedForm;
  score: FormScore;
};

export type Check = {
  /** the family's checks are found by this name in audit/checks/. */
  id: string;
  family: Family;
  source: string;
  run(ctx: AuditContext): Finding[];
};

export const rowField = (index: number, field: string): string => `indicators[${index}].${field}`;
