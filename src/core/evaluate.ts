import { analyseForm } from './analysis/analyse-form.ts';
import { auditForm } from './audit/audit-form.ts';
import type { Finding } from './audit/types.ts';
import type { Form } from './form/schema.ts';
import type { Profile } from './rules/profile.ts';
import { type FormScore, scoreForm } from './scoring/score-form.ts';

export type Evaluation = { score: FormScore; findings: Finding[] };

/** Score and audit in one pass over the parsed cells — what the UI re-runs on every edit. */
export function evaluateForm(form: Form, profile: Profile): Evaluation {
  const analysed = analyseForm(form);
  const score = scoreForm(form, profile, analysed);
  return { score, findings: auditForm(form, profile, analysed, score) };
}
