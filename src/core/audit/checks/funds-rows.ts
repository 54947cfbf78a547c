import type { Form, FundsRow } from '../../form/schema.ts';
import { fundsSubRows, rowRate } from '../../scoring/funds.ts';
import { formatPercent, round2 } from '../../scoring/round.ts';
import type { Check, Finding } from '../types.ts';

// The funds block's rows against each other: 年度资金总额 and its 其中 rows (当年财政拨款, 上年结转资金,
// 其他资金 and the v1.1 extra rows: 财政专户管理资金, 单位资金 …). rules.md §5 arithmetic.

const COLUMNS = [
  ['initialBudget', '年初预算数'],
  ['annualBudget', '全年预算数'],
  ['executed', '全年执行数'],
] as const;

/** Amounts agree when they differ by less than half a cent of the printed precision. */
const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

const isZeroOrBlank = (row: FundsRow): boolean => COLUMNS.every(([key]) => !row[key]);

const money = (form: Form, n: number | null | undefined): string => `${n ?? '空'}${form.fundsUnit}`;

/**
 * rules.md §5 arithmetic: 年度资金总额 differs from the sum of its sub-rows (财政拨款 + 结转 + 其他,
 * and extra rows). A total row left all zero (or blank) beside sub-rows that hold money is one
 * finding, not one per column.
 */
export const fundsTotalVsParts: Check = {
  id: 'funds.sub-rows-sum',
  family: 'arithmetic',
  source: 'rules.md §5 (arithmetic)',
  run({ form }) {
    const parts = fundsSubRows(form);
    if (parts.length === 0) return [];
    const total = form.funds.total;
    // Filtered only for a blank total row: this check runs on every form, and most totals are filled.
    const withMoney =
      total === null || isZeroOrBlank(total) ? parts.filter((p) => !isZeroOrBlank(p.row)) : [];
    if (withMoney.length > 0) {
      const sum = (key: (typeof COLUMNS)[number][0]) =>
        round2(parts.reduce((a, p) => a + (p.row[key] ?? 0), 0));
      const rate = rowRate({
        annualBudget: sum('annualBudget'),
        initialBudget: sum('initialBudget'),
        executed: sum('executed'),
      });
      const shown = withMoney
        .map(
          (p) =>
            `“${p.label}”全年预算数 ${money(form, p.row.annualBudget)}、全年执行数 ${money(form, p.row.executed)}`,
        )
        .join('；');
      return [
        {
          code: 'funds.total-row-empty',
          family: 'arithmetic',
          severity: total === null ? 'warning' : 'error',
          field: 'funds.total',
          message:
            `年度资金总额行${total === null ? '为空' : '各栏均为 0'}，而其中${shown}：总额行应为其中各项之和` +
            `${rate === null ? '' : `，按各项之和执行率为 ${formatPercent(rate)}，不是 0`}。`,
          evidence: { total, parts: withMoney.map((p) => ({ label: p.label, ...p.row })) },
        },
      ];
    }
    if (!total) return [];
    const out: Finding[] = [];
    for (const [key, label] of COLUMNS) {
      const t = total[key];
      const values: number[] = [];
      for (const p of parts) {
        const v = p.row[key];
        if (v != null) values.push(v);
      }
      if (t == null || values.length === 0) continue;
      const sum = round2(values.reduce((a, b) => a + b, 0));
      if (same(sum, t)) continue;
      out.push({
        code: 'funds.sub-rows-sum',
        family: 'arithmetic',
        severity: 'error',
        field: `funds.total.${key}`,
        message: `项目资金“${label}”：年度资金总额 ${t}${form.fundsUnit}，而其中各项（${parts.map((p) => `${p.label} ${p.row[key] ?? '空'}`).join('、')}）之和为 ${sum}${form.fundsUnit}，相差 ${round2(t - sum)}${form.fundsUnit}。`,
        evidence: { column: key, total: t, sum, parts: values },
      });
    }
    // A 0% rate on the total row while a sub-row reports spending (rules.md §1.2, §5 arithmetic).
    // Only a printed 0 says so: a blank 全年执行数 beside a printed rate is a missing cell, not 0%.
    const zero = total.executed === 0 || (total.executed == null && total.executionRate === 0);
    const spent = zero ? parts.filter((p) => (p.row.executed ?? 0) > 0) : [];
    if (spent.length > 0) {
      out.push({
        code: 'funds.zero-rate-with-spending',
        family: 'arithmetic',
        severity: 'error',
        field: 'funds.total.executed',
        message:
          `年度资金总额全年执行数为 ${money(form, total.executed)}（执行率 ${formatPercent(total.executionRate ?? 0)}），` +
          `而其中${spent.map((p) => `“${p.label}”全年执行数 ${money(form, p.row.executed)}`).join('、')}：资金已有支出，执行率不应为 0。`,
        evidence: {
          executed: total.executed ?? null,
          printedRate: total.executionRate ?? null,
          spending: spent.map((p) => ({ label: p.label, executed: p.row.executed })),
        },
      });
    }
    return out;
  },
};

/**
 * rules.md §1.2, §5 (arithmetic, structure): 预算执行率 is scored once, on the 年度资金总额 row. A 其中
 * row printing its own 分值 / 得分 that differ from the total row's (or where the total row has none)
 * leaves the reader two funds scores.
 */
export const subRowScore: Check = {
  id: 'funds.sub-row-score',
  family: 'structure',
  source: 'rules.md §1.2, §5 (structure)',
  run({ form }) {
    const total = form.funds.total;
    const out: Finding[] = [];
    for (const { label, row, field } of fundsSubRows(form)) {
      if (row.weight === undefined && row.score === undefined) continue;
      const weightDiffers =
        row.weight !== undefined && (total?.weight === undefined || !same(row.weight, total.weight));
      const scoreDiffers =
        row.score !== undefined && (total?.score === undefined || !same(row.score, total.score));
      if (!weightDiffers && !scoreDiffers) continue;
      const printed = (r: FundsRow | null | undefined) =>
        `分值 ${r?.weight ?? '空'}、得分 ${r?.score ?? '空'}`;
      const both = total?.weight !== undefined || total?.score !== undefined;
      out.push({
        code: 'funds.sub-row-score',
        family: 'structure',
        severity: both ? 'error' : 'warning',
        field: `${field}.${scoreDiffers ? 'score' : 'weight'}`,
        message: both
          ? `其中“${label}”行印有${printed(row)}，与年度资金总额行的${printed(total)}不同：预算执行率只在年度资金总额行计分一次。`
          : `其中“${label}”行印有${printed(row)}，而年度资金总额行没有分值和得分：预算执行率应在年度资金总额行计分。`,
        evidence: {
          label,
          weight: row.weight ?? null,
          score: row.score ?? null,
          totalWeight: total?.weight ?? null,
          totalScore: total?.score ?? null,
        },
      });
    }
    return out;
  },
};
