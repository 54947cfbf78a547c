// Test support only (the reader never imports it): prints a Form the ways published forms reach
// us as text — one cell per `|` line, one cell per line, one cell per paragraph, a table flattened
// onto one line, one table row per line, every cell run together with a document site's chunk
// markers, OCR confusions, traditional characters with pinyin — so tests can check that
// readCells(render(form)) gives the form back, on forms we write ourselves.

import type { Form, FundsRow } from '../../core/form/schema.ts';

export type Layout = 'pipe' | 'lines' | 'paragraphs' | 'flattened' | 'row-lines' | 'run-together';
export const LAYOUTS: readonly Layout[] = [
  'pipe',
  'lines',
  'paragraphs',
  'flattened',
  'row-lines',
  'run-together',
];

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function fundsCells(row: FundsRow | null, sub: boolean): string[] {
  if (!row) return ['', '', '', '', '', ''];
  const dash = sub ? '-' : '';
  return [
    num(row.initialBudget),
    num(row.annualBudget),
    num(row.executed),
    row.weight === undefined ? dash : String(row.weight),
    row.executionRate === undefined ? '' : `${row.executionRate}%`,
    row.score === undefined ? dash : String(row.score),
  ];
}

/** The national form as rows of cells, blank cells '' (merged cells print once, then blank). */
export function formRows(form: Form): string[][] {
  const rows: string[][] = [[form.title], [`（${form.year}年度）`]];
  rows.push(['项目名称', form.projectName]);
  rows.push(['主管部门', form.competentDepartment, '实施单位', form.implementingUnit]);
  if (form.projectLead !== undefined || form.phone !== undefined)
    rows.push(['项目负责人', form.projectLead ?? '', '联系电话', form.phone ?? '']);
  rows.push([
    `项目资金（${form.fundsUnit}）`,
    '年初预算数',
    '全年预算数',
    '全年执行数',
    '分值',
    '执行率',
    '得分',
  ]);
  rows.push(['年度资金总额', ...fundsCells(form.funds.total, false)]);
  rows.push(['其中：当年财政拨款', ...fundsCells(form.funds.fiscal, true)]);
  rows.push(['上年结转资金', ...fundsCells(form.funds.carryover, true)]);
  rows.push(['其他资金', ...fundsCells(form.funds.other, true)]);
  rows.push(['年度总体目标', '预期目标', '实际完成情况']);
  rows.push(['', form.goals.expected, form.goals.actual]);
  rows.push([
    '绩效指标',
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ]);
  let l1 = '';
  let l2 = '';
  for (const i of form.indicators) {
    rows.push([
      '',
      i.level1 === l1 ? '' : i.level1,
      i.level1 === l1 && i.level2 === l2 ? '' : i.level2,
      i.name,
      i.target,
      i.actual,
      num(i.weight),
      num(i.score),
      i.deviation,
    ]);
    l1 = i.level1;
    l2 = i.level2;
  }
  rows.push(['总分', '', '', '', '', '', num(form.totalWeight), num(form.totalScore), '']);
  return rows;
}

export function render(form: Form, layout: Layout): string {
  const rows = formRows(form);
  const cells = rows.flat();
  switch (layout) {
    case 'pipe':
      return cells.map((c) => (c ? `${c} |` : '|')).join('\n');
    case 'lines':
      return cells.join('\n');
    case 'paragraphs':
      return cells.map((c) => c || ' ').join('\n\n');
    case 'flattened':
      return cells.filter((c) => c).join(' ');
    case 'row-lines':
      return rows.map((r) => r.filter((c) => c).join(' ')).join('\n');
    case 'run-together':
      return withChunkMarkers(cells.join(''));
  }
}

/**
 * A document site's preview: the text in numbered chunks, `1、…\n2、…`, cut at arbitrary places
 * (every `every` characters here), with the site's line before the first.
 */
export function withChunkMarkers(text: string, every = 230): string {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += every) parts.push(text.slice(i, i + every));
  return `本文档由用户上传，可在线阅读。\n${parts.map((p, k) => `${k + 1}、${p}`).join('\n')}`;
}

/** OCR confusions in labels: 目 read as `Fl`, 元 as 兀, 单 as 第 (text a scanner produced). */
export function ocrNoise(text: string): string {
  return text
    .replace(/项目资金/g, '项Fl资金')
    .replace(/万元）/g, '万兀）')
    .replace(/实施单位/g, '实施第位');
}

/** Traditional characters in the labels, with pinyin after the first character of each. */
export function traditional(text: string): string {
  return text
    .replace(/项目名称/g, '項(xiàng)目名稱')
    .replace(/主管部门/g, '主管部門')
    .replace(/实施单位/g, '實施單位')
    .replace(/年度资金总额/g, '年度資金總額')
    .replace(/绩效指标/g, '績效指標')
    .replace(/预算/g, '預算')
    .replace(/执行/g, '執行');
}
