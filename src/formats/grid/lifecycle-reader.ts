// The lifecycle kinds (lifecycle.md §2.1–2.3: 绩效目标申报表, 绩效运行监控表, 部门整体支出绩效自评表) read
// from a grid — the same grid the xlsx, docx, PDF and HTML readers build, and the one text is laid
// into (lifecycle/text-grid.ts). Found by content: a row opening with a field label is a label row
// (label │ value), a row opening with a section label starts a table whose next row names its
// columns; every label comes from the vocabulary (templates/vocabulary.json `lifecycle`).

import { emptyForm, type ImportResult } from '../../core/form/import-result.ts';
import type { Form, FormKind, FundsRow, Indicator } from '../../core/form/schema.ts';
import { REVIEW_GRADES } from '../../core/form/schema.ts';
import {
  type ColumnType,
  FIELD_SPECS,
  type FieldType,
  FUNDS_COLUMNS,
  type LifecycleFundsKey,
  NULLABLE_FUNDS,
  SMALL_TABLES,
} from '../lifecycle/fields.ts';
import { lifecycleVocabulary, TermIndex } from '../lifecycle/vocabulary.ts';
import { detectTemplate } from '../templates/detect.ts';
import { loadTemplates } from '../templates/load-templates.ts';
import { joinWrapped } from './cell-text.ts';
import { cleanTitle, yearIn } from './labels.ts';
import { parseNumber, parsePercent } from './numbers.ts';
import { GridReport } from './report.ts';
import { isTitleRow, type Segment } from './segments.ts';
import { clip } from './values.ts';
import type { GridView } from './view.ts';

export type LifecycleReadOptions = {
  fileName: string;
  defaultYear?: number;
  /** the grid was laid from text by character position: columns are matched by nearness, and an
   * indented line continues the row above (a wrapped cell). */
  fromText?: boolean;
};

type Indexes = {
  fields: TermIndex;
  goals: TermIndex;
  sections: TermIndex;
  columns: Map<string, TermIndex>;
};

let indexes: Indexes | null = null;

function lookups(): Indexes {
  if (indexes) return indexes;
  const v = lifecycleVocabulary();
  const columns = new Map<string, TermIndex>();
  for (const [table, map] of Object.entries(v.columns)) columns.set(table, new TermIndex(map));
  indexes = {
    fields: new TermIndex(v.fields),
    goals: new TermIndex(v.goals),
    sections: new TermIndex(v.sections),
    columns,
  };
  return indexes;
}

const FIELD_TYPE = new Map<string, FieldType>(FIELD_SPECS.map((s) => [s.path, s.type]));

type TableState = {
  name: string;
  /** column positions and the member each names; empty until the column-head row is read. */
  heads: Array<{ pos: number; name: string; month: number | null }>;
  lastRow: number | null;
};

type LastLabel = { path: string; goal: boolean; row: number };

