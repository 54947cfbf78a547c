// The indicator table: columns from the header row's vocabulary, rows down to 总分. An empty
// 一级/二级 cell continues the group above it (a merged cell keeps its text in its top row).

import type { Form, Indicator } from '../../core/form/schema.ts';
import { joinWrapped } from './cell-text.ts';
import {
  INDICATOR_COL_NAMES,
  type IndicatorCol,
  impliedLevel1,
  indicatorColumn,
  isPageMark,
  isTotalLabel,
  isTrailerLabel,
  stripLabelWeight,
} from './indicator-labels.ts';
import type { GridReport } from './report.ts';
import { isIndicatorHeader, levelColumn, type Sections, type Segment } from './segments.ts';
import { readNumber } from './values.ts';
import type { GridView } from './view.ts';

type Columns = Partial<Record<IndicatorCol, number>>;

/** Column of each field, from the header row and, for a two-row header, the row below it. */
function headerColumns(view: GridView, h: number, end: number): { cols: Columns; rows: number } {
  const cols: Columns = {};
  const take = (r: number): number => {
    let n = 0;
    for (const c of view.filled(r)) {
      const col = indicatorColumn(view.key(r, c));
      if (col && cols[col] === undefined && !Object.values(cols).includes(c)) {
        cols[col] = c;
        n++;
      }
    }
    return n;
  };
  take(h);
  // A two-row header names sub-columns below (`年度指标值` over `全年` …) and holds no figures.
  const below = h + 1;
  if (
    below < end &&
    view.filled(below).every((c) => indicatorColumn(view.key(below, c)) !== null) &&
    view.filled(below).length > 0
  ) {
    take(below);
    return { cols, rows: 2 };
  }
  return { cols, rows: 1 };
}

export function readIndicators(
  view: GridView,
  seg: Segment,
  sec: Sections,
  form: Form,
  report: GridReport,
): void {
  if (sec.indicatorHeader === null) {
    report.warn(
      'indicators',
      '未找到绩效指标表头：应有“一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分”一行，没有找到',
      0,
      view.source(seg.start),
    );
    report.warn('totalScore', '未找到“总分”一行', 0);
    return;
  }
  const h = sec.indicatorHeader;
  const end = sec.total ?? seg.end;
  const { cols, rows: headerRows } = headerColumns(view, h, end);
  for (const need of ['name', 'weight', 'score'] as const) {
    if (cols[need] === undefined) {
      report.warn(
        'indicators',
        `${view.where(h)} 绩效指标表头中没有“${INDICATOR_COL_NAMES[need]}”一栏`,
        0.5,
        view.source(h),
      );
    }
  }
  const text = (r: number, col: IndicatorCol): string =>
    cols[col] === undefined ? '' : view.text(r, cols[col]);
  const firstDataCol = Math.min(...Object.values(cols));
  const levelCol = levelColumn(view, h);
  let level1 = '';
  let level2 = '';
  let pendingLevel1 = false;
  const out: Indicator[] = [];
  let prevRow = -1;
  for (let r = h + headerRows; r < end; r++) {
    if (isIndicatorHeader(view, r)) continue; // the header repeated after a page break
    const filled = view.filled(r);
    if (filled.length === 0) continue;
    const lead = view.key(r, filled[0]!);
    if (filled.length === 1 && isPageMark(lead)) continue;
    if (filled[0]! <= levelCol && (isTrailerLabel(lead) || isTotalLabel(lead))) break;
    const l1 = stripLabelWeight(text(r, 'level1'));
    const l2 = stripLabelWeight(text(r, 'level2'));
    if (l1) {
      level1 = l1;
      level2 = '';
    }
    if (l2) level2 = l2;
    const name = text(r, 'name');
    const target = text(r, 'target');
    const actual = text(r, 'actual');
    const deviation = text(r, 'deviation');
    const weightText = text(r, 'weight');
    const scoreText = text(r, 'score');
    if (!name && !target && !actual && !deviation && !weightText && !scoreText) continue; // a group label alone
    const k = out.length;
    const path = `indicators[${k}]`;
    const prev = out[k - 1];
    if (prev && !l1 && !l2 && !weightText && !scoreText && newPage(view, prevRow, r)) {
      // A row split by a page break (PDF grids): the first row of a page with no level, weight or
      // score is the rest of the last row of the page before.
      prev.name = joinWrapped([prev.name, name]);
      prev.target = joinWrapped([prev.target, target]);
      prev.actual = joinWrapped([prev.actual, actual]);
      prev.deviation = joinWrapped([prev.deviation, deviation]);
      report.warn(
        `indicators[${k - 1}]`,
        `${view.where(r)} 在新一页开头、没有分值和得分，视为上一页最后一行指标的续行`,
        0.6,
        view.source(r),
      );
      continue;
    }
    const implied = level1 ? undefined : impliedLevel1(level2);
    if (implied) {
      level1 = implied;
      if (cols.level1 !== undefined) pendingLevel1 = true;
    }
    const ind: Indicator = {
      level1,
      level2,
      name,
      target: withUnit(withComparator(target, text(r, 'nature')), text(r, 'unit')),
      // The actual stays as printed in its own cell (Form JSON v1.1, docs/form-json.md): a bare
      // figure takes the target's unit when it is scored.
      actual,
      weight: score(view, r, cols.weight, `${path}.weight`, '分值', report),
      score: score(view, r, cols.score, `${path}.score`, '得分', report),
      deviation,
    };
    // Form JSON v1.1: the target's columns as printed, where the template prints them apart.
    if ((cols.nature !== undefined || cols.unit !== undefined) && (text(r, 'nature') || text(r, 'unit')))
      ind.targetParts = { nature: text(r, 'nature'), value: target, unit: text(r, 'unit') };
    if (cols.deduction !== undefined) {
      const d = readNumber(view, r, cols.deduction, `${path}.deduction`, '扣分', report);
      if (d.kind === 'number') ind.deduction = d.value;
    }
    out.push(ind);
    prevRow = r;
    for (const f of ['level1', 'level2', 'name', 'target', 'actual', 'deviation'] as const)
      report.set(`${path}.${f}`, 0.95);
    if (!ind.level1)
      report.warn(
        `${path}.level1`,
        `${view.where(r)} 一级指标为空，上方也没有可沿用的一级指标`,
        0.3,
        view.source(r, cols.level1),
      );
    if (!ind.name)
      report.warn(
        `${path}.name`,
        `${view.where(r)} 三级指标（指标名称）为空`,
        0.5,
        view.source(r, cols.name),
      );
  }
  if (pendingLevel1)
    report.warn(
      'indicators',
      '部分行的一级指标为空，已按二级指标推断（如 数量指标 → 产出指标）',
      0.7,
      view.source(h),
    );
  form.indicators = out;
  report.set('indicators', out.length > 0 ? 0.95 : 0.3);
  if (out.length === 0)
    report.warn('indicators', `${view.where(h)} 绩效指标表头下没有指标行`, 0.3, view.source(h));
  readTotal(view, sec, cols, firstDataCol, form, report);
}

