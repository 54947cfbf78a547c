// 年度总体目标: the 预期目标 / 实际完成情况 headers and the narrative cells under them.

import type { Form } from '../../core/form/schema.ts';
import { narrativeText } from './cell-text.ts';
import { isActualHeader, isExpectedHeader, isGoalsLabel } from './labels.ts';
import type { GridReport } from './report.ts';
import type { Sections, Segment } from './segments.ts';
import type { GridView } from './view.ts';

export function readGoals(view: GridView, seg: Segment, sec: Sections, form: Form, report: GridReport): void {
  if (sec.goals === null) {
    report.warn(
      'goals',
      '未找到“年度总体目标”：应有“年度总体目标”及预期目标、实际完成情况，没有找到',
      0,
      view.source(seg.start),
    );
    return;
  }
  const g = sec.goals;
  const end = Math.min(sec.indicatorHeader ?? seg.end, seg.end);
  const labelCol = view.filled(g).find((c) => isGoalsLabel(view.key(g, c)))!;
  if (readStacked(view, g, end, labelCol, form, report)) return;
  // The sub-header row: 预期目标 | 实际完成情况, on the label's row or just below it.
  for (let r = g; r < Math.min(end, g + 3); r++) {
    const exp = view.filled(r).find((c) => isExpectedHeader(view.key(r, c)));
    const act = view.filled(r).find((c) => isActualHeader(view.key(r, c)));
    if (exp === undefined && act === undefined) continue;
    const expCol = exp ?? labelCol + 1;
    const actCol = act ?? Number.POSITIVE_INFINITY;
    const expected: string[] = [];
    const actual: string[] = [];
    for (let k = r + 1; k < end; k++) {
      for (const c of view.filled(k)) {
        if (c <= labelCol) continue;
        if (c >= actCol) actual.push(view.raw(k, c));
        else if (c >= expCol) expected.push(view.raw(k, c));
      }
    }
    form.goals = { expected: narrativeText(expected), actual: narrativeText(actual) };
    report.set('goals.expected', exp === undefined ? 0.6 : 0.95);
    report.set('goals.actual', act === undefined ? 0.6 : 0.95);
    if (act === undefined)
      report.warn('goals.actual', `${view.where(r)} 未找到“实际完成情况”一栏`, 0.3, view.source(r));
    if (!form.goals.expected)
      report.warn('goals.expected', `${view.where(r)} “预期目标”一栏为空`, 0.5, view.source(r));
    if (!form.goals.actual)
      report.warn('goals.actual', `${view.where(r)} “实际完成情况”一栏为空`, 0.5, view.source(r));
    return;
  }
  // No sub-header: the text cells right of the label, first 预期, then 实际.
  const cells: string[] = [];
  for (let k = g; k < end; k++) for (const c of view.filled(k)) if (c > labelCol) cells.push(view.raw(k, c));
  form.goals = { expected: narrativeText(cells.slice(0, 1)), actual: narrativeText(cells.slice(1)) };
  report.warn(
    'goals',
    `${view.where(g)} 年度总体目标：未找到“预期目标”“实际完成情况”小标题，按位置读取`,
    0.5,
    view.source(g),
  );
}

/**
 * The stacked variant: `预期目标` and `实际完成情况` one above the other in one column, each with its
 * text to the right (年度总体目标 | 预期目标 | text / | 实际完成情况 | text).
 */
function readStacked(
  view: GridView,
  g: number,
  end: number,
  labelCol: number,
  form: Form,
  report: GridReport,
): boolean {
  let exp: { r: number; c: number } | null = null;
  let act: { r: number; c: number } | null = null;
  for (let r = g; r < Math.min(end, g + 6); r++) {
    for (const c of view.filled(r)) {
      if (c <= labelCol) continue;
      if (!exp && isExpectedHeader(view.key(r, c))) exp = { r, c };
      else if (!act && isActualHeader(view.key(r, c))) act = { r, c };
    }
  }
  if (!exp || !act || exp.r === act.r || exp.c !== act.c) return false;
  const right = (from: number, to: number, col: number): string[] => {
    const out: string[] = [];
    for (let k = from; k < to; k++) for (const c of view.filled(k)) if (c > col) out.push(view.raw(k, c));
    return out;
  };
  const [first, second] = exp.r < act.r ? [exp, act] : [act, exp];
  const a = narrativeText(right(first.r, second.r, first.c));
  const b = narrativeText(right(second.r, end, second.c));
  form.goals = exp.r < act.r ? { expected: a, actual: b } : { expected: b, actual: a };
  report.set('goals.expected', 0.9);
  report.set('goals.actual', 0.9);
  return true;
}
