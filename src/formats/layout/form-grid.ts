import type { Form, FundsKey, FundsRow, Indicator } from '../../core/form/schema.ts';
import type { Profile } from '../../core/rules/profile.ts';
import { formatAmount, formatPercent, formatScore } from '../../core/scoring/round.ts';
import { lifecycleVocabulary, printedLabel } from '../lifecycle/vocabulary.ts';
import type { CellRole, ExportGrid, GridCell } from './grid.ts';
import { lifecycleGrid } from './lifecycle-grid.ts';

// Columns of the official form (seed PDF): 0 section label │ 1 一级 │ 2 二级 │ 3 三级 │
// 4 年度指标值 │ 5 实际完成值 │ 6 分值 │ 7 得分 │ 8 偏差原因分析及改进措施.
// The funds block reuses them: 1–2 row name │ 3 年初 │ 4 全年预算 │ 5 全年执行 │ 6 分值 │ 7 执行率 │ 8 得分.
export const COLUMN_WIDTHS = [8, 10, 11, 16, 26, 30, 6, 7, 22];

export const FUNDS_COLUMNS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'] as const;
export const INDICATOR_HEADERS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
] as const;

export function fundsLabels(profile: Profile | null): Record<FundsKey, string> {
  return {
    total: '年度资金总额',
    fiscal: `其中：${profile?.form.fiscalLabel ?? '当年财政拨款'}`,
    carryover: '上年结转资金',
    other: '其他资金',
  };
}