export function readLifecycle(
  view: GridView,
  seg: Segment,
  kind: FormKind,
  options: LifecycleReadOptions,
): ImportResult {
  const report = new GridReport();
  const form = emptyForm(options.defaultYear ?? new Date().getFullYear());
  form.kind = kind;
  report.set('kind', 0.95);
  const idx = lookups();
  const vals = lifecycleVocabulary().values;
  const seen = new Set<string>();
  let yearFound = false;
  let table: TableState | null = null;
  let last: LastLabel | null = null;
  let started = false;
  const seenSections = new Set<string>();

  const cellValue = (r: number, c: number): string => view.text(r, c).trim();

  for (let r = seg.start; r < seg.end; r++) {
    const filled = view.filled(r);
    if (filled.length === 0) continue;
    for (const c of filled) seen.add(view.key(r, c));
    const lead = view.key(r, filled[0]!);
    if (!started && isTitleRow(view, r)) {
      const text = cellValue(r, filled[0]!);
      form.title = cleanTitle(text).trim();
      report.set('title', 0.95);
      const y = yearIn(text);
      if (y !== null) {
        form.year = y;
        yearFound = true;
      }
      continue;
    }
    if (!yearFound && !started && filled.length === 1) {
      const y = yearIn(cellValue(r, filled[0]!));
      if (y !== null) {
        form.year = y;
        yearFound = true;
        report.set('year', 0.95);
        continue;
      }
    }
    // A table's rows open with text of their own; a label row is one label and its value.
    const distinct = new Set(filled.map((c) => cellValue(r, c))).size;
    const section = idx.sections.find(lead);
    const labelOf = (c: number | undefined) => {
      if (c === undefined) return null;
      const k = view.key(r, c);
      const f = idx.fields.find(k);
      if (f) return { ...f, goal: false };
      const g = idx.goals.find(k);
      return g ? { ...g, goal: true } : null;
    };
    // Inside a table a row is a label row only when it reads as one: a label and its value, or
    // label │ value │ label … (two pairs on a line, as 项目名称 │ … │ 项目编码 │ …).
    const inTable = (table?.heads.length ?? 0) > 0;
    const pairs = labelOf(filled[0]) !== null && (!inTable || distinct <= 2 || labelOf(filled[2]) !== null);
    // A section label alone on its row, or (the national forms' way) in a merged cell at the left of
    // its table's column-head row.
    const headsBeside =
      section !== null &&
      distinct > 1 &&
      filled.slice(1).every((c) => columnsOf(section.name)?.find(view.key(r, c)) || view.key(r, c) === lead);
    if (section && (distinct === 1 || headsBeside)) {
      started = true;
      table = { name: section.name, heads: [], lastRow: null };
      last = null;
      if (headsBeside)
        for (const c of filled.slice(1)) {
          const hit = columnsOf(section.name)?.find(view.key(r, c));
          if (hit) table.heads.push({ pos: c, name: hit.name, month: hit.month });
          if (hit?.month != null && form.asOfMonth === undefined) form.asOfMonth = hit.month;
        }
      if (section.name === 'funds' || section.name === 'midTermFunds') {
        const unit = /\((万元|元)\)$/.exec(lead);
        if (unit) {
          form.fundsUnit = unit[1] === '元' ? '元' : '万元';
          report.set('fundsUnit', 0.95);
        }
      }
      startTable(form, section.name);
      seenSections.add(section.name);
      continue;
    }
    if (pairs) {
      started = true;
      table = null;
      // Each label takes the cells up to the next label (none: a blank value); a cell repeating
      // its label's text is a merged label read twice.
      const groups: Array<{ label: NonNullable<ReturnType<typeof labelOf>>; text: string; parts: string[] }> =
        [];
      for (const c of filled) {
        const t = cellValue(r, c);
        const cur = groups[groups.length - 1];
        const hit = labelOf(c);
        if (hit && !(cur && cur.text === t && cur.parts.length === 0))
          groups.push({ label: hit, text: t, parts: [] });
        else if (cur && !(cur.text === t && cur.parts.length === 0)) cur.parts.push(t);
      }
      for (const g of groups) {
        const value = joinWrapped(dedupe(g.parts));
        if (!g.label.goal) {
          setField(form, g.label.name, value, view, r, report, vals);
          last = { path: g.label.name, goal: false, row: r };
        } else {
          form.goals[g.label.name as 'expected'] = value;
          report.set(`goals.${g.label.name}`, 0.95);
          if (g.label.month !== null && form.asOfMonth === undefined) form.asOfMonth = g.label.month;
          last = { path: g.label.name, goal: true, row: r };
        }
      }
      continue;
    }
    if (table && table.heads.length === 0) {
      const cols = idx.columns.get(table.name === 'midTermIndicators' ? 'indicators' : table.name);
      for (const c of filled) {
        const hit = cols?.find(view.key(r, c));
        if (hit) table.heads.push({ pos: c, name: hit.name, month: hit.month });
        else
          report.warn(
            table.name,
            `${view.where(r, c)} 不认识的栏目“${clip(cellValue(r, c))}”，该栏未读取`,
            0.5,
            view.source(r, c),
          );
        if (hit?.month != null && form.asOfMonth === undefined) form.asOfMonth = hit.month;
      }
      continue;
    }
    if (options.fromText && filled[0]! > 0) {
      // An indented line continues the cell above it (a wrapped value in text laid out by position).
      if (table?.lastRow != null) {
        continueRow(form, table, view, r, filled);
        continue;
      }
      if (last) {
        const more = joinWrapped(filled.map((c) => cellValue(r, c)));
        if (last.goal) {
          const g = last.path as 'expected';
          form.goals[g] = joinWrapped([form.goals[g] ?? '', more]);
        } else if (FIELD_TYPE.get(last.path) === 'text') {
          const prev = getString(form, last.path);
          setField(form, last.path, joinWrapped([prev, more]), view, r, report, vals);
        }
        continue;
      }
    }
    if (table && table.heads.length > 0) {
      // The column heads repeated at the top of the next printed page.
      const cols = idx.columns.get(table.name === 'midTermIndicators' ? 'indicators' : table.name);
      if (filled.length >= 2 && filled.every((c) => cols?.find(view.key(r, c)))) continue;
      readTableRow(form, table, view, r, filled, report, vals, options.fromText === true);
      table.lastRow = r;
      continue;
    }
    report.warn(
      '',
      `${view.where(r)} 不认识的一行“${clip(cellValue(r, filled[0]!))}”，未读取`,
      0.5,
      view.source(r),
    );
  }
  if (!form.title) report.warn('title', '未找到表名', 0.3);
  if (!seenSections.has('indicators'))
    report.warn(
      'indicators',
      '未找到绩效指标表：应有“年度绩效指标”（或“绩效指标”）及其栏目行',
      0,
      view.source(seg.start),
    );
  // The form names what it is about: a project, or (department form) the department.
  const who = kind === 'department-self-evaluation' ? 'department' : 'projectName';
  if (!form[who])
    report.warn(
      who,
      `未找到“${who === 'department' ? '部门（单位）名称' : '项目名称'}”或其内容为空`,
      0.3,
      view.source(seg.start),
    );
  if (!yearFound) report.warn('year', `未找到年度：应有“（XXXX年度）”一行，没有找到；暂填 ${form.year}`, 0);
  const template = detectTemplate(loadTemplates().families, seen, form.title);
  if (template) form.template = template.id;
  report.finish();
  return { form, warnings: report.warnings, confidence: report.confidence };
}

