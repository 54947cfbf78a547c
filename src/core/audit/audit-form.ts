import { type AnalysedForm, analyseForm } from '../analysis/analyse-form.ts';
import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { type FormScore, scoreForm } from '../scoring/score-form.ts';
import { ARITHMETIC_CHECKS } from './checks/arithmetic.ts';
import { CROSS_FIELD_CHECKS } from './checks/cross-field.ts';
import { NARRATIVE_CHECKS } from './checks/narrative.ts';
import { SCORING_CHECKS } from './checks/scoring.ts';
import { STRUCTURE_CHECKS } from './checks/structure.ts';
import { VALUE_CHECKS } from './checks/value.ts';
import type { Check, Finding, Severity } from './types.ts';

export const CHECKS: readonly Check[] = [
  ...ARITHMETIC_CHECKS,
  ...STRUCTURE_CHECKS,
  ...SCORING_CHECKS,
  ...CROSS_FIELD_CHECKS,
  ...NARRATIVE_CHECKS,
  ...VALUE_CHECKS,
];

/** error, then warning, then info. A comparison chain rather than a keyed lookup: the sort asks ~100 times. */
const severityRank = (s: Severity): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

export function auditForm(
  form: Form,
  profile: Profile,
  analysed: AnalysedForm = analyseForm(form),
  score: FormScore = scoreForm(form, profile, analysed),
): Finding[] {
  const ctx = { form, profile, analysed, score };
  // A plain loop: flatMap's generic flattening costs more than the small checks themselves.
  const findings: Finding[] = [];
  for (const check of CHECKS) for (const f of check.run(ctx)) findings.push(f);
  // Stable order: severity, then row (form-level first), then code.
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
