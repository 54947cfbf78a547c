import type { Finding } from '../../../../src/core/audit/types.ts';
import {
  DECLARATION_STATUSES,
  type DeclarationStatus,
  type Form,
  type FormKind,
} from '../../../../src/core/form/schema.ts';

// Which cross-stage findings belong on the form being edited. checkStages reports each X finding
// against the later stage of the forms it compares (lifecycle.md §4.3, `row` = the later form's
// row); its evidence names the forms involved as {kind, version, year}.

const STAGE: Readonly<Record<FormKind, number>> = {
  'project-target-declaration': 0,
  'project-monitoring': 1,
  'project-self-evaluation': 2,
  'department-self-evaluation': 2,
};

type Ref = { kind: FormKind; version?: number | null; year?: number };

function refsIn(value: unknown, out: Ref[], depth = 0): Ref[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, out, depth + 1);
    return out;
  }
  const o = value as Record<string, unknown>;
  if (typeof o['kind'] === 'string' && o['kind'] in STAGE) out.push(o as unknown as Ref);
  for (const v of Object.values(o)) refsIn(v, out, depth + 1);
  return out;
}

/** The later-stage form a finding is about, from its evidence; null when it names none. */
export function laterForm(f: Finding): Ref | null {
  const refs = refsIn(f.evidence, []);
  let best: Ref | null = null;
  for (const r of refs) {
    if (
      !best ||
      STAGE[r.kind] > STAGE[best.kind] ||
      (STAGE[r.kind] === STAGE[best.kind] && (r.version ?? 0) > (best.version ?? 0))
    )
      best = r;
  }
  return best;
}

/** The findings to show on `form`: those whose later stage is this form (same kind, same version). */
export function findingsAbout(findings: readonly Finding[], form: Form): Finding[] {
  return findings.filter((f) => {
    const later = laterForm(f);
    if (!later) return false;
    if (later.kind !== form.kind) return false;
    if (form.kind === 'project-target-declaration') return (later.version ?? 1) === (form.version ?? 1);
    return true;
  });
}

/**
 * A stored form as the chain checks read it: the stored status and version win over what its
 * Form JSON says (the store keeps the workflow; services/lifecycle.ts asStored does the same on
 * the server), the review steps still count as `submitted`, a published version as approved.
 */
export function asStored(
  summary: { kind: FormKind; status: string; version?: number | undefined },
  form: Form,
): Form {
  if (summary.kind !== 'project-target-declaration') return form;
  const s = summary.status;
  const status: DeclarationStatus =
    s === 'reviewed' || s === 'graded'
      ? 'submitted'
      : s === 'published'
        ? 'approved'
        : (DECLARATION_STATUSES as readonly string[]).includes(s)
          ? (s as DeclarationStatus)
          : 'draft';
  return { ...form, status, version: summary.version ?? form.version ?? 1 };
}
