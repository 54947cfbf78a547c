import { FUNDS_KEYS, type FundsKey, type FundsRow } from '../../form/schema.ts';
import { rowRate } from '../../scoring/funds.ts';
import { formatPercent, round2 } from '../../scoring/round.ts';
import type { Check, Finding } from '../types.ts';
import { fundsTotalVsParts, subRowScore } from './funds-rows.ts';

const FUNDS_LABEL: Record<FundsKey, string> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};
/** Amounts agree when they differ by less than half a cent of the printed precision. */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** rules.md §5 arithmetic: printed 执行率 differs from 执行数 ÷ 预算数 (truncated, whole percent …). */
export const executionRatePrinted: Check = {
  id: 'funds.execution-rate-mismatch',
  family: 'arithmetic',
  source: 'rules.md §1.2, §5 (arithmetic)',
  run({ form }) {
    const out: Finding[] = [];
    for (const key of FUNDS_KEYS) rateFinding(out, form.funds[key], FUNDS_LABEL[key], `funds.${key}`);
    const extra = form.extraFunds;
    if (extra) for (const [i, row] of extra.entries()) rateFinding(out, row, row.label, `extraFunds[${i}]`);
    return out;
  },
};

function rateFinding(out: Finding[], row: FundsRow | null, label: string, path: string): void {
  const printed = row?.executionRate;
  const rate = rowRate(row);
  if (printed === undefined || rate === null || same(round2(rate), printed)) return;
  out.push({
    code: 'funds.execution-rate-mismatch',
    family: 'arithmetic',
    severity: 'error',
    field: `${path}.executionRate`,
    message: `${label}执行率印为 ${formatPercent(printed)}，按全年执行数 ${row?.executed} ÷ 预算数 ${row?.annualBudget ?? row?.initialBudget} 计算应为 ${formatPercent(rate)}。`,
    evidence: {
      printed,
      computed: round2(rate),
      executed: row?.executed,
      budget: row?.annualBudget ?? row?.initialBudget,
    },
  });
}

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
    // The printed score is checked against the printed weight (the arithmetic of the form itself);
    // a weight other than the profile's is the structure warning above.
    const weight = total?.weight ?? score.funds.weight;
    const rate = score.funds.rate;
    const computed =
      rate === null || weight === null ? null : round2((Math.max(0, Math.min(rate, 100)) / 100) * weight);
    if (total?.score !== undefined && weight !== null && total.score > weight + 0.005) {
      const rows = round2(form.indicators.reduce((a, i) => a + (i.score ?? 0), 0));
      const likeTotal =
        (form.totalScore !== null && same(total.score, form.totalScore)) ||
        (computed !== null && same(total.score, round2(rows + computed)));
      out.push({
        code: 'funds.score-above-weight',
        family: 'arithmetic',
        severity: 'error',
        field: 'funds.total.score',
        message:
          `预算执行率得分印为 ${total.score} 分，高于其分值 ${weight} 分` +
          `${computed === null ? '' : `（按执行率 ${formatPercent(rate!)} 应为 ${computed} 分）`}` +
          `${likeTotal ? `；${total.score} 与全表总分相当，疑似把总分填进了资金得分栏` : ''}。`,
        evidence: { score: total.score, weight, computed, likeTotal },
      });
    } else if (total?.score !== undefined && computed !== null && !same(total.score, computed)) {
      out.push({
        code: 'funds.score-mismatch',
        family: 'arithmetic',
        severity: 'error',
        field: 'funds.total.score',
        message: `预算执行率得分印为 ${total.score} 分，按执行率 ${formatPercent(rate!)} × 分值 ${weight} 应为 ${computed} 分。`,
        evidence: { printed: total.score, computed, rate: round2(rate!), weight },
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
  run({ form, score }) {
    const out: Finding[] = [];
    let rowSum = 0;
    let weightSum = 0;
    for (const i of form.indicators) {
      rowSum += i.score ?? 0;
      weightSum += i.weight ?? 0;
    }
    rowSum = round2(rowSum);
    const fundsScore = form.funds.total?.score ?? 0;
    const sum = round2(rowSum + fundsScore);
    if (form.totalScore !== null && !same(sum, form.totalScore)) {
      const hint = same(rowSum, form.totalScore) ? '（似乎漏计了预算执行率得分）' : '';
      out.push({
        code: 'total.score-sum',
        family: 'arithmetic',
        severity: 'error',
        field: 'totalScore',
        message: `总分得分印为 ${form.totalScore}，而预算执行率得分 ${fundsScore} 与各指标得分 ${rowSum} 之和为 ${sum}，相差 ${round2(sum - form.totalScore)}${hint}。`,
        evidence: { printed: form.totalScore, sum, fundsScore, rowSum },
      });
    }
    // The funds weight as printed, else the one the scoring used (a template may print 合计 100
    // with the funds block's 10 points only implied, rules.md §2 sichuan).
    const fundsWeight = form.funds.total?.weight ?? score.funds.weight ?? 0;
    const weights = round2(weightSum + fundsWeight);
    if (
      score.hasWeights &&
      form.totalWeight !== null &&
      form.indicators.length > 0 &&
      !same(weights, form.totalWeight)
    ) {
      out.push({
        code: 'total.weight-sum',
        family: 'structure',
        severity: 'error',
        field: 'totalWeight',
        message: `总分分值印为 ${form.totalWeight}，而预算执行率分值 ${fundsWeight} 与各指标分值合计 ${round2(weightSum)} 之和为 ${weights}，${weights > form.totalWeight ? '多出' : '少了'} ${round2(Math.abs(weights - form.totalWeight))} 分。`,
        evidence: { printed: form.totalWeight, sum: weights, fundsWeight, indicators: round2(weightSum) },
      });
    }
    return out;
  },
};

export const ARITHMETIC_CHECKS: readonly Check[] = [
  fundsTotalVsParts,
  subRowScore,
  executionRatePrinted,
  fundsScorePrinted,
  totalScorePrinted,
];