/** Rows on different pages (only grids read from PDF know pages). */
function newPage(view: GridView, a: number, b: number): boolean {
  const pa = view.grid.rowSource[a]?.page;
  const pb = view.grid.rowSource[b]?.page;
  return pa !== undefined && pb !== undefined && pa !== pb;
}

function score(
  view: GridView,
  r: number,
  c: number | undefined,
  path: string,
  what: string,
  report: GridReport,
): number | null {
  if (c === undefined) return null;
  const v = readNumber(view, r, c, path, what, report);
  if (v.kind === 'number') report.set(path, 0.95);
  return v.kind === 'number' ? v.value : null;
}

/** A 指标性质 column holding a comparator (四川 `≥`) belongs in front of a bare target value. */
function withComparator(target: string, nature: string): string {
  if (!target || !/^(?:[≥≤><=＞＜＝]|>=|<=|≧|≦)$/.test(nature) || target.startsWith(nature)) return target;
  return `${nature}${target}`;
}

/** A 计量单位 column's unit belongs after a bare number: `180` + `篇` → `180篇`. */
function withUnit(value: string, unit: string): string {
  if (!value || !unit || !/\d\s*$/.test(value) || value.endsWith(unit)) return value;
  return `${value}${unit}`;
}

function readTotal(
  view: GridView,
  sec: Sections,
  cols: Columns,
  firstDataCol: number,
  form: Form,
  report: GridReport,
): void {
  const t = sec.total;
  if (t === null) {
    report.warn('totalScore', '未找到“总分”一行：指标表末尾应有“总分”及分值、得分', 0.3);
    return;
  }
  const labelCol = view.filled(t)[0]!;
  const numbers: { c: number; v: number }[] = [];
  for (const c of view.filled(t)) {
    if (c === labelCol) continue;
    const v = readNumber(view, t, c, 'totalScore', '总分', report);
    if (v.kind === 'number') numbers.push({ c, v: v.value });
  }
  const at = (c: number | undefined) => numbers.find((n) => n.c === c)?.v ?? null;
  form.totalWeight = at(cols.weight);
  form.totalScore = at(cols.score);
  if (form.totalWeight === null && form.totalScore === null && numbers.length > 0) {
    // 总分 printed away from the 分值/得分 columns: two figures are weight and score, one is the score.
    const ns = numbers.filter((n) => n.c >= firstDataCol || n.c > labelCol);
    if (ns.length >= 2) {
      form.totalWeight = ns[0]!.v;
      form.totalScore = ns[1]!.v;
    } else if (ns.length === 1) form.totalScore = ns[0]!.v;
    report.warn(
      'totalScore',
      `${view.where(t)} 总分不在“分值”“得分”两栏下，已按位置读取`,
      0.6,
      view.source(t),
    );
  }
  report.set('totalWeight', form.totalWeight === null ? 0.5 : 0.95);
  report.set('totalScore', form.totalScore === null ? 0.5 : 0.95);
}
