// Title, kind, year and the label/value cells above the funds block.

import type { Form } from '../../core/form/schema.ts';
import { lifecycleVocabulary, TermIndex } from '../lifecycle/vocabulary.ts';
import {
  ANY_YEAR,
  cleanTitle,
  HEADER_NAMES,
  type HeaderKey,
  headerLabel,
  isAnyHeaderLabel,
  kindOf,
  yearIn,
} from './labels.ts';
import type { GridReport } from './report.ts';
import type { Sections, Segment } from './segments.ts';
import type { GridView } from './view.ts';

const REQUIRED: readonly HeaderKey[] = ['projectName', 'competentDepartment', 'implementingUnit'];
const PHONE_LIKE = /\d{5,}/;

export function readHeader(
  view: GridView,
  seg: Segment,
  sec: Sections,
  form: Form,
  report: GridReport,
  fileName: string,
): void {
  const end = sec.fundsHeader ?? sec.goals ?? sec.indicatorHeader ?? seg.end;
  const found = new Set<HeaderKey>();
  for (let r = seg.start; r < end; r++) {
    const cols = view.filled(r);
    for (let i = 0; i < cols.length; i++) {
      const c = cols[i]!;
      const hit = headerLabel(view.key(r, c), view.text(r, c));
      if (!hit) {
        // v1.2: the chain's keys a self-evaluation prints (lifecycle.md §2.4), labels from the vocabulary.
        const chain = chainField(view.key(r, c));
        const next = cols[i + 1];
        if (chain && !(chain in form)) {
          const text = next === undefined ? '' : view.text(r, next);
          if (chain !== 'targetVersion') form[chain] = text;
          else if (/^\d+$/.test(text)) form.targetVersion = Number(text);
          else
            report.warn(
              chain,
              `${view.where(r, next)} 目标版本号：应为整数，实为“${text}”`,
              0.3,
              view.source(r, next),
            );
          report.set(chain, 0.95);
        }
        continue;
      }
      if (found.has(hit.key)) continue;
      let value = hit.inlineValue;
      let vc = c;
      if (!value) {
        // The value is the next cell to the right, unless that is the next label (a blank value).
        const next = cols[i + 1];
        const nextLabel = next === undefined ? null : headerLabel(view.key(r, next), view.text(r, next));
        // A label's neighbour is its value unless it is the next label (a blank value); a value
        // spelled like its own label (`项目名称` named 项目名称) is still the value.
        if (next !== undefined && (!isAnyHeaderLabel(view.key(r, next)) || nextLabel?.key === hit.key)) {
          value = view.text(r, next);
          vc = next;
        }
      }
      found.add(hit.key);
      form[hit.key] = value;
      report.set(hit.key, value ? 0.95 : 0.5);
      if (hit.key === 'phone' && value && !PHONE_LIKE.test(value)) {
        report.warn(
          'phone',
          `${view.where(r, vc)} 联系电话：应为电话号码，实为“${value}”`,
          0.6,
          view.source(r, vc),
        );
      }
    }
  }
  for (const key of REQUIRED) {
    if (!found.has(key)) {
      report.warn(
        key,
        `未找到“${HEADER_NAMES[key]}”：表头中应有“${HEADER_NAMES[key]}”及其内容，没有找到`,
        0,
        view.source(seg.start),
      );
    } else if (!form[key]) {
      report.warn(key, `“${HEADER_NAMES[key]}”一栏为空`, 0.5, view.source(seg.start));
    }
  }
  readTitle(view, seg, sec, end, form, report, fileName);
}

function readTitle(
  view: GridView,
  seg: Segment,
  sec: Sections,
  end: number,
  form: Form,
  report: GridReport,
  fileName: string,
): void {
  const titleKey = sec.title === null ? null : view.distinctKeys(sec.title)[0]!;
  if (titleKey) {
    form.title = cleanTitle(titleKey);
    form.kind = kindOf(titleKey);
    report.set('title', 0.95);
    report.set('kind', titleKey.includes('自评') || form.kind !== 'project-self-evaluation' ? 0.95 : 0.6);
  } else {
    report.warn(
      'title',
      '未找到表名：表头上方应有“项目支出绩效自评表”之类的标题，没有找到',
      0,
      view.source(seg.start),
    );
    report.warn('kind', '未找到表名，按“项目支出绩效自评表”读取', 0.4);
  }
  for (let r = seg.start; r < end; r++) {
    for (const c of view.filled(r)) {
      if (headerLabel(view.key(r, c), view.text(r, c))) continue;
      const y = yearIn(view.text(r, c));
      if (y !== null && (r === sec.title || view.filled(r).length === 1)) {
        form.year = y;
        report.set('year', 0.95);
        return;
      }
    }
  }
  const guesses: [string, number, string][] = [];
  if (titleKey) guesses.push([titleKey, 0.8, '表名']);
  if (form.projectName) guesses.push([form.projectName, 0.6, '项目名称']);
  if (fileName) guesses.push([fileName, 0.5, '文件名']);
  for (const [text, confidence, where] of guesses) {
    const m = ANY_YEAR.exec(text);
    if (m) {
      form.year = Number(m[1]);
      report.warn('year', `未找到“（XXXX年度）”：年度取自${where}中的“${m[0]}”`, confidence);
      return;
    }
  }
  report.warn('year', `未找到年度：应有“（XXXX年度）”一行，没有找到；暂填 ${form.year}`, 0);
}

const CHAIN_FIELDS = ['projectCode', 'competentDepartmentCode', 'divisionCode', 'targetVersion'] as const;
type ChainField = (typeof CHAIN_FIELDS)[number];
let chainIndex: TermIndex | null = null;

function chainField(key: string): ChainField | null {
  if (!chainIndex) {
    const fields = lifecycleVocabulary().fields;
    chainIndex = new TermIndex(Object.fromEntries(CHAIN_FIELDS.map((f) => [f, fields[f] ?? []])));
  }
  return (chainIndex.find(key)?.name as ChainField | undefined) ?? null;
}
