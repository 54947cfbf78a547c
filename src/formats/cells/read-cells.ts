import { emptyForm, type ImportResult } from '../../core/form/import-result.ts';
import { detectTemplate } from '../templates/detect.ts';
import { loadTemplates, type TemplateSet } from '../templates/load-templates.ts';
import { boundOf, fundsColumns, indicatorColumns } from './columns.ts';
import { fragmentsOf, levelTermSet } from './debris.ts';
import type { Memo } from './field-scores.ts';
import { readFunds } from './funds.ts';
import { readGoals } from './goals.ts';
import { fillPending, looksLikeOrg, readHeader, readTitle } from './header.ts';
import { readIndicators } from './indicators.ts';
import { type LabelHit, LabelIndex } from './labels.ts';
import { keyText } from './normalize.ts';
import { CellReport } from './report.ts';
import { buildStream, SPACE, type Stream, textOf } from './stream.ts';
import { readTotals } from './totals.ts';
import { separatesCells, type ZonedHit, zone } from './zones.ts';

// The layout-independent reader: text of any layout (cells split by `|`, one cell per line, a
// table flattened onto one line, cells run together, a scrambled PDF reading order) → every form
// in it. Labels are found by the template vocabulary (templates/*.json), the form's zones by
// their order, and the cells between labels are read by their type and by the form's arithmetic.

export type ReadCellsOptions = { fileName?: string; defaultYear?: number; templates?: TemplateSet };

let indexCache: { set: TemplateSet; index: LabelIndex } | null = null;

function indexFor(set: TemplateSet): LabelIndex {
  if (indexCache?.set !== set) indexCache = { set, index: new LabelIndex(set.vocabulary) };
  return indexCache.index;
}

export function readCells(source: string, options: ReadCellsOptions = {}): ImportResult[] {
  const set = options.templates ?? loadTemplates();
  const index = indexFor(set);
  const s = buildStream(source);
  const exact = index.find(s);
  const hits = mergeHits(exact, index.findTolerant(s, exact));
  const strict = separatesCells(s, exact);
  const out: ImportResult[] = [];
  for (const [from, to] of formRanges(hits, s.key.length)) {
    const r = readOne(s, hits, from, to, strict, set, index, options);
    if (!r) continue;
    // A document of several forms may print the title and year once: the next form starts with
    // 项目名称 and takes them from the form before it.
    const prev = out[out.length - 1]?.form;
    if (prev && !r.form.title && prev.title) {
      r.form.title = prev.title;
      r.form.year = prev.year;
      r.form.kind = prev.kind;
      r.confidence.title = 0.7;
      r.confidence.year = 0.7;
      r.warnings = r.warnings.filter((w) => w.path !== 'year');
      r.warnings.push({
        path: 'year',
        message: `这张表没有印表名和年度，沿用同一文档上一张表的“${prev.title}”（${prev.year}年度）`,
        confidence: 0.7,
      });
    }
    out.push(r);
  }
  return out;
}

function mergeHits(exact: LabelHit[], tolerant: LabelHit[]): LabelHit[] {
  return [...exact, ...tolerant].sort((a, b) => a.from - b.from);
}

/** A form starts at its title (or at 项目名称 where a document prints the next form without one). */
function formRanges(hits: readonly LabelHit[], end: number): Array<[number, number]> {
  const names = hits.filter((h) => h.role === 'header.projectName');
  if (names.length === 0) return [[0, end]];
  const starts: number[] = [];
  let lastName = -1;
  for (const n of names) {
    // the nearest title before this name, after the previous form's name
    const title = [...hits]
      .reverse()
      .find((h) => h.role === 'title' && h.to <= n.from && h.from > lastName && n.from - h.to < 200);
    starts.push(title ? title.from : n.from);
    lastName = n.from;
  }
  // The first form takes the text before it too: its title's prefix and header may start there.
  return starts.map((st, i): [number, number] => [i === 0 ? 0 : st, starts[i + 1] ?? end]);
}

