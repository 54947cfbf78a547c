import type { Form, FormKind, FundsRow, Indicator } from '../../core/form/schema.ts';
import { formatAmount, formatPercent, formatScore } from '../../core/scoring/round.ts';
import {
  ALWAYS_INDICATOR,
  type ColumnSpec,
  type ColumnType,
  FIELD_SPECS,
  type FieldSpec,
  FUNDS_COLUMNS,
  FUNDS_ROW_KEYS,
  GOAL_FIELDS,
  getPath,
  INDICATOR_COLUMNS,
  printsField,
  SMALL_TABLES,
} from '../lifecycle/fields.ts';
import { lifecycleVocabulary, printedLabel } from '../lifecycle/vocabulary.ts';
import type { CellRole, ExportGrid, GridCell } from './grid.ts';

// The printed layout of the three lifecycle kinds (lifecycle.md §2.1–2.3): 绩效目标申报表 (88号 with
// 中期/年度 targets, 奉节 with 分值 and 一级指标 ranges), 绩效运行监控表 (136号/黄石: 1–N月 columns,
// 完成目标可能性, 偏差原因) and 部门整体支出绩效自评表 (重庆: 年初/调整 values, 得分系数, 是否核心指标).
// One grid, rendered by the same xlsx/docx/PDF/HTML writers as the self-evaluation: a title, label
// rows (label │ value), then each table under its own heading row and column-head row. Columns a
// form does not fill are not printed, so each kind prints its own official columns.

const NOT_PRINTED = (): string => lifecycleVocabulary().values.notPrinted;

type Cell = { text: string; role: CellRole; value?: number };

function valueCell(v: unknown, type: ColumnType): Cell {
  if (v === undefined) return { text: NOT_PRINTED(), role: 'text' };
  if (v === null) return { text: '', role: 'text' };
  const vals = lifecycleVocabulary().values;
  switch (type) {
    case 'amount':
      return { text: formatAmount(v as number), role: 'amount', value: v as number };
    case 'percent':
      return { text: formatPercent(v as number), role: 'percent', value: v as number };
    case 'points':
      return { text: formatScore(v as number), role: 'score', value: v as number };
    case 'bool':
      return { text: v ? vals.yes[0]! : vals.no[0]!, role: 'text' };
    case 'list':
      return { text: (v as string[]).join(vals.causeSeparator), role: 'text' };
    default:
      return { text: String(v), role: 'text' };
  }
}

function fieldText(form: Form, spec: FieldSpec): Cell {
  const v = getPath(form, spec.path);
  const vals = lifecycleVocabulary().values;
  switch (spec.type) {
    case 'month':
      return { text: `1-${v as number}月`, role: 'text' };
    case 'bool':
      return { text: v ? vals.yes[0]! : vals.no[0]!, role: 'text' };
    case 'status':
      return { text: vals.status[v as string] ?? String(v), role: 'text' };
    case 'grade':
      return { text: (v as string | null) ?? '', role: 'text' };
    case 'points':
      return valueCell(v, 'points');
    case 'int':
      return { text: String(v), role: 'text' };
    default:
      return { text: (v as string | undefined) ?? '', role: 'text' };
  }
}

/** The columns a table prints: those some row fills (and the frame columns always). */
function usedColumns<T>(
  specs: readonly ColumnSpec<T>[],
  rows: readonly T[],
  always: ReadonlySet<string>,
): ColumnSpec<T>[] {
  return specs.filter((s) => {
    if (always.has(s.name)) return true;
    if (s.required === 'empty') return rows.some((r) => s.get(r) !== '');
    if (s.required === 'null') return rows.some((r) => s.get(r) !== null);
    return rows.some((r) => s.get(r) !== undefined);
  });
}

const WIDTH: Partial<Record<string, number>> = {
  name: 16,
  target: 10,
  level1: 9,
  level2: 10,
  isCore: 6,
  weight: 6,
  score: 6,
  scoreRate: 7,
  comparator: 6,
  unit: 6,
  likelihood: 8,
};

type Table = { heading: string; heads: string[]; widths: number[]; rows: Cell[][] };