/** `产出指标(50分)` where the profile prints level-1 weights in labels (安徽, rules.md §2). */
export function level1Label(level1: string, weight: number, profile: Profile | null): string {
  if (!profile?.form.level1WeightInLabel || /[（(]\s*\d/.test(level1)) return level1;
  return `${level1}(${formatScore(weight)}分)`;
}

class Builder {
  cells: GridCell[] = [];
  row = 0;
  put(
    col: number,
    text: string,
    role: CellRole,
    opts: { colSpan?: number; rowSpan?: number; value?: number; align?: GridCell['align'] } = {},
  ): void {
    const align =
      opts.align ??
      (role === 'text'
        ? 'left'
        : role === 'amount' || role === 'score' || role === 'percent'
          ? 'right'
          : 'center');
    this.cells.push({
      row: this.row,
      col,
      rowSpan: opts.rowSpan ?? 1,
      colSpan: opts.colSpan ?? 1,
      role,
      text,
      align,
      ...(opts.value === undefined ? {} : { value: opts.value }),
    });
  }
}

function numberCell(
  b: Builder,
  col: number,
  v: number | null | undefined,
  role: 'amount' | 'percent' | 'score',
): void {
  if (v === null || v === undefined) {
    b.put(col, role === 'amount' ? '' : '-', 'text', { align: 'center' });
    return;
  }
  const text = role === 'amount' ? formatAmount(v) : role === 'percent' ? formatPercent(v) : formatScore(v);
  b.put(col, text, role, { value: v });
}

/** Lays out a form as the official printed table. */
export function formGrid(form: Form, profile: Profile | null = null): ExportGrid {
  // The lifecycle kinds print their own layouts (lifecycle.md §2.1–2.3).
  if (form.kind !== 'project-self-evaluation') return lifecycleGrid(form);
  const b = new Builder();
  const title = form.title || profile?.form.title || '项目支出绩效自评表';
  b.put(0, title, 'title', { colSpan: 9 });
  b.row++;
  b.put(0, `（${form.year}年度）`, 'subtitle', { colSpan: 9 });
  b.row++;
  b.put(0, '项目名称', 'label', { colSpan: 2 });
  b.put(2, form.projectName, 'text', { colSpan: 7 });
  b.row++;
  b.put(0, '主管部门', 'label', { colSpan: 2 });
  b.put(2, form.competentDepartment, 'text', { colSpan: 3 });
  b.put(5, '实施单位', 'label');
  b.put(6, form.implementingUnit, 'text', { colSpan: 3 });
  b.row++;
  if (form.projectLead !== undefined || form.phone !== undefined) {
    b.put(0, '项目负责人', 'label', { colSpan: 2 });
    b.put(2, form.projectLead ?? '', 'text', { colSpan: 3 });
    b.put(5, '联系电话', 'label');
    b.put(6, form.phone ?? '', 'text', { colSpan: 3 });
    b.row++;
  }

  // v1.2: the keys that link the form to its project's chain (lifecycle.md §2.4), where it has them.
  for (const key of ['projectCode', 'competentDepartmentCode', 'divisionCode', 'targetVersion'] as const) {
    const v = form[key];
    if (v === undefined) continue;
    b.put(0, printedLabel(form.kind, key, lifecycleVocabulary().fields[key]), 'label', { colSpan: 2 });
    b.put(2, String(v), 'text', { colSpan: 7 });
    b.row++;
  }

  // Funds block: a label column spanning the header row and the four funds rows.
  b.put(0, `项目资金（${form.fundsUnit}）`, 'label', { rowSpan: 5 });
  b.put(1, '', 'header', { colSpan: 2 });
  for (const [i, h] of FUNDS_COLUMNS.entries()) b.put(3 + i, h, 'header');
  b.row++;
  const labels = fundsLabels(profile);
  for (const key of ['total', 'fiscal', 'carryover', 'other'] as const) {
    const r: FundsRow | null = form.funds[key];
    b.put(1, labels[key], 'label', { colSpan: 2, align: 'left' });
    numberCell(b, 3, r?.initialBudget, 'amount');
    numberCell(b, 4, r?.annualBudget, 'amount');
    numberCell(b, 5, r?.executed, 'amount');
    if (r === null) {
      for (const c of [6, 7, 8]) b.put(c, '', 'text');
    } else {
      numberCell(b, 6, r.weight, 'score');
      numberCell(b, 7, r.executionRate, 'percent');
      numberCell(b, 8, r.score, 'score');
    }
    b.row++;
  }

  b.put(0, '年度总体目标', 'label', { rowSpan: 2 });
  b.put(1, '预期目标', 'header', { colSpan: 4 });
  b.put(5, '实际完成情况', 'header', { colSpan: 4 });
  b.row++;
  b.put(1, form.goals.expected, 'text', { colSpan: 4 });
  b.put(5, form.goals.actual, 'text', { colSpan: 4 });
  b.row++;

  const indicatorStart = b.row;
  const n = form.indicators.length;
  b.put(0, '绩效指标', 'label', { rowSpan: n + 1 });
  for (const [i, h] of INDICATOR_HEADERS.entries()) b.put(1 + i, h, 'header');
  const headerRow = b.row;
  b.row++;
  const level1Weights = new Map<string, number>();
  for (const i of form.indicators)
    level1Weights.set(i.level1, (level1Weights.get(i.level1) ?? 0) + (i.weight ?? 0));
  const spans1 = runs(form.indicators, (i) => i.level1);
  const spans2 = runs(form.indicators, (i) => `${i.level1}\u0000${i.level2}`);
  for (const [k, ind] of form.indicators.entries()) {
    const s1 = spans1.get(k);
    if (s1)
      b.put(1, level1Label(ind.level1, level1Weights.get(ind.level1) ?? 0, profile), 'label', {
        rowSpan: s1,
      });
    const s2 = spans2.get(k);
    if (s2) b.put(2, ind.level2, 'label', { rowSpan: s2 });
    b.put(3, ind.name, 'text');
    b.put(4, ind.target, 'text');
    b.put(5, ind.actual, 'text');
    numberCell(b, 6, ind.weight, 'score');
    numberCell(b, 7, ind.score, 'score');
    b.put(8, ind.deviation, 'text');
    b.row++;
  }
  b.put(0, '总分', 'label', { colSpan: 6 });
  numberCell(b, 6, form.totalWeight, 'score');
  numberCell(b, 7, form.totalScore, 'score');
  b.put(8, '', 'text');
  b.row++;
  return {
    columnWidths: COLUMN_WIDTHS,
    rowCount: b.row,
    cells: b.cells,
    repeatRows: { from: headerRow, to: headerRow },
    indicatorStart,
    title,
  };
}

/** Start index → length of each run of consecutive rows with the same key (merged group cells). */
function runs(rows: readonly Indicator[], key: (i: Indicator) => string): Map<number, number> {
  const out = new Map<number, number>();
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i === rows.length || key(rows[i]!) !== key(rows[start]!)) {
      out.set(start, i - start);
      start = i;
    }
  }
  return out;
}
