import { type AnalysedForm, analyseForm } from '../analysis/analyse-form.ts';
import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { type FundsScore, scoreFunds } from './funds.ts';
import { gradeOf } from './grade.ts';
import { round2 } from './round.ts';
import { missingValue } from './row-rules/missing-value.ts';
import { blankTargetSkipped, notApplicable } from './row-rules/not-applicable.ts';
import { judgement, qualitativeTier } from './row-rules/qualitative.ts';
import { quantitative } from './row-rules/quantitative.ts';
import { deadline, schedule } from './row-rules/timeliness.ts';
import type { Band, RowFacts, RowKind, RowOutcome, RowRule } from './row-rules/types.ts';

/** Tried in order; the first that applies scores the row. `judgement` always applies. */
export const ROW_RULES: readonly RowRule[] = [
  notApplicable,
  blankTargetSkipped,
  missingValue,
  deadline,
  schedule,
  quantitative,
  qualitativeTier,
  judgement,
];

export type RowScore = {
  index: number;
  name: string;
  level1: string;
  level2: string;
  weight: number;
  selfScore: number | null;
  /** null when the row is left out (不适用, skipped). */
  ruleScore: number | null;
  kind: RowKind;
  rule: string;
  band?: Band;
  trail: string;
  facts?: RowFacts;
};

export type FormScore = {
  profile: string;
  executionRate: number | null;
  fundsScore: number;
  funds: FundsScore;
  /** the total printed on the form (总分·得分), or the sum of printed scores when none is printed. */
  selfTotal: number | null;
  ruleTotal: number;
  grade: string;
  selfGrade: string | null;
  /** the execution-rate cap applied to the total (rules.md §1.2 variant), if any. */
  cap: { maxTotal: number; uncapped: number; trail: string } | null;
  rows: RowScore[];
};

export function scoreForm(
  form: Form,
  profile: Profile,
  analysed: AnalysedForm = analyseForm(form),
): FormScore {
  const funds = scoreFunds(form, profile);
  const rows = analysed.rows.map((row): RowScore => {
    const weight = row.indicator.weight ?? 0;
    const selfScore = row.indicator.score;
    const input = { row, profile, weight, selfScore };
    let outcome: RowOutcome | null = null;
    for (const rule of ROW_RULES) {
      outcome = rule.apply(input);
      if (outcome) break;
    }
    return rowScore(row, weight, selfScore, adjust(outcome!, row.indicator.deduction, profile));
  });
  rescaleNotApplicable(rows, profile);

  const rowScores = rows.map((r) => r.ruleScore ?? 0);
  const rowSum =
    profile.totals.rounding === 'sum-of-rounded'
      ? rowScores.reduce((a, b) => round2(a + b), 0)
      : round2(rowScores.reduce((a, b) => a + b, 0));
  const uncapped = round2(funds.score + rowSum);
  const cap = executionCap(funds.rate, uncapped, profile);
  const ruleTotal = cap ? cap.maxTotal : uncapped;
  const selfTotal = form.totalScore ?? sumPrinted(form);
  return {
    profile: profile.id,
    executionRate: funds.executionRate,
    fundsScore: funds.score,
    funds,
    selfTotal,
    ruleTotal,
    grade: gradeOf(ruleTotal, profile),
    selfGrade: selfTotal === null ? null : gradeOf(selfTotal, profile),
    cap,
    rows,
  };
}

/**
 * The row's score record. Keys are added in the order the JSON output lists them (band before
 * trail, facts last); optional keys are left out, not set to undefined. Assigned one by one rather
 * than spread in from temporary objects: this runs for every row of every form.
 */
function rowScore(
  row: AnalysedForm['rows'][number],
  weight: number,
  selfScore: number | null,
  o: RowOutcome,
): RowScore {
  // trail is added after the optional band, so the record starts without it.
  const r: Omit<RowScore, 'trail'> & { trail?: string } = {
    index: row.index,
    name: row.indicator.name,
    level1: row.indicator.level1,
    level2: row.indicator.level2,
    weight,
    selfScore,
    ruleScore: o.score,
    kind: o.kind,
    rule: o.rule,
  };
  if (o.band) r.band = o.band;
  r.trail = o.trail;
  if (o.facts) r.facts = o.facts;
  return r as RowScore;
}

/** Profile deductions applied after a rule scored the row (rules.md §1.3 variant, §2 广西). */
function adjust(outcome: RowOutcome, deduction: number | undefined, profile: Profile): RowOutcome {
  if (outcome.score === null) return outcome;
  let { score, trail } = outcome;
  const dd = profile.quantitative.deviationDeduction;
  const completion = outcome.facts?.completion;
  if (dd && completion !== undefined && completion >= 100 + dd.above) {
    const next = round2(Math.max(0, score - dd.points));
    trail += ` 实际超出目标 ${round2(completion - 100)}%（≥ ${dd.above}%）视为偏离，扣 ${dd.points} 分（rules.md §1.3 省级手册）：${score} → ${next}。`;
    score = next;
  }
  if (profile.rows.deductionColumn && deduction !== undefined && deduction > 0) {
    const next = round2(Math.max(0, score - deduction));
    trail += ` 扣分列扣 ${deduction} 分（rules.md §2 广西，最低 0 分）：${score} → ${next}。`;
    score = next;
  }
  // Most profiles deduct nothing: the rule's outcome then stands as it is, with no copy.
  if (score === outcome.score && trail === outcome.trail) return outcome;
  return { ...outcome, score, trail };
}

/** rules.md §1.6: weights of 不适用 rows are spread over the others, keeping the same total. */
function rescaleNotApplicable(rows: RowScore[], profile: Profile): void {
  if (!profile.rows.rescaleNotApplicable) return;
  const all = rows.reduce((a, r) => a + r.weight, 0);
  const left = rows.filter((r) => r.ruleScore === null).reduce((a, r) => a + r.weight, 0);
  if (left === 0 || all - left <= 0) return;
  const factor = all / (all - left);
  for (const r of rows) {
    if (r.ruleScore === null) continue;
    const scaled = round2(r.ruleScore * factor);
    r.trail += ` 因 ${round2(left)} 分的指标不适用，按 ${round2(all)} ÷ ${round2(all - left)} 折算：${r.ruleScore} → ${scaled}。`;
    r.ruleScore = scaled;
  }
}

function executionCap(rate: number | null, total: number, profile: Profile): FormScore['cap'] {
  if (rate === null || profile.execution.cap.length === 0) return null;
  const bands = profile.execution.cap.filter((b) => rate < b.below);
  if (bands.length === 0) return null;
  const tightest = bands.reduce((a, b) => (b.maxTotal < a.maxTotal ? b : a));
  if (total <= tightest.maxTotal) return null;
  return {
    maxTotal: tightest.maxTotal,
    uncapped: total,
    trail: `执行率封顶（rules.md §1.2）：执行率 ${round2(rate)}% 低于 ${tightest.below}%，总分不得超过 ${tightest.maxTotal}，${total} → ${tightest.maxTotal}。`,
  };
}

function sumPrinted(form: Form): number | null {
  const scores = form.indicators.map((i) => i.score);
  if (scores.every((s) => s === null) && form.funds.total?.score === undefined) return null;
  return round2(scores.reduce<number>((a, s) => a + (s ?? 0), form.funds.total?.score ?? 0));
}
