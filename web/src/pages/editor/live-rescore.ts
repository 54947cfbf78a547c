import {
  type AnalysedForm,
  type AnalysedRow,
  analyseForm,
} from '../../../../src/core/analysis/analyse-form.ts';
import { auditForm } from '../../../../src/core/audit/audit-form.ts';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Form, Indicator } from '../../../../src/core/form/schema.ts';
import type { Profile } from '../../../../src/core/rules/profile.ts';
import { type FormScore, type RowScore, scoreForm } from '../../../../src/core/scoring/score-form.ts';
import { applyEdit, type Edit } from './form-edits.ts';

// What the editor runs after every edit: the domain core's evaluateForm in the browser, plus the
// indexes the page needs to put each finding on its cell. bench/web.bench.ts times this function.
//
// evaluateForm is analyseForm → scoreForm → auditForm (core/evaluate.ts). An edit replaces one
// indicator object and shares the others (form-edits.ts), so the rows' parsed cells are kept per
// indicator object and only the edited row is parsed again; scoring and audit run in full.
// live-rescore.test.ts checks the result equals evaluateForm's after every kind of edit.

export type LiveEvaluation = {
  score: FormScore;
  findings: Finding[];
  /** findings by exact Form JSON path (`indicators[3].actual`). */
  byField: Map<string, Finding[]>;
  /** findings by indicator row, for the row's flag. */
  byRow: Map<number, Finding[]>;
  errors: number;
  warnings: number;
  infos: number;
};

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function indexEvaluation(score: FormScore, rawFindings: readonly Finding[]): LiveEvaluation {
  const findings = [...rawFindings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.row ?? -1) - (b.row ?? -1),
  );
  const byField = new Map<string, Finding[]>();
  const byRow = new Map<number, Finding[]>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    push(byField, f.field, f);
    if (f.row !== undefined) push(byRow, f.row, f);
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { score, findings, byField, byRow, errors, warnings, infos };
}

function push<K>(map: Map<K, Finding[]>, key: K, f: Finding): void {
  const list = map.get(key);
  if (list) list.push(f);
  else map.set(key, [f]);
}

const parsedRows = new WeakMap<Indicator, { year: number; row: AnalysedRow }>();

/**
 * analyseForm, parsing only the rows whose indicator object is new. Everything analyseForm
 * derives from outside the rows (the goal cells …) comes from analyseForm itself.
 */
export function analyseIncrementally(form: Form): AnalysedForm {
  const rows = form.indicators.map((indicator, index) => {
    const hit = parsedRows.get(indicator);
    let row = hit && hit.year === form.year ? hit.row : undefined;
    if (!row) {
      row = analyseForm({ ...form, indicators: [indicator] }).rows[0]!;
      parsedRows.set(indicator, { year: form.year, row });
    }
    return row.index === index ? row : { ...row, index };
  });
  return { ...analyseForm({ ...form, indicators: [] }), form, rows };
}

export function rescore(form: Form, profile: Profile): LiveEvaluation {
  const analysed = analyseIncrementally(form);
  const score = scoreForm(form, profile, analysed);
  return indexEvaluation(score, auditForm(form, profile, analysed, score));
}

/** One edit as the page handles it: apply, then re-score and re-audit the whole form. */
export function editAndRescore(
  form: Form,
  edit: Edit,
  profile: Profile,
): { form: Form; evaluation: LiveEvaluation } {
  const next = applyEdit(form, edit);
  return { form: next, evaluation: rescore(next, profile) };
}

/** Two row scores that render the same (the row component skips re-rendering on equal ones). */
export function sameRowScore(a: RowScore | undefined, b: RowScore | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.ruleScore === b.ruleScore &&
    a.selfScore === b.selfScore &&
    a.kind === b.kind &&
    a.trail === b.trail &&
    a.band?.min === b.band?.min &&
    a.band?.max === b.band?.max &&
    a.facts?.completion === b.facts?.completion
  );
}

export function sameFindings(a: readonly Finding[] | undefined, b: readonly Finding[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  for (let i = 0; i < a.length; i++)
    if (a[i]!.code !== b[i]!.code || a[i]!.message !== b[i]!.message) return false;
  return true;
}
