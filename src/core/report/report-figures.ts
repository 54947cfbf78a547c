import type { Finding } from '../audit/types.ts';
import type { Form } from '../form/schema.ts';
import { fundsSubRows } from '../scoring/funds.ts';
import { formatAmount, formatPercent, formatScore, round2 } from '../scoring/round.ts';
import type { FormScore, RowScore } from '../scoring/score-form.ts';

// The figures a self-evaluation report quotes, read off the form and its evaluation, and written
// as the form prints them: amounts with 2 decimals in the form's unit (`2,926.00万元`), rates with
// 2 decimals (`93.51%`), scores without trailing zeros (`9.35`).

export type ReportInput = {
  form: Form;
  score: FormScore;
  findings: Finding[];
  /** the rules profile's display name, e.g. `全国通用`. */
  profileName: string;
};

export const money = (form: Form, n: number | null | undefined): string =>
  n === null || n === undefined ? '（未填写）' : `${formatAmount(n)}${form.fundsUnit}`;

export const pts = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : formatScore(n);

export const rate = (score: FormScore): string | null =>
  score.funds.rate === null ? null : formatPercent(score.funds.rate);

/** A trail without its pointers into the spec (`（rules.md §1.3）`): they mean nothing to a reader. */
export function readableTrail(trail: string): string {
  return trail
    .replace(/（rules\.md[^）]*）/g, '')
    .replace(/\(rules\.md[^)]*\)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `“名称”` of the indicator, with its row number for finding it on the form. */
export const rowName = (r: { index: number; name: string }): string => `第 ${r.index + 1} 行“${r.name}”`;

export type Attainment = { rows: number; met: number; unmet: number; unknown: number; left: number };

export function attainment(score: FormScore): Attainment {
  const a: Attainment = { rows: score.rows.length, met: 0, unmet: 0, unknown: 0, left: 0 };
  for (const r of score.rows) {
    if (r.kind === 'not-applicable' || r.kind === 'skipped') a.left++;
    else if (r.met === true) a.met++;
    else if (r.met === false) a.unmet++;
    else a.unknown++;
  }
  return a;
}

/** Rows that fell short: the target missed, or fewer points than the weight (self or rule). */
export function shortfallRows(score: FormScore): RowScore[] {
  return score.rows.filter(
    (r) =>
      r.kind !== 'not-applicable' &&
      r.kind !== 'skipped' &&
      (r.met === false ||
        (r.weight > 0 && r.ruleScore !== null && r.ruleScore < r.weight - 0.005) ||
        (r.weight > 0 && r.selfScore !== null && r.selfScore < r.weight - 0.005)),
  );
}

/** Rows the audit flags as done far above target (scoring.over-completion). */
export function overCompletedRows(input: ReportInput): RowScore[] {
  const flagged = new Set(
    input.findings.filter((f) => f.code === 'scoring.over-completion').map((f) => f.row),
  );
  return input.score.rows.filter((r) => flagged.has(r.index));
}

/** Counts of indicator rows per level-1 label, in form order: `产出指标 20 项、效益指标 6 项`. */
export function level1Counts(form: Form): string {
  const counts = new Map<string, number>();
  for (const i of form.indicators) {
    const k = i.level1.trim() || '未分类';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n} 项`).join('、');
}

/** The funds block in words (一（二）资金投入和使用情况). */
export function fundsSentences(input: ReportInput): string[] {
  const { form, score } = input;
  const t = form.funds.total;
  const out: string[] = [];
  const r = rate(score);
  if (t && (t.annualBudget != null || t.initialBudget != null || t.executed != null)) {
    out.push(
      `${form.year}年度项目资金年初预算数${money(form, t.initialBudget)}，全年预算数${money(form, t.annualBudget)}，全年执行数${money(form, t.executed)}${r ? `，预算执行率${r}` : ''}。`,
    );
  } else out.push('表中未填写年度资金总额。');
  const parts = fundsSubRows(form).filter(
    ({ row }) => row.annualBudget != null || row.initialBudget != null || row.executed != null,
  );
  if (parts.length) {
    const words = parts.map(({ label, row }) => {
      const budget = row.annualBudget ?? row.initialBudget;
      return `${label}预算${money(form, budget)}、执行${money(form, row.executed)}`;
    });
    out.push(`其中：${words.join('；')}。`);
  }
  if (r === null) out.push('表中缺少预算数或执行数，无法计算预算执行率。');
  const budget = t?.annualBudget ?? t?.initialBudget;
  if (t && budget != null && t.executed != null && t.executed < budget - 0.005)
    out.push(`未执行资金${money(form, round2(budget - t.executed))}。`);
  if (score.funds.weight !== null && score.funds.weight > 0 && score.fundsScore !== null)
    out.push(`预算执行分值${pts(score.funds.weight)}分，按执行率计得${pts(score.fundsScore)}分。`);
  return out;
}
