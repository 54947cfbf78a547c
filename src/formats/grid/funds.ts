// 项目资金: the unit, the funds header's columns, and the four funding rows.

import type { Form, FundsKey, FundsRow } from '../../core/form/schema.ts';
import { FUNDS_COL_NAMES, FUNDS_ROW_NAMES, type FundsCol, fundsRowLabel, fundsUnitIn } from './labels.ts';
import type { GridReport } from './report.ts';
import { fundsHeaderColumns, type Sections, type Segment } from './segments.ts';
import { readNumber, readPercent } from './values.ts';
import type { GridView } from './view.ts';

const FUNDS_KEYS: readonly FundsKey[] = ['total', 'fiscal', 'carryover', 'other'];

export function readFunds(view: GridView, seg: Segment, sec: Sections, form: Form, report: GridReport): void {
  readUnit(view, seg, sec, form, report);
  if (sec.fundsHeader === null) {
    report.warn(
      'funds',
      '未找到“项目资金”表头：应有“年初预算数 全年预算数 全年执行数 …”一行，没有找到',
      0,
      view.source(seg.start),
    );
    return;
  }
  const h = sec.fundsHeader;
  const cols = fundsHeaderColumns(view, h)!;
  const firstCol = Math.min(...cols.keys());
  const end = Math.min(sec.goals ?? seg.end, sec.indicatorHeader ?? seg.end, h + 12);
  const seen = new Set<FundsKey>();
  for (let r = h + 1; r < end; r++) {
    const label = rowLabel(view, r, firstCol);
    if (!label || seen.has(label.key)) continue;
    seen.add(label.key);
    readRow(view, r, label.key, cols, form, report);
  }
  for (const key of FUNDS_KEYS) {
    if (!seen.has(key))
      report.warn(`funds.${key}`, `未找到“${FUNDS_ROW_NAMES[key]}”一行，按空白读取`, 0.3, view.source(h));
  }
}

function readUnit(view: GridView, seg: Segment, sec: Sections, form: Form, report: GridReport): void {
  const end = sec.indicatorHeader ?? seg.end;
  for (let r = seg.start; r < end; r++) {
    for (const c of view.filled(r)) {
      const unit = fundsUnitIn(view.key(r, c));
      if (unit) {
        form.fundsUnit = unit;
        report.set('fundsUnit', 0.95);
        return;
      }
    }
  }
  report.warn(
    'fundsUnit',
    '未找到资金单位：应为“项目资金（万元）”或“（元）”，按“万元”读取',
    0.4,
    view.source(seg.start),
  );
}

/** The row's label: left of the first figure column (the block label `项目资金` may share the row). */
function rowLabel(view: GridView, r: number, firstCol: number): { key: FundsKey; col: number } | null {
  for (const c of view.filled(r)) {
    if (c >= firstCol) break;
    const key = fundsRowLabel(view.key(r, c));
    if (key) return { key, col: c };
  }
  return null;
}

function readRow(
  view: GridView,
  r: number,
  key: FundsKey,
  cols: Map<number, FundsCol>,
  form: Form,
  report: GridReport,
): void {
  const path = `funds.${key}`;
  const row: FundsRow = {};
  const rateAt: number[] = [];
  for (const [c, col] of cols) {
    if (col === 'executionRate') {
      rateAt.push(c);
      continue;
    }
    const v = readNumber(
      view,
      r,
      c,
      `${path}.${col}`,
      `${FUNDS_ROW_NAMES[key]} ${FUNDS_COL_NAMES[col]}`,
      report,
    );
    if (v.kind === 'number') {
      row[col] = v.value;
    } else if (col === 'initialBudget' || col === 'annualBudget' || col === 'executed') {
      // A blank budget cell in a printed row is null (the row is there, the figure is not).
      row[col] = null;
    }
  }
  for (const c of rateAt) {
    const budget = row.annualBudget ?? row.initialBudget;
    const expected = budget && row.executed != null ? (row.executed / budget) * 100 : null;
    const v = readPercent(view, r, c, `${path}.executionRate`, expected, report);
    if (v.kind === 'number') row.executionRate = v.value;
  }
  const hasFigure = Object.values(row).some((v) => typeof v === 'number');
  // A row printed blank (or only dashes) is null on the form, as in form-json.md.
  form.funds[key] = hasFigure ? row : null;
  report.set(path, 0.95);
  if (hasFigure) for (const k of Object.keys(row)) report.set(`${path}.${k}`, 0.95);
}