function columnsOf(section: string): TermIndex | undefined {
  return lookups().columns.get(section === 'midTermIndicators' ? 'indicators' : section);
}

function dedupe(texts: string[]): string[] {
  // A reader may repeat a merged cell's text in every position it covers.
  return texts.filter((t, i) => t !== '' && texts[i - 1] !== t);
}

function startTable(form: Form, name: string): void {
  switch (name) {
    case 'indicators':
      form.indicators = [];
      break;
    case 'midTermIndicators':
      form.midTermIndicators = [];
      break;
    case 'otherSources':
    case 'costBuildUp':
    case 'schedule':
    case 'level1Weights':
      (form as Record<string, unknown>)[name] = [];
      break;
    case 'midTermFunds':
      // a printed block whose amounts are all blank has no data row in text (an empty line): the
      // block itself says the form carries 中期资金, with nothing filled in
      form.midTermFunds = { total: null, fiscal: null, other: null };
      break;
    case 'opinions':
      form.review ??= { grade: null, opinions: [] };
      break;
  }
}

function getString(form: Form, path: string): string {
  let v: unknown = form;
  for (const p of path.split('.')) v = v === null || v === undefined ? undefined : (v as never)[p];
  return typeof v === 'string' ? v : '';
}

const OBJECT_DEFAULTS: Record<string, () => Record<string, unknown>> = {
  adjustment: () => ({ trigger: '', reason: '' }),
  approval: () => ({ approvedBy: '', documentNo: '', date: '' }),
  rectification: () => ({ required: false }),
  review: () => ({ grade: null, opinions: [] }),
};

function setField(
  form: Form,
  path: string,
  text: string,
  view: GridView,
  r: number,
  report: GridReport,
  vals: ReturnType<typeof lifecycleVocabulary>['values'],
): void {
  const type = FIELD_TYPE.get(path) ?? 'text';
  let value: unknown = text;
  const bad = (what: string): void => {
    report.warn(path, `${view.where(r)} ${what}：实为“${clip(text)}”，未读取`, 0.3, view.source(r));
  };
  switch (type) {
    case 'int': {
      const n = parseNumber(text);
      if (n === null || !Number.isInteger(n)) {
        bad('应为整数');
        return;
      }
      value = n;
      break;
    }
    case 'month': {
      const m = /(\d{1,2})\s*月/.exec(text.replace(/^1\s*[-–—~～至到]\s*/, ''));
      const n = m ? Number(m[1]) : NaN;
      if (!(n >= 1 && n <= 12)) {
        bad('应为“1-N月”');
        return;
      }
      value = n;
      break;
    }
    case 'bool':
      if (vals.yes.includes(text)) value = true;
      else if (vals.no.includes(text)) value = false;
      else {
        bad('应为“是”或“否”');
        return;
      }
      break;
    case 'status': {
      const hit = Object.entries(vals.status).find(([, zh]) => zh === text)?.[0];
      if (!hit) {
        bad('不认识的状态');
        return;
      }
      value = hit;
      break;
    }
    case 'grade':
      if (text === '') value = null;
      else if ((REVIEW_GRADES as readonly string[]).includes(text)) value = text;
      else {
        bad('审核等级应为优、良、中、差');
        return;
      }
      break;
    case 'points': {
      if (text === '') return;
      const n = parseNumber(text);
      if (n === null) {
        bad('应为数字');
        return;
      }
      value = n;
      break;
    }
  }
  const [head, member] = path.split('.') as [string, string | undefined];
  const target = form as Record<string, unknown>;
  if (member === undefined) target[head] = value;
  else {
    if (target[head] === undefined) target[head] = OBJECT_DEFAULTS[head]?.() ?? {};
    const obj = target[head] as Record<string, unknown>;
    obj[member] = value;
  }
  report.set(path, 0.95);
}

