import { toNotation } from '../../grammar/format.ts';
import type { Milestone, Quantity, Value } from '../../grammar/value.ts';
import { formatPercent, round2 } from '../../scoring/round.ts';
import { type Check, type Finding, rowField } from '../types.ts';

const MONEY_PER_FUNDS_UNIT = { 万元: 10_000, 元: 1 } as const;
const TOTAL_COST_NAME = /总成本|成本总额|总投入|总费用|总预算|预算控制数|项目总额|资金总额/;
const SPENDING_ACTION = /支出|执行|拨付|使用|到位|支付/;
const EXECUTION_RATE_NAME = /(预算|资金|经费)?(执行率|支出率|支付率|执行进度)/;

const moneyOf = (v: Value): Quantity | null =>
  v.kind === 'quantity' && v.unit?.dimension === 'money' ? v : null;

/** Money written in a funds unit → 元, to compare cost rows with the funds block. */
function fundsInYuan(amount: number, unit: '万元' | '元'): number {
  return amount * MONEY_PER_FUNDS_UNIT[unit];
}

const close = (a: number, b: number): boolean => Math.abs(a - b) <= Math.max(0.5, Math.abs(b) * 1e-6);

/** rules.md §5 cross-field: cost rows vs the total-cost row vs funds executed. */
export const costRows: Check = {
  id: 'cross-field.cost-rows',
  family: 'cross-field',
  source: 'rules.md §5 (cross-field)',
  run({ form, analysed }) {
    const out: Finding[] = [];
    const cost = analysed.rows.filter((r) => r.isCost && moneyOf(r.target) !== null);
    const executed = form.funds.total?.executed;
    const executedYuan = executed == null ? null : fundsInYuan(executed, form.fundsUnit);
    for (const row of cost) {
      const actual = moneyOf(row.actual);
      if (actual && executedYuan !== null && actual.amount > executedYuan + 0.5) {
        out.push({
          code: 'cross-field.cost-above-executed',
          family: 'cross-field',
          severity: 'error',
          row: row.index,
          field: rowField(row.index, 'actual'),
          message: `成本指标“${row.indicator.name}”实际 ${row.indicator.actual}，高于项目资金全年执行数 ${executed}${form.fundsUnit}。`,
          evidence: { actual: row.indicator.actual, actualYuan: actual.amount, executed, executedYuan },
        });
      }
    }
    const totalRow = cost.find((r) => TOTAL_COST_NAME.test(r.indicator.name));
    if (!totalRow) return out;
    const parts = cost.filter((r) => r !== totalRow);
    for (const field of ['target', 'actual'] as const) {
      const total = moneyOf(totalRow[field]);
      const values = parts.map((r) => moneyOf(r[field]));
      if (!total || parts.length === 0 || values.some((v) => v === null)) continue;
      const sum = values.reduce((a, v) => a + (v?.amount ?? 0), 0);
      if (close(sum, total.amount)) continue;
      out.push({
        code: 'cross-field.cost-parts-sum',
        family: 'cross-field',
        severity: 'warning',
        row: totalRow.index,
        rows: parts.map((r) => r.index),
        field: rowField(totalRow.index, field),
        message: `成本指标“${totalRow.indicator.name}”${field === 'target' ? '年度指标值' : '实际完成值'}为 ${totalRow.indicator[field]}，其余成本指标合计 ${showYuan(sum, total)}（${parts.map((r) => `${r.indicator.name} ${r.indicator[field]}`).join('、')}）。`,
        evidence: { total: total.amount, sum, parts: parts.map((r) => r.indicator[field]) },
      });
    }
    const totalActual = moneyOf(totalRow.actual);
    if (
      totalActual &&
      executedYuan !== null &&
      !close(totalActual.amount, executedYuan) &&
      totalActual.amount <= executedYuan
    ) {
      out.push({
        code: 'cross-field.total-cost-vs-executed',
        family: 'cross-field',
        severity: 'warning',
        row: totalRow.index,
        field: rowField(totalRow.index, 'actual'),
        message: `成本指标“${totalRow.indicator.name}”实际 ${totalRow.indicator.actual}，与项目资金全年执行数 ${executed}${form.fundsUnit} 不一致。`,
        evidence: { actualYuan: totalActual.amount, executedYuan },
      });
    }
    return out;
  },
};

