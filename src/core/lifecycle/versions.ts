import type { Form } from '../form/schema.ts';
import { parseValue } from '../grammar/index.ts';

// Which declaration version counts (lifecycle.md §3): self-evaluations are filled from the latest
// approved version; a monitoring report from the version in force at its 1–N月. An approved
// version is never edited; its successor marks it `superseded`, so a superseded version was
// approved once and still tells when it stopped being the latest.

const isDeclaration = (f: Form): boolean => f.kind === 'project-target-declaration';

/** Approved now or once (superseded). A form without status that carries an 批复 counts as approved. */
export function wasApproved(f: Form): boolean {
  if (f.status === 'approved' || f.status === 'superseded') return true;
  return f.status === undefined && f.approval !== undefined;
}

const versionOf = (f: Form): number => f.version ?? 1;

function newest(forms: readonly Form[]): Form | null {
  let best: Form | null = null;
  for (const f of forms) if (best === null || versionOf(f) > versionOf(best)) best = f;
  return best;
}

export function latestApproved(declarations: readonly Form[]): Form | null {
  return newest(declarations.filter((f) => isDeclaration(f) && wasApproved(f)));
}

/** ISO date of an 批复 date as printed (`2021-03-15`, `2021年3月15日`), via the value grammar. */
export function approvalDate(f: Form): string | null {
  const text = f.approval?.date?.trim();
  if (!text) return null;
  const v = parseValue(text, { year: f.year });
  return v.kind === 'deadline' ? v.date : null;
}

/**
 * The version in force at the end of month `asOfMonth` of the budget year: the newest approved
 * version approved by then. A version whose approval date is not known is taken to be in force
 * (the year-start version usually prints none), so with no dates this is the latest approved.
 */
export function versionInForce(declarations: readonly Form[], asOfMonth: number): Form | null {
  const approved = declarations.filter((f) => isDeclaration(f) && wasApproved(f));
  const inForce = approved.filter((f) => {
    const date = approvalDate(f);
    if (date === null) return true;
    const end = `${String(f.year).padStart(4, '0')}-${String(asOfMonth).padStart(2, '0')}-31`;
    return date <= end;
  });
  return newest(inForce);
}

/** The year-start version: the lowest approved version (1), else the lowest present. */
export function firstVersion(declarations: readonly Form[]): Form | null {
  const all = declarations.filter(isDeclaration);
  const approved = all.filter(wasApproved);
  let best: Form | null = null;
  for (const f of approved.length > 0 ? approved : all)
    if (best === null || versionOf(f) < versionOf(best)) best = f;
  return best;
}