function readOne(
  s: Stream,
  all: readonly LabelHit[],
  from: number,
  to: number,
  strict: boolean,
  set: TemplateSet,
  index: LabelIndex,
  options: ReadCellsOptions,
): ImportResult | null {
  const report = new CellReport();
  const form = emptyForm(options.defaultYear ?? new Date().getFullYear());
  // The title nearest before the project name opens the form; text before it is not the form's.
  const name = all.find((h) => h.role === 'header.projectName' && h.from >= from && h.from < to);
  const title = [...all]
    .reverse()
    .find((h) => h.role === 'title' && h.from >= from && (!name || h.to <= name.from));
  const start = title ? title.from : name ? name.from : from;
  const zoned = zone(all, start, to, strict);
  if (title) {
    const t = readTitle(s, { ...title, zone: 'header' }, from);
    form.title = t.title;
    report.set('title', title.confidence);
    if (t.year !== null) {
      form.year = t.year;
      report.set('year', 0.95);
    } else report.warn('year', '没有找到年度，按今年填写', 0.3);
  }
  // Labels read through an OCR confusion (`实施第位`, `项Fl资金`): corrected, said, and not trusted.
  for (const h of zoned.hits) {
    let ocr = h.confidence < 1;
    for (let i = h.from; i < h.to && !ocr; i++) ocr = s.ocr.has(i);
    if (!ocr) continue;
    const path = h.role.startsWith('header.') ? h.role.slice('header.'.length) : '';
    report.warn(path, `“${textOf(s, h.from, h.to)}”按“${h.term}”读取（疑似识别错误），请核对`, 0.5);
  }
  const template = detectTemplate(set.families, new Set(zoned.hits.map((h) => h.term)), form.title);
  if (template) form.template = template.id;
  form.kind = template?.kind ?? 'project-self-evaluation';
  report.set('kind', 0.9);
  const cellBound = boundOf(s, zoned.hits);
  const header = readHeader(s, zoned.hits, zoned.pieces, form, report);
  const funds = readFunds(
    s,
    zoned.hits,
    zoned.pieces,
    fundsColumns(template),
    cellBound >= SPACE,
    form,
    report,
  );
  const unit = /[(（](万元|元)[)）]/.exec(s.key.slice(start, to));
  form.fundsUnit = unit?.[1] === '元' ? '元' : '万元';
  report.set('fundsUnit', unit ? 0.95 : 0.6);
  // A text cut short ends inside its last cell: the goals, if nothing of the table follows them.
  const tableFollows = zoned.hits.some(
    (h) => h.zone === 'indicators' || h.zone === 'totals' || h.zone === 'tail',
  );
  readGoals(s, zoned.pieces, form, report, to === s.key.length && !tableFollows);
  // An organisation's name the layout printed inside the tables belongs to the header label
  // still waiting for its value (`实施单位` … `稷山县医疗保险服务中心`).
  const waiting = header.pending.filter(
    (p) => p.role === 'implementingUnit' || p.role === 'competentDepartment',
  );
  const pieces = zoned.pieces.filter((p) => {
    if (waiting.length === 0 || p.zone === 'header' || p.zone === 'goals') return true;
    const text = textOf(s, p.from, p.to);
    if (!looksLikeOrg(text.replace(/\s+/g, ''))) return true;
    fillPending([waiting.shift()!], [text.replace(/\s+/g, '')], form, report);
    return false;
  });
  const memo: Memo = new Map();
  const columns = indicatorColumns(zoned.hits, template);
  const ind = readIndicators(
    s,
    zoned.hits,
    pieces,
    columns,
    index.level2Parent,
    index.children,
    levelTermSet(set.vocabulary.level1, set.vocabulary.level2),
    fragmentsFor(set),
    cellBound,
    !zoned.hits.some((h) => h.zone === 'totals' || h.zone === 'tail'),
    printedPoints(s, zoned.hits),
    form,
    report,
    memo,
  );
  readTotals(s, zoned.pieces, ind.totals, form, report);
  const orphans = [
    ...header.leftovers.flatMap(words),
    ...funds.orphans,
    ...ind.orphans,
    ...orphanTexts(s, zoned.pieces, header.claimed),
  ].filter(looksLikeOrg);
  fillPending(header.pending, orphans, form, report);
  if (!form.projectName && form.indicators.length === 0 && form.funds.total === null) return null;
  report.finish();
  return { form, warnings: report.warnings, confidence: report.confidence };
}

/** `绩效指标(90分)`: the points the indicator table's weights add up to. */
function printedPoints(s: Stream, hits: readonly ZonedHit[]): number | null {
  const section = hits.find((h) => h.role === 'indicatorSection');
  if (!section) return null;
  const m = /^[(（](\d+)分[)）]/.exec(s.key.slice(section.to, section.to + 8));
  return m ? Number(m[1]) : null;
}

let fragmentCache: { set: TemplateSet; f: ReturnType<typeof fragmentsOf> } | null = null;

/** Heading fragments: of the indicator table's column headings and level labels. */
function fragmentsFor(set: TemplateSet): ReturnType<typeof fragmentsOf> {
  if (fragmentCache?.set !== set) {
    const v = set.vocabulary;
    const terms = [
      ...Object.values(v.indicatorColumns).flat(),
      ...v.level1,
      ...Object.values(v.level2).flat(),
      ...v.indicatorSection,
    ];
    fragmentCache = { set, f: fragmentsOf(terms.map(keyText)) };
  }
  return fragmentCache.f;
}

function orphanTexts(
  s: Stream,
  pieces: readonly { from: number; to: number; zone: string }[],
  claimed: Set<unknown>,
): string[] {
  const out: string[] = [];
  for (const p of pieces) {
    if (claimed.has(p) || p.zone !== 'header') continue;
    out.push(...words(textOf(s, p.from, p.to)));
  }
  return out;
}

/** Unclaimed text in pieces: split at spaces and after a score label the vocabulary missed (`财政审1度评分`). */
function words(text: string): string[] {
  return text.split(/\s+|评分|得分/).filter((w) => w !== '');
}