/** Shows a sum in the unit the total was written in (`2926万元`). */
function showYuan(yuan: number, like: Quantity): string {
  const factor = like.writtenAmount === 0 ? 1 : like.amount / like.writtenAmount;
  return `${round2(yuan / factor)}${like.unitText}`;
}

function spendingClaims(v: Value): Milestone[] {
  const milestones = v.kind === 'schedule' ? v.milestones : [];
  return milestones.filter(
    (m) => m.quantity?.unit?.dimension === 'ratio' && (SPENDING_ACTION.test(m.action) || m.action === ''),
  );
}

/** rules.md §5 cross-field: schedule/progress claims and execution-rate rows vs the funds block. */
export const executionClaims: Check = {
  id: 'cross-field.execution-claims',
  family: 'cross-field',
  source: 'rules.md §1.2, §5 (cross-field)',
  run({ form, analysed, score, profile }) {
    const out: Finding[] = [];
    const rate = score.funds.rate;
    if (rate === null) return out;
    const yearEnd = `${form.year}-12-31`;
    for (const row of analysed.rows) {
      for (const m of spendingClaims(row.actual)) {
        const claimed = m.quantity!.amount;
        if (m.date < yearEnd || claimed <= rate + 0.5) continue;
        out.push({
          code: 'cross-field.progress-vs-execution',
          family: 'cross-field',
          severity: 'error',
          row: row.index,
          field: rowField(row.index, 'actual'),
          message: `指标“${row.indicator.name}”实际完成值称“${toNotation({ kind: 'schedule', milestones: [m] })}”，而项目资金执行率只有 ${formatPercent(rate)}（全年执行数 ${form.funds.total?.executed} ÷ 预算数 ${form.funds.total?.annualBudget ?? form.funds.total?.initialBudget}）。`,
          evidence: { claimed, executionRate: round2(rate), date: m.date },
        });
      }
      if (EXECUTION_RATE_NAME.test(row.indicator.name)) {
        const a = row.actual;
        const claimed = a.kind === 'quantity' && a.unit?.dimension === 'ratio' ? a.amount : null;
        const differs = claimed !== null && Math.abs(claimed - rate) > 0.5;
        out.push({
          code: 'cross-field.execution-rate-indicator',
          family: 'cross-field',
          severity: differs ? 'error' : 'info',
          row: row.index,
          field: rowField(row.index, differs ? 'actual' : 'name'),
          message: differs
            ? `指标“${row.indicator.name}”实际 ${row.indicator.actual}，与项目资金执行率 ${formatPercent(rate)} 不一致；且预算执行已在资金部分计分，不宜重复设为产出指标。`
            : `指标“${row.indicator.name}”与资金部分的预算执行率重复计分（资金部分已占 ${profile.weights.funds} 分）。`,
          evidence: { actual: row.indicator.actual, executionRate: round2(rate) },
        });
      }
    }
    const outputs = score.rows.filter((r) => r.level1.includes('产出') && r.selfScore !== null);
    if (
      rate < profile.execution.lowRateAllMet &&
      outputs.length > 0 &&
      outputs.every((r) => (r.selfScore ?? 0) >= r.weight)
    ) {
      out.push({
        code: 'cross-field.low-execution-all-met',
        family: 'cross-field',
        severity: 'warning',
        field: 'funds.total.executionRate',
        message: `项目资金执行率仅 ${formatPercent(rate)}，而全部 ${outputs.length} 个产出指标均自评满分。`,
        evidence: { executionRate: round2(rate), outputs: outputs.length },
      });
    }
    return out;
  },
};

export const CROSS_FIELD_CHECKS: readonly Check[] = [costRows, executionClaims];