type ParsedCell = { ok: true; value: unknown } | { ok: false };

/** One cell by its column type: `／` is "not printed" (absent), blank is "" or null. */
function parseCell(text: string, type: ColumnType, nullable: boolean, sep: string, mark: string): ParsedCell {
  if (text === mark) return { ok: true, value: undefined };
  switch (type) {
    case 'amount':
    case 'points': {
      if (text === '') return { ok: true, value: nullable ? null : undefined };
      const n = parseNumber(text);
      return n === null ? { ok: false } : { ok: true, value: n };
    }
    case 'percent': {
      if (text === '') return { ok: true, value: undefined };
      const n = parsePercent(text) ?? parseNumber(text);
      return n === null ? { ok: false } : { ok: true, value: n };
    }
    case 'bool':
      if (text === '') return { ok: true, value: undefined };
      return { ok: true, value: text === '是' || text === '√' };
    case 'list':
      return { ok: true, value: text === '' ? [] : text.split(sep).filter((s) => s !== '') };
    default:
      return { ok: true, value: text };
  }
}

/** Each filled cell goes to the column head nearest to it (exact in a spreadsheet). */
function assign(table: TableState, filled: readonly number[], fromText: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of filled) {
    let best: { name: string; d: number } | null = null;
    for (const h of table.heads) {
      const d = Math.abs(h.pos - c);
      if (!best || d < best.d) best = { name: h.name, d };
    }
    if (!best || (!fromText && best.d > 0)) continue;
    if (!out.has(best.name)) out.set(best.name, c);
  }
  return out;
}

const INDICATOR_TYPES = new Map<string, { type: ColumnType; nullable: boolean }>([
  ['isCore', { type: 'bool', nullable: false }],
  ['deviationCauses', { type: 'list', nullable: false }],
  ['scoreRate', { type: 'points', nullable: true }],
  ['weight', { type: 'points', nullable: true }],
  ['score', { type: 'points', nullable: true }],
]);

