import type { Family, Finding, Severity } from '../audit/types.ts';

/** A lifecycle finding (lifecycle contract: `code` is the spec id, T01…, M01…, X01…). */
export function finding(
  code: string,
  family: Family,
  severity: Severity,
  field: string,
  message: string,
  evidence: Record<string, unknown>,
  row?: number,
): Finding {
  const f: Finding = { code, family, severity, field, message, evidence };
  if (row !== undefined) f.row = row;
  return f;
}

const severityRank = (s: Severity): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);

/** The audit's order (audit-form.ts): severity, then row (form-level first), then code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      (a.row ?? -1) - (b.row ?? -1) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
