import { type AnalysedForm, type AnalysedRow, analyseForm } from '../analysis/analyse-form.ts';
import type { Form } from '../form/schema.ts';
import type { Profile } from '../rules/profile.ts';
import { type FundsScore, scoreFunds } from './funds.ts';
import { gradeOf } from './grade.ts';
import { round2 } from './round.ts';
import { missingValue } from './row-rules/missing-value.ts';
import { blankTargetSkipped, notApplicable } from './row-rules/not-applicable.ts';
import { processJudgement } from './row-rules/process.ts';
import { judgement, qualitativeTier } from './row-rules/qualitative.ts';
import { quantitative } from './row-rules/quantitative.ts';
import { deadline, schedule } from './row-rules/timeliness.ts';
import type { Band, RowFacts, RowKind, RowOutcome, RowRule } from './row-rules/types.ts';
import {
  type Attainment,
  hasSelfScores,
  hasWeights,
  unscoredNote,
  unweightedNote,
  unweightedTrail,
} from './unweighted.ts';

/** Tried in order; the first that applies scores the row. `judgement` always applies. */
export const ROW_RULES: readonly RowRule[] = [
  notApplicable,
  processJudgement,
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
  /** whether the actual reached the target, where the rule can tell (row-rules/types.ts). */
  met?: boolean;
  band?: Band;
  trail: string;
  facts?: RowFacts;
};

export type FormScore = {
  profile: string;
  executionRate: number | null;
  /** null when the form prints no weights (funds.ts fundsWeight). */
  fundsScore: number | null;
  funds: FundsScore;
  /** the total printed on the form (总分·得分), or the sum of printed scores when none is printed. */
  selfTotal: number | null;
  /** null, not 0, when the form has no 分值 column: there is nothing to add up (rules.md §1.1). */
  ruleTotal: number | null;
  /** absent when there is no rule total. */
  grade?: string;
  selfGrade: string | null;
  /** the form prints 分值 (at least one indicator weight). */
  hasWeights: boolean;
  /** the form carries a self-evaluation (a row 得分, the funds 得分 or the 总分). */
  hasSelfScores: boolean;
  /** what the form lacks for scoring and what was done about it (Chinese); usually empty. */
  notes: string[];
  /** the execution-rate cap applied to the total (rules.md §1.2 variant), if any. */
  cap: { maxTotal: number; uncapped: number; trail: string } | null;
  rows: RowScore[];
};

export function scoreForm(
  form: Form,
  profile: Profile,
  analysed: AnalysedForm = analyseForm(form),
): FormScore {
  const weighted = hasWeights(form);
  const funds = scoreFunds(form, profile, weighted);
  const rows = weighted ? scoreRows(analysed, profile) : readRows(analysed, profile);
  const selfTotal = form.totalScore ?? sumPrinted(form);
  const selfScored = hasSelfScores(form);
  const notes: string[] = [];
  if (!weighted) {
    notes.push(unweightedNote(funds.rate, attainment(rows)));
    return {
      profile: profile.id,
      executionRate: funds.executionRate,
      fundsScore: funds.score,
      funds,
      selfTotal,
      ruleTotal: null,
      selfGrade: selfTotal === null ? null : gradeOf(selfTotal, profile),
      hasWeights: false,
      hasSelfScores: selfScored,
      notes,
      cap: null,
      rows,
    };
  }
  rescaleNotApplicable(rows, profile);
  if (!selfScored) notes.push(unscoredNote(rows.length, lowerBoundRows(rows)));

  const rowScores = rows.map((r) => r.ruleScore ?? 0);
  const rowSum =
    profile.totals.rounding === 'sum-of-rounded'
      ? rowScores.reduce((a, b) => round2(a + b), 0)
      : round2(rowScores.reduce((a, b) => a + b, 0));
  const uncapped = round2((funds.score ?? 0) + rowSum);
  const cap = executionCap(funds.rate, uncapped, profile);
  const ruleTotal = cap ? cap.maxTotal : uncapped;
  return {
    profile: profile.id,
    executionRate: funds.executionRate,
    fundsScore: funds.score,
    funds,
    selfTotal,
    ruleTotal,
    grade: gradeOf(ruleTotal, profile),
    selfGrade: selfTotal === null ? null : gradeOf(selfTotal, profile),
    hasWeights: true,
    hasSelfScores: selfScored,
    notes,
    cap,
    rows,
  };
}

/** The first rule that applies scores the row (ROW_RULES order); `judgement` always applies. */
function applyRules(
  row: AnalysedRow,
  profile: Profile,
  weight: number,
  selfScore: number | null,
): RowOutcome {
  const input = { row, profile, weight, selfScore };
  let outcome: RowOutcome | null = null;
  for (const rule of ROW_RULES) {
    outcome = rule.apply(input);
    if (outcome) break;
  }
  return outcome!;
}

function scoreRows(analysed: AnalysedForm, profile: Profile): RowScore[] {
  return analysed.rows.map((row): RowScore => {
    const weight = row.indicator.weight ?? 0;
    const selfScore = row.indicator.score;
    const outcome = applyRules(row, profile, weight, selfScore);
    return rowScore(row, weight, selfScore, adjust(outcome, row.indicator.deduction, profile));
  });
}

/**
 * A form with no weights: each row is read by the same rules (with no points at stake) for what
 * they can tell — met or not — and left out of the total (unweighted.ts).
 */
function readRows(analysed: AnalysedForm, profile: Profile): RowScore[] {
  return analysed.rows.map((row): RowScore => {
    const o = applyRules(row, profile, 0, null);
    const read: RowOutcome = { rule: o.rule, kind: o.kind, score: null, trail: unweightedTrail(row, o) };
    if (o.met !== undefined) read.met = o.met;
    if (o.facts) read.facts = o.facts;
    return rowScore(row, 0, row.indicator.score, read);
  });
}

function attainment(rows: readonly RowScore[]): Attainment {
  const a: Attainment = { rows: rows.length, met: 0, unmet: 0, unknown: 0 };
  for (const r of rows) {
    if (r.met === true) a.met++;
    else if (r.met === false) a.unmet++;
    else a.unknown++;
  }
  return a;
}

/** Judgement rows with no self-score: their rule score is the band's lower end (bands.ts clampToBand). */
function lowerBoundRows(rows: readonly RowScore[]): number {
  let n = 0;
  for (const r of rows) if (r.selfScore === null && r.band && r.band.min !== r.band.max) n++;
  return n;
}

/**
 * The row's score record. Keys are added in the order the JSON output lists them (band before
 * trail, facts last); optional keys are left out, not set to undefined. Assigned one by one rather
 * than spread in from temporary objects: this runs for every row of every form.
 */
function rowScore(row: AnalysedRow, weight: number, selfScore: number | null, o: RowOutcome): RowScore {
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
  if (o.met !== undefined) r.met = o.met;
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
