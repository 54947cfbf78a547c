import { round2 } from '../scoring/round.ts';

// 抽查 (spot-check review): rank forms by risk so a finance bureau re-scores the likeliest
// problems first. The score is a plain sum with its parts shown, never a black box. Shared by the
// dashboard (web) and the spot-check report (formats/report), so both rank alike.

export const RISK_WEIGHTS = {
  leniencyPerPoint: 3,
  perError: 2,
  lowExecutionBelow: 90,
  perExecutionPoint: 0.2,
} as const;

/** How the risk is made up, in words (the dashboard's hint, the report's note). */
export const RISK_FORMULA = `风险 = 自评高出规则的分数 × ${RISK_WEIGHTS.leniencyPerPoint} + 错误数 × ${RISK_WEIGHTS.perError} + 执行率低于 ${RISK_WEIGHTS.lowExecutionBelow}% 的差距 × ${RISK_WEIGHTS.perExecutionPoint}`;

export type RiskReason =
  | { kind: 'lenient'; points: number }
  | { kind: 'errors'; count: number }
  | { kind: 'low-execution'; rate: number };

/** What the ranking reads of a form (a FormSummary has these fields). */
export type RiskInput = {
  projectName: string;
  selfTotal: number | null;
  ruleTotal: number | null;
  errorCount: number | null;
  executionRate: number | null;
};

export type RiskRow<T extends RiskInput> = {
  form: T;
  risk: number;
  leniency: number | null;
  reasons: RiskReason[];
};

export function riskOf<T extends RiskInput>(f: T): RiskRow<T> {
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

/** Forms with any risk, riskiest first (ties: larger leniency, then name); `limit` of them. */
export function spotCheckList<T extends RiskInput>(forms: readonly T[], limit = 50): RiskRow<T>[] {
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

/** A reason as the report prints it (the dashboard's tags say the same). */
export function reasonText(r: RiskReason): string {
  if (r.kind === 'lenient') return `自评高于规则 ${round2(r.points)} 分`;
  if (r.kind === 'errors') return `${r.count} 个审核错误`;
  return `执行率仅 ${round2(r.rate).toFixed(2)}%`;
}