export function lifecycleGrid(form: Form): ExportGrid {
  const v = lifecycleVocabulary();
  const kind = form.kind;
  const title = form.title || v.titles[kind]?.[0] || '绩效目标申报表';
  const fieldLabel = (path: string) => printedLabel(kind, path, v.fields[path], form.asOfMonth);
  const sectionLabel = (name: string) => printedLabel(kind, `sections.${name}`, v.sections[name]);
  const columnLabel = (table: string, name: string) =>
    printedLabel(kind, `${table}.${name}`, v.columns[table]?.[name], form.asOfMonth);

  const tables = new Map<string, Table>();
  const indicatorTable = (rows: readonly Indicator[], section: string): Table => {
    const cols = usedColumns(INDICATOR_COLUMNS, rows, ALWAYS_INDICATOR);
    return {
      heading: sectionLabel(section),
      heads: cols.map((c) => columnLabel('indicators', c.name)),
      widths: cols.map((c) => WIDTH[c.name] ?? 12),
      // A blank level cell continues the group above (a merged cell, as real forms print them):
      // a row with no level of its own says so with the not-printed mark.
      rows: rows.map((r) =>
        cols.map((c) =>
          (c.name === 'level1' || c.name === 'level2') && c.get(r) === ''
            ? { text: NOT_PRINTED(), role: 'text' as const }
            : valueCell(c.get(r), c.type),
        ),
      ),
    };
  };

  // Funds: 年度资金总额 and its sources (declaration, monitoring), 基本支出 / 项目支出 (department).
  const fundsRows: [string, FundsRow | null][] = [];
  for (const key of FUNDS_ROW_KEYS) {
    const row = form.funds[key];
    if (row === undefined) continue;
    if (row === null && (key === 'basic' || key === 'project')) fundsRows.push([key, null]);
    else if (row !== null) fundsRows.push([key, row]);
  }
  if (fundsRows.length > 0) {
    const present = fundsRows.flatMap(([, r]) => (r ? [r] : []));
    const cols = FUNDS_COLUMNS.filter((c) => present.some((r) => c.get(r) !== undefined));
    tables.set('funds', {
      heading: `${sectionLabel('funds')}（${form.fundsUnit}）`,
      heads: [columnLabel('funds', 'label'), ...cols.map((c) => columnLabel('funds', c.name))],
      widths: [14, ...cols.map(() => 11)],
      rows: fundsRows.map(([key, r]) => [
        { text: printedLabel(kind, `fundsRows.${key}`, v.columns.fundsRows?.[key]), role: 'label' },
        ...cols.map((c) => (r === null ? { text: '', role: 'text' as const } : valueCell(c.get(r), c.type))),
      ]),
    });
  }
  const small = (name: string, rows: readonly Record<string, unknown>[]): void => {
    const specs = SMALL_TABLES[name]!;
    const cols = specs.filter((s) => !s.optional || rows.some((r) => r[s.name] !== undefined));
    tables.set(name, {
      heading: name === 'midTermFunds' ? `${sectionLabel(name)}（${form.fundsUnit}）` : sectionLabel(name),
      heads: cols.map((c) => columnLabel(name, c.name)),
      widths: cols.map((c) => (c.type === 'text' ? 14 : 11)),
      rows: rows.map((r) => cols.map((c) => valueCell(r[c.name], c.type))),
    });
  };
  if (form.midTermFunds) small('midTermFunds', [form.midTermFunds]);
  if (form.otherSources) small('otherSources', form.otherSources);
  if (form.costBuildUp) small('costBuildUp', form.costBuildUp);
  if (form.schedule) small('schedule', form.schedule);
  if (form.level1Weights) small('level1Weights', form.level1Weights);
  tables.set('indicators', indicatorTable(form.indicators, 'indicators'));
  if (form.midTermIndicators)
    tables.set('midTermIndicators', indicatorTable(form.midTermIndicators, 'midTermIndicators'));
  if (form.review && form.review.opinions.length > 0) small('opinions', form.review.opinions);

  const width = Math.max(4, ...[...tables.values()].map((t) => t.heads.length));
  const columnWidths = Array.from({ length: width }, (_, c) =>
    Math.max(c === 0 ? 14 : 8, ...[...tables.values()].map((t) => t.widths[c] ?? 0)),
  );
  const cells: GridCell[] = [];
  let row = 0;
  const put = (col: number, cell: Cell, colSpan = 1, align?: GridCell['align']) => {
    cells.push({
      row,
      col,
      rowSpan: 1,
      colSpan,
      role: cell.role,
      text: cell.text,
      align:
        align ??
        (cell.role === 'text'
          ? 'left'
          : cell.role === 'amount' || cell.role === 'score' || cell.role === 'percent'
            ? 'right'
            : 'center'),
      ...(cell.value === undefined ? {} : { value: cell.value }),
    });
  };
  put(0, { text: title, role: 'title' }, width);
  row++;
  put(0, { text: `（${form.year}年度）`, role: 'subtitle' }, width);
  row++;
  const labelRow = (label: string, value: Cell) => {
    put(0, { text: label, role: 'label' });
    put(1, value, width - 1, value.role === 'text' ? 'left' : undefined);
    row++;
  };
  const fields = (place: 'head' | 'tail') => {
    for (const spec of FIELD_SPECS)
      if (spec.place === place && printsField(form, spec))
        labelRow(fieldLabel(spec.path), fieldText(form, spec));
  };
  let repeatRow: number | null = null;
  let indicatorStart = 0;
  const table = (name: string) => {
    const t = tables.get(name);
    if (!t) return;
    put(0, { text: t.heading, role: 'label' }, width, 'left');
    row++;
    if (name === 'indicators') {
      indicatorStart = row;
      repeatRow = row;
    }
    for (const [i, h] of t.heads.entries())
      put(i, { text: h, role: 'header' }, i === t.heads.length - 1 ? width - i : 1);
    row++;
    for (const r of t.rows) {
      for (const [i, c] of r.entries()) put(i, c, i === r.length - 1 ? width - i : 1);
      row++;
    }
  };

  fields('head');
  for (const name of ['funds', 'midTermFunds', 'otherSources', 'costBuildUp', 'schedule']) table(name);
  for (const g of GOAL_FIELDS) {
    const value = form.goals[g];
    // `expected` and `actual` are v1's: the goal is printed always, the actual where filled.
    if (value === undefined || (g === 'actual' && value === '' && kind !== 'department-self-evaluation'))
      continue;
    labelRow(printedLabel(kind, `goals.${g}`, v.goals[g], form.asOfMonth), { text: value, role: 'text' });
  }
  table('level1Weights');
  table('indicators');
  table('midTermIndicators');
  fields('tail');
  table('opinions');
  return {
    columnWidths,
    rowCount: row,
    cells,
    repeatRows: repeatRow === null ? null : { from: repeatRow, to: repeatRow },
    indicatorStart,
    title,
  };
}

export function defaultTitle(kind: FormKind): string | undefined {
  return lifecycleVocabulary().titles[kind]?.[0];
}
