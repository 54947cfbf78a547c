import type { FormSummary } from '../../../../src/contract/forms.ts';
import { round2 } from '../../../../src/core/scoring/round.ts';

// 抽查 (spot-check review): rank forms by risk so a finance bureau re-scores the likeliest
// problems first. The score is a plain sum with its parts shown, never a black box.

export const RISK_WEIGHTS = {
  leniencyPerPoint: 3,
  perError: 2,
  lowExecutionBelow: 90,
  perExecutionPoint: 0.2,
} as const;

export type RiskReason =
  | { kind: 'lenient'; points: number }
  | { kind: 'errors'; count: number }
  | { kind: 'low-execution'; rate: number };

export type SpotCheckRow = {
  form: FormSummary;
  risk: number;
  leniency: number | null;
  reasons: RiskReason[];
};

export function riskOf(f: FormSummary): SpotCheckRow {
  const reasons: RiskReason[] = [];
  let risk = 0;
  const leniency = f.selfTotal !== null && f.ruleTotal !== null ? round2(f.selfTotal - f.ruleTotal) : null;
  if (leniency !== null && leniency > 0) {
    risk += leniency * RISK_WEIGHTS.leniencyPerPoint;
    reasons.push({ kind: 'lenient', points: leniency });
  }
  if ((f.errorCount ?? 0) > 0) {
    risk += (f.errorCount ?? 0) * RISK_WEIGHTS.perError;
    reasons.push({ kind: 'errors', count: f.errorCount ?? 0 });
  }
  if (f.executionRate !== null && f.executionRate < RISK_WEIGHTS.lowExecutionBelow) {
    risk += (RISK_WEIGHTS.lowExecutionBelow - f.executionRate) * RISK_WEIGHTS.perExecutionPoint;
    reasons.push({ kind: 'low-execution', rate: f.executionRate });
  }
  return { form: f, risk: round2(risk), leniency, reasons };
}

/** Forms with any risk, riskiest first (ties: larger leniency, then name). */
export function spotCheckList(forms: readonly FormSummary[], limit = 50): SpotCheckRow[] {
  return forms
    .map(riskOf)
    .filter((r) => r.risk > 0)
    .sort(
      (a, b) =>
        b.risk - a.risk ||
        (b.leniency ?? 0) - (a.leniency ?? 0) ||
        a.form.projectName.localeCompare(b.form.projectName, 'zh'),
    )
    .slice(0, limit);
}
