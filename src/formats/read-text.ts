import type { ImportResult } from '../core/form/import-result.ts';
import type { Form } from '../core/form/schema.ts';
import { readCells } from './cells/read-cells.ts';
import { gridToForms } from './grid/grid-to-form.ts';
import { textToGrid } from './lifecycle/text-grid.ts';
import { isLifecycleKind, kindOfTitle } from './lifecycle/vocabulary.ts';
import { importText } from './text/index.ts';

// Text of any layout → every form in it. Two readers, one vocabulary: the cell reader
// (cells/) reads any layout — cells split by `|`, one per line, flattened, run together,
// scrambled — by the labels of the template families and the form's own arithmetic; the line
// reader (text/) follows poppler's default reading order, where a narrow cell's text wraps
// over several lines and only the lines' widths tell two wrapped cells apart. A form the line
// reader reads completely and consistently is taken as it is; otherwise both readings are
// compared and the one that reads more of the form, more consistently, wins.

export type ReadTextOptions = { fileName?: string; defaultYear?: number };

export function readText(text: string, options: ReadTextOptions = {}): ImportResult[] {
  // The lifecycle kinds (lifecycle.md §2) are told by their title and read by position into the
  // grid every other format is read from.
  if (lifecycleTitle(text)) {
    const forms = gridToForms(textToGrid(text), {
      fileName: options.fileName ?? '',
      fromText: true,
      ...(options.defaultYear === undefined ? {} : { defaultYear: options.defaultYear }),
    });
    if (forms.length > 0) return forms;
  }
  const lines = importText(text, { fileName: options.fileName });
  // The line reader reads the national form's layout only.
  if (/项目支出绩效自评表$/.test(lines.form.title)) lines.form.template = 'national-2020';
  if (complete(lines.form) || mostlyRead(lines.form)) return [lines];
  let cells: ImportResult[] = [];
  try {
    cells = readCells(text, options);
  } catch (e) {
    lines.warnings.push({
      path: '',
      message: `按单元格读取时出错（${(e as Error).message}），只用逐行读取的结果`,
      confidence: 0.5,
    });
    return [lines];
  }
  if (cells.length === 0) return [lines];
  const best = cells.reduce((a, b) => (quality(b) > quality(a) ? b : a));
  return quality(best) > quality(lines) ? cells : [lines];
}

/** Everything a complete form has, adding up: the line reader's reading needs no second opinion. */
function complete(f: Form): boolean {
  const t = f.funds.total;
  if (!f.title || !f.projectName || !t || f.indicators.length < 3) return false;
  if (typeof t.executed !== 'number' || typeof t.executionRate !== 'number') return false;
  const base = t.annualBudget ?? t.initialBudget;
  if (typeof base !== 'number' || base <= 0) return false;
  if (Math.abs((100 * t.executed) / base - t.executionRate) > 0.06) return false;
  if (f.indicators.some((r) => !r.name || !r.target || !r.actual || r.weight === null || r.score === null))
    return false;
  // The weights add up to the printed 总分 (or, where the 总分 row is missing, to 100).
  const weights = f.indicators.reduce((a, r) => a + (r.weight ?? 0), 0) + (t.weight ?? 0);
  return Math.abs(weights - (f.totalWeight ?? 100)) < 0.01;
}

/**
 * The line reader found the form's parts and nearly every row reads whole: a damaged line here
 * or there (a text edited by hand, a page lost) is not a reason to read the text a second way.
 */
function mostlyRead(f: Form): boolean {
  if (f.indicators.length < 5) return false;
  const whole = f.indicators.filter(
    (r) => r.name && r.target && r.weight !== null && r.score !== null && r.score <= r.weight,
  ).length;
  return whole >= 5 && whole / f.indicators.length >= 0.6;
}

/** How much of the form a reading found, and how well its figures agree. */
export function quality(r: ImportResult): number {
  const f = r.form;
  let q = 0;
  for (const k of ['title', 'projectName', 'competentDepartment', 'implementingUnit'] as const)
    if (f[k]) q += 1;
  for (const row of [f.funds.total, f.funds.fiscal]) {
    if (!row) continue;
    for (const v of Object.values(row)) if (typeof v === 'number') q += 0.5;
  }
  const t = f.funds.total;
  const base = t?.annualBudget ?? t?.initialBudget;
  if (
    t &&
    typeof t.executed === 'number' &&
    typeof base === 'number' &&
    base > 0 &&
    typeof t.executionRate === 'number'
  )
    q += Math.abs((100 * t.executed) / base - t.executionRate) < 1.01 ? 3 : -3;
  if (f.goals.expected) q += 1;
  if (f.goals.actual) q += 1;
  for (const row of f.indicators) {
    q += (row.name ? 1 : 0) + (row.target ? 1 : 0) + (row.actual ? 1 : 0);
    q += (row.weight !== null ? 1 : 0) + (row.score !== null ? 1 : 0);
    if (row.weight !== null && row.score !== null && row.score > row.weight) q -= 1;
  }
  const weights = f.indicators.reduce((a, row) => a + (row.weight ?? 0), 0) + (t?.weight ?? 0);
  if (f.totalWeight !== null && f.indicators.length > 0)
    q += Math.abs(weights - f.totalWeight) < 0.01 ? 3 : -1;
  q -= Math.min(20, r.warnings.filter((w) => w.confidence < 0.5).length);
  return q;
}

/** A title line near the top naming a declaration, monitoring or department form. */
function lifecycleTitle(text: string): boolean {
  let seen = 0;
  for (const line of text.split(/\r?\n/, 200)) {
    const t = line.trim();
    if (!t) continue;
    if (++seen > 30) return false;
    if (t.length <= 40 && /表/.test(t) && !/\s{2,}/.test(t) && isLifecycleKind(kindOfTitle(t))) return true;
  }
  return false;
}