function readTableRow(
  form: Form,
  table: TableState,
  view: GridView,
  r: number,
  filled: readonly number[],
  report: GridReport,
  vals: ReturnType<typeof lifecycleVocabulary>['values'],
  fromText: boolean,
): void {
  const at = assign(table, filled, fromText);
  const text = (name: string): string => {
    const c = at.get(name);
    return c === undefined ? '' : view.text(r, c).trim();
  };
  const cell = (name: string, type: ColumnType, nullable: boolean, path: string): unknown => {
    const t = text(name);
    const p = parseCell(t, type, nullable, vals.causeSeparator, vals.notPrinted);
    if (p.ok) return p.value;
    report.warn(
      path,
      `${view.where(r, at.get(name))} 应为数字，实为“${clip(t)}”，未读取`,
      0.3,
      view.source(r, at.get(name)),
    );
    return nullable ? null : undefined;
  };
  const heads = table.heads.map((h) => h.name);
  const name = table.name;
  if (name === 'indicators' || name === 'midTermIndicators') {
    if (name === 'midTermIndicators' && !form.midTermIndicators) form.midTermIndicators = [];
    const list = (name === 'indicators' ? form.indicators : form.midTermIndicators) ?? [];
    const k = list.length;
    const row: Indicator = {
      level1: '',
      level2: '',
      name: '',
      target: '',
      actual: '',
      weight: null,
      score: null,
      deviation: '',
    };
    const rec = row as Record<string, unknown>;
    for (const h of heads) {
      const spec = INDICATOR_TYPES.get(h) ?? { type: 'text' as const, nullable: false };
      const v = cell(h, spec.type, spec.nullable, `${name}[${k}].${h}`);
      if (spec.type === 'list') keepListText(row, h, text(h));
      if (h === 'level1' || h === 'level2') {
        // blank: the merged group cell above goes on; `／`: no level
        rec[h] = text(h) === '' ? (list[k - 1]?.[h] ?? '') : v === undefined ? '' : v;
        continue;
      }
      if (v === undefined) {
        if (!['level1', 'level2', 'name', 'target', 'actual', 'deviation', 'weight', 'score'].includes(h))
          delete rec[h];
      } else rec[h] = v;
    }
    list.push(row);
    report.set(`${name}[${k}]`, 0.95);
    return;
  }
  if (name === 'funds') {
    // The row names stand in a column of their own, headed or (national layout) not.
    const labelCol = at.get('label') ?? filled.find((c) => !table.heads.some((h) => h.pos === c));
    const label = labelCol === undefined ? '' : view.text(r, labelCol);
    const hit = lookups()
      .columns.get('fundsRows')
      ?.find(view.key(r, labelCol ?? -1));
    if (!hit) {
      report.warn('funds', `${view.where(r)} 不认识的资金行“${clip(label)}”，未读取`, 0.4, view.source(r));
      return;
    }
    const key = hit.name as LifecycleFundsKey;
    const members = heads.filter((h) => h !== 'label');
    if (members.every((h) => text(h) === '')) {
      form.funds[key] = null;
      return;
    }
    const row: FundsRow = {};
    for (const h of members) {
      const spec = FUNDS_COLUMNS.find((c) => c.name === h);
      if (!spec) continue;
      const v = cell(h, spec.type, NULLABLE_FUNDS.has(h), `funds.${key}.${h}`);
      if (v !== undefined) (row as Record<string, unknown>)[h] = v;
    }
    form.funds[key] = row;
    report.set(`funds.${key}`, 0.95);
    return;
  }
  const specs = SMALL_TABLES[name === 'opinions' ? 'opinions' : name];
  if (!specs) return;
  const obj: Record<string, unknown> = {};
  for (const s of specs) {
    if (!heads.includes(s.name)) continue;
    const v = cell(s.name, s.type, !s.optional, `${name}.${s.name}`);
    if (v !== undefined) obj[s.name] = v;
  }
  if (name === 'midTermFunds') form.midTermFunds = obj as never;
  else if (name === 'opinions') {
    if (!form.review) form.review = { grade: null, opinions: [] };
    form.review.opinions.push(obj as never);
  } else ((form as Record<string, unknown>)[name] as unknown[]).push(obj);
}

/** A list cell's text as printed, for a wrapped line that goes on after its separator. */
const listText = new WeakMap<object, Map<string, string>>();

function keepListText(row: object, name: string, raw: string): void {
  const m = listText.get(row) ?? new Map<string, string>();
  m.set(name, raw);
  listText.set(row, m);
}

/** A wrapped line of the row above (text laid out by position): each piece joins its column's cell. */
function continueRow(
  form: Form,
  table: TableState,
  view: GridView,
  r: number,
  filled: readonly number[],
): void {
  const rows: unknown[] | undefined =
    table.name === 'indicators'
      ? form.indicators
      : table.name === 'opinions'
        ? form.review?.opinions
        : ((form as Record<string, unknown>)[table.name] as unknown[] | undefined);
  const row = Array.isArray(rows)
    ? (rows[rows.length - 1] as Record<string, unknown> | undefined)
    : undefined;
  if (!row) return;
  for (const [name, c] of assign(table, filled, true)) {
    const prev = row[name];
    if (typeof prev === 'string') row[name] = joinWrapped([prev, view.text(r, c)]);
    else if (Array.isArray(prev)) {
      // A list cell (偏差原因 `经费保障、其他`) wrapped mid-item: joined, then split again.
      const sep = lifecycleVocabulary().values.causeSeparator;
      const raw = joinWrapped([listText.get(row)?.get(name) ?? prev.join(sep), view.text(r, c)]);
      keepListText(row, name, raw);
      row[name] = raw.split(sep).filter((x) => x !== '');
    }
  }
}
