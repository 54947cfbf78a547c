import { FUNDS_KEYS, type FundsKey, type FundsRow } from '../../form/schema.ts';
import { rowRate } from '../../scoring/funds.ts';
import { formatPercent, round2 } from '../../scoring/round.ts';
import type { Check, Finding } from '../types.ts';

const FUNDS_LABEL: Record<FundsKey, string> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};
const COLUMNS = [
  ['initialBudget', '年初预算数'],
  ['annualBudget', '全年预算数'],
  ['executed', '全年执行数'],
] as const;

/** Amounts agree when they differ by less than half a cent of the printed precision. */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** rules.md §5 arithmetic: 年度资金总额 differs from 财政拨款 + 结转 + 其他. */
export const fundsSubRows: Check = {
  id: 'funds.sub-rows-sum',
  family: 'arithmetic',
  source: 'rules.md §5 (arithmetic)',
  run({ form }) {
    const { total, fiscal, carryover, other } = form.funds;
    if (!total) return [];
    const parts = [fiscal, carryover, other].filter((r): r is FundsRow => r !== null);
    if (parts.length === 0) return [];
    const out: Finding[] = [];
    for (const [key, label] of COLUMNS) {
      const t = total[key];
      const values = parts.map((p) => p[key]).filter((v): v is number => v != null);
      if (t == null || values.length === 0) continue;
      const sum = round2(values.reduce((a, b) => a + b, 0));
      if (same(sum, t)) continue;
      out.push({
        code: 'funds.sub-rows-sum',
        family: 'arithmetic',
        severity: 'error',
        field: `funds.total.${key}`,
        message: `项目资金“${label}”：年度资金总额 ${t}${form.fundsUnit}，而其中各项之和为 ${sum}${form.fundsUnit}，相差 ${round2(t - sum)}${form.fundsUnit}。`,
        evidence: { column: key, total: t, sum, parts: values },
      });
    }
    return out;
  },
};

/** rules.md §5 arithmetic: printed 执行率 differs from 执行数 ÷ 预算数 (truncated, whole percent …). */
export const executionRatePrinted: Check = {
  id: 'funds.execution-rate-mismatch',
  family: 'arithmetic',
  source: 'rules.md §1.2, §5 (arithmetic)',
  run({ form }) {
    const out: Finding[] = [];
    for (const key of FUNDS_KEYS) {
      const row = form.funds[key];
      const printed = row?.executionRate;
      const rate = rowRate(row ?? null);
      if (printed === undefined || rate === null) continue;
      if (same(round2(rate), printed)) continue;
      out.push({
        code: 'funds.execution-rate-mismatch',
        family: 'arithmetic',
        severity: 'error',
        field: `funds.${key}.executionRate`,
        message: `${FUNDS_LABEL[key]}执行率印为 ${formatPercent(printed)}，按全年执行数 ${row?.executed} ÷ 预算数 ${row?.annualBudget ?? row?.initialBudget} 计算应为 ${formatPercent(rate)}。`,
        evidence: {
          printed,
          computed: round2(rate),
          executed: row?.executed,
          budget: row?.annualBudget ?? row?.initialBudget,
        },
      });
    }
    return out;
  },
};

/** rules.md §1.2, §5: printed funds score differs from rate × weight; funds 分值 not the profile's. */
export const fundsScorePrinted: Check = {
  id: 'funds.score-mismatch',
  family: 'arithmetic',
  source: 'rules.md §1.2, §5 (arithmetic, structure)',
  run({ form, profile, score }) {
    const out: Finding[] = [];
    const total = form.funds.total;
    if (total?.weight !== undefined && !same(total.weight, profile.weights.funds)) {
      out.push({
        code: 'funds.weight-mismatch',
        family: 'structure',
        severity: 'warning',
        field: 'funds.total.weight',
        message: `预算执行率分值印为 ${total.weight} 分，按“${profile.name}”规则应为 ${profile.weights.funds} 分。`,
        evidence: { printed: total.weight, expected: profile.weights.funds, profile: profile.id },
      });
    }
    if (total?.score !== undefined && score.funds.rate !== null && !same(total.score, score.fundsScore)) {
      out.push({
        code: 'funds.score-mismatch',
        family: 'arithmetic',
        severity: 'error',
        field: 'funds.total.score',
        message: `预算执行率得分印为 ${total.score} 分，按执行率 ${formatPercent(score.funds.rate)} × 分值 ${score.funds.weight} 应为 ${score.fundsScore} 分。`,
        evidence: {
          printed: total.score,
          computed: score.fundsScore,
          rate: round2(score.funds.rate),
          weight: score.funds.weight,
        },
      });
    }
    if (total?.score !== undefined && total.weight !== undefined && total.score > total.weight + 0.005) {
      out.push({
        code: 'funds.score-above-weight',
        family: 'arithmetic',
        severity: 'error',
        field: 'funds.total.score',
        message: `预算执行率得分 ${total.score} 分高于其分值 ${total.weight} 分。`,
        evidence: { score: total.score, weight: total.weight },
      });
    }
    return out;
  },
};

/** rules.md §5 arithmetic: 总分 differs from the sum of the printed scores. */
export const totalScorePrinted: Check = {
  id: 'total.score-sum',
  family: 'arithmetic',
  source: 'rules.md §1.7, §5 (arithmetic)',
  run({ form }) {
    const out: Finding[] = [];
    const printedRows = form.indicators.map((i) => i.score ?? 0);
    const rowSum = round2(printedRows.reduce((a, b) => a + b, 0));
    const fundsScore = form.funds.total?.score ?? 0;
    const sum = round2(rowSum + fundsScore);
    if (form.totalScore !== null && !same(sum, form.totalScore)) {
      const hint = same(rowSum, form.totalScore) ? '（似乎漏计了预算执行率得分）' : '';
      out.push({
        code: 'total.score-sum',
        family: 'arithmetic',
        severity: 'error',
        field: 'totalScore',
        message: `总分得分印为 ${form.totalScore}，而预算执行率得分 ${fundsScore} 与各指标得分 ${rowSum} 之和为 ${sum}${hint}。`,
        evidence: { printed: form.totalScore, sum, fundsScore, rowSum },
      });
    }
    const weightSum = round2(
      form.indicators.reduce((a, i) => a + (i.weight ?? 0), 0) + (form.funds.total?.weight ?? 0),
    );
    if (form.totalWeight !== null && form.indicators.length > 0 && !same(weightSum, form.totalWeight)) {
      out.push({
        code: 'total.weight-sum',
        family: 'structure',
        severity: 'error',
        field: 'totalWeight',
        message: `总分分值印为 ${form.totalWeight}，而预算执行率分值与各指标分值之和为 ${weightSum}。`,
        evidence: { printed: form.totalWeight, sum: weightSum },
      });
    }
    return out;
  },
};

export const ARITHMETIC_CHECKS: readonly Check[] = [
  fundsSubRows,
  executionRatePrinted,
  fundsScorePrinted,
  totalScorePrinted,
];
