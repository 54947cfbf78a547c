// Test support only (not imported by the importer): renders a Form as the text layouts the
// importer reads, so property tests can check import(render(form)) = form.

import type { Form, FundsRow } from '../../core/form/schema.ts';
import { textWidth } from './lines.ts';

const FUNDS_LABELS = {
  total: '年度资金总额',
  fiscal: '其中：当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

function fundsCells(row: FundsRow | null): string[] {
  if (!row) return [];
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(v));
  return [
    n(row.initialBudget),
    n(row.annualBudget),
    n(row.executed),
    row.weight === undefined ? '-' : String(row.weight),
    row.executionRate === undefined ? '-' : `${row.executionRate}%`,
    row.score === undefined ? '-' : String(row.score),
  ];
}

function header(form: Form, sep: string): string[] {
  const out = [form.title, `（${form.year}年度）`, `项目名称${sep}${form.projectName}`];
  out.push(`主管部门${sep}${form.competentDepartment}${sep}实施单位${sep}${form.implementingUnit}`);
  const contact: string[] = [];
  if (form.projectLead !== undefined) contact.push(`项目负责人${sep}${form.projectLead}`);
  if (form.phone !== undefined) contact.push(`联系电话${sep}${form.phone}`);
  if (contact.length) out.push(contact.join(sep));
  out.push(
    `项目资金（${form.fundsUnit}）`,
    ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].join(sep),
  );
  for (const key of ['total', 'fiscal', 'carryover', 'other'] as const) {
    out.push([FUNDS_LABELS[key], ...fundsCells(form.funds[key])].join(sep));
  }
  return out;
}

/** One line per table row, cells separated by `sep` (a space or a tab); level labels on a group's first row. */
export function renderFlattened(form: Form, sep = ' '): string {
  const out = header(form, sep);
  out.push(`年度总体目标${sep}${form.goals.expected}${sep}${form.goals.actual}`);
  out.push(
    '绩效指标',
    [
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
    ].join(sep),
  );
  let level1 = '';
  let level2 = '';
  for (const i of form.indicators) {
    const cells: string[] = [];
    if (i.level1 !== level1) cells.push(i.level1);
    if (i.level1 !== level1 || i.level2 !== level2) cells.push(i.level2);
    level1 = i.level1;
    level2 = i.level2;
    cells.push(i.name, i.target, i.actual, num(i.weight), num(i.score));
    if (i.deviation) cells.push(i.deviation);
    out.push(cells.join(sep));
  }
  out.push(`总分${sep}${num(form.totalWeight)}${sep}${num(form.totalScore)}`);
  return `${out.join('\n')}\n`;
}

const num = (v: number | null) => (v === null ? '-' : String(v));

/**
 * Greedy wrap at `width` display cells (ASCII runs kept whole, as a word processor does); a `\n`
 * in the text is a paragraph break.
 */
export function wrap(text: string, width: number): string[] {
  return text.split('\n').flatMap((p) => wrapParagraph(p, width));
}

function wrapParagraph(text: string, width: number): string[] {
  const units = text.match(/[A-Za-z0-9.%]+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const u of units) {
    const uw = textWidth(u);
    if (line && w + uw > width) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += u;
    w += uw;
  }
  if (line) lines.push(line);
  return lines;
}

export type PdfWidths = {
  name: number;
  target: number;
  actual: number;
  deviation: number;
  goals: [number, number];
};

/** Tiny deterministic PRNG so a property's rendering choices are reproducible from its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/**
 * Mimics `pdftotext` without -layout on the seed's table: single-line rows flattened to one line;
 * otherwise the wrapped cells one after another (blank lines between cells and, at random,
 * before a cell's last line), the trailing single-line cells on the `weight score` line, the
 * deviation note after it; a page-break header repeating the labels now and then.
 */
export function renderPdfText(form: Form, widths: PdfWidths, seed: number): string {
  const random = rng(seed);
  const out = header(form, ' ');
  const emit = (lines: string[]) => {
    lines.forEach((l, k) => {
      if (k === lines.length - 1 && k > 0 && random() < 0.5) out.push('');
      out.push(l);
    });
  };
  out.push('', '年度总体', '目标', '', '预期目标 实际完成情况', '');
  emit(wrap(form.goals.expected, widths.goals[0]));
  out.push('');
  emit(wrap(form.goals.actual, widths.goals[1]));
  out.push(
    '',
    '绩效指标',
    '',
    '一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分',
    '偏差原因分析及改进',
    '',
    '措施',
    '',
  );
  let level1 = '';
  let level2 = '';
  for (const i of form.indicators) {
    if (i.level1 !== level1) out.push(i.level1, '');
    if (i.level1 !== level1 || i.level2 !== level2) out.push(...wrap(i.level2, 5), '');
    else if (random() < 0.1) out.push('绩效指标', '', i.level1, '', i.level2, ''); // page break
    level1 = i.level1;
    level2 = i.level2;
    const cells = [wrap(i.name, widths.name), wrap(i.target, widths.target), wrap(i.actual, widths.actual)];
    // Trailing single-line cells share the score line.
    let k = 3;
    while (k > 0 && cells[k - 1]!.length === 1) {
      if (k === 1 && !cells.every((c) => c.length === 1)) break; // the name joins only a one-line row
      k--;
    }
    for (let c = 0; c < k; c++) {
      emit(cells[c]!);
      if (random() < 0.7) out.push('');
    }
    out.push([...cells.slice(k).map((c) => c[0]!), num(i.weight), num(i.score)].join(' '), '');
    if (i.deviation) {
      emit(wrap(i.deviation, widths.deviation));
      out.push('');
    }
  }
  out.push(`总分 ${num(form.totalWeight)} ${num(form.totalScore)} `, '');
  return out.join('\n');
}

/** Keeps only text whose wrapped last line is clearly short (the cue the splitter relies on). */
export function trimToShortLastLine(text: string, width: number): string {
  let t = text;
  while (t.length > 1) {
    const lines = wrap(t, width);
    if (textWidth(lines[lines.length - 1]!) <= width - 2) return t;
    t = t.slice(0, -1);
  }
  return t;
}
