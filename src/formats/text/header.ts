// Title, kind, year and the label/value lines above the funds table.

import type { Form, FormKind } from '../../core/form/schema.ts';
import { kindOfTitle } from '../lifecycle/vocabulary.ts';
import { isRegexSpace } from './cells.ts';
import { type Line, plain } from './lines.ts';
import type { Report } from './report.ts';
import type { Sections } from './sections.ts';

type HeaderKey = 'projectName' | 'competentDepartment' | 'implementingUnit' | 'projectLead' | 'phone';

// Longest first: `项目负责人` must win over `负责人`, `联系电话` over `电话`.
const LABELS: readonly (readonly [string, HeaderKey])[] = (
  [
    ['项目名称', 'projectName'],
    ['主管部门', 'competentDepartment'],
    ['主管单位', 'competentDepartment'],
    ['预算部门', 'competentDepartment'],
    ['项目实施单位', 'implementingUnit'],
    ['实施单位', 'implementingUnit'],
    ['项目负责人', 'projectLead'],
    ['负责人', 'projectLead'],
    ['联系电话', 'phone'],
    ['联系方式', 'phone'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

const REQUIRED: readonly HeaderKey[] = ['projectName', 'competentDepartment', 'implementingUnit'];
const LABEL_NAMES: Record<HeaderKey, string> = {
  projectName: '项目名称',
  competentDepartment: '主管部门',
  implementingUnit: '实施单位',
  projectLead: '项目负责人',
  phone: '联系电话',
};

const TITLE_SCAN = 30;
const YEAR_IN_PARENS = /[（(]\s*((?:19|20)\d{2})\s*年度?\s*[)）]/;
const YEAR_WORD = /((?:19|20)\d{2})\s*年度/;
const ANY_YEAR = /((?:19|20)\d{2})\s*年/;
const ATTACHMENT = /^(?:#+|附件\s*\d*\s*[:：]?)/;
const SEPARATOR_RUN = /[\s|]+/g;
const CELL_SEPARATOR = /[|\t]/;

export function readHeader(
  lines: readonly Line[],
  sections: Sections,
  form: Form,
  report: Report,
  fileName?: string,
): void {
  const end = Math.min(lines.length, sections.headerEnd);
  const found = new Set<HeaderKey>();
  for (let i = 0; i < end; i++) {
    const text = lines[i]!.text;
    if (!text) continue;
    const hits = findLabels(text);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      if (found.has(hit.key)) continue;
      let value = cleanValue(text.slice(hit.end, h + 1 < hits.length ? hits[h + 1]!.start : text.length));
      let confidence = 0.95;
      let line = lines[i]!.no;
      // A value printed in the next cell down (label and value on separate lines).
      if (!value && h === hits.length - 1) {
        const next = nextNonBlank(lines, i + 1, end);
        if (next !== null && findLabels(lines[next]!.text).length === 0) {
          value = cleanValue(lines[next]!.text);
          confidence = 0.75;
          line = lines[next]!.no;
        }
      }
      if (!value) continue;
      found.add(hit.key);
      form[hit.key] = value;
      report.set(
        hit.key,
        hit.key === 'phone' && !PHONE_LIKE.test(value) ? Math.min(confidence, 0.6) : confidence,
      );
      if (hit.key === 'phone' && !PHONE_LIKE.test(value)) {
        report.warn('phone', `第${line}行 联系电话：应为电话号码，实为“${value}”`, 0.6, line);
      }
    }
  }
  for (const key of REQUIRED) {
    if (!found.has(key)) {
      report.warn(
        key,
        `未找到“${LABEL_NAMES[key]}”：应有一行以“${LABEL_NAMES[key]}”开头、后接其内容，表头中没有`,
        0,
      );
    }
  }
  // After the labels: the year may have to be guessed from the project name.
  readTitle(lines, Math.min(lines.length, Math.max(end, TITLE_SCAN)), form, report, fileName);
}

const PHONE_LIKE = /\d{5,}/;

function nextNonBlank(lines: readonly Line[], from: number, end: number): number | null {
  for (let k = from; k < end; k++) if (lines[k]!.text) return k;
  return null;
}

type Hit = { key: HeaderKey; start: number; end: number };

/** Labels that start a cell (line start, or after a space, tab or `|`). */
function findLabels(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const [label, key] of LABELS) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(label, from);
      if (at < 0) break;
      from = at + label.length;
      const before = at === 0 ? ' ' : text[at - 1]!;
      if (before !== ' ' && before !== '\t' && before !== '|' && before !== '\u3000') continue;
      if (hits.some((h) => at < h.end && h.start < at + label.length)) continue;
      hits.push({ key, start: at, end: at + label.length });
    }
  }
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start) : hits;
}

/**
 * A header value without the separators around it; a run of spaces or pipes inside becomes one
 * space, or nothing between two ideographs (`郭 睿` → `郭睿`). One linear regex pass: trailing-run
 * patterns like /[\s|]+$/ are quadratic on long runs.
 */
function cleanValue(s: string): string {
  // In a `|` or tab table the value is the next non-empty cell; further cells are other fields.
  if (s.includes('|') || s.includes('\t')) {
    for (const cell of s.split(CELL_SEPARATOR)) {
      const c = stripLeadingSeparators(cell);
      if (c) return cleanValue(c);
    }
    return '';
  }
  const t = stripLeadingSeparators(s);
  if (!hasSeparator(t)) return t; // most values: skip the replace and its callback
  return t.replace(SEPARATOR_RUN, (run, at: number) => {
    const end = at + run.length;
    if (at === 0 || end === t.length) return '';
    return isWide(t.charCodeAt(at - 1)) && isWide(t.charCodeAt(end)) ? '' : ' ';
  });
}

/** Drops the leading run of `[\s:：|]` (spaces, colons, pipes) without a regex per value. */
function stripLeadingSeparators(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x3a && c !== 0xff1a && c !== 0x7c && !isRegexSpace(c)) break;
  }
  return i === 0 ? s : s.slice(i);
}

/** Whether SEPARATOR_RUN (`[\s|]`) occurs in `s`. */
function hasSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7c || isRegexSpace(c)) return true;
  }
  return false;
}

function isWide(c: number): boolean {
  return c >= 0x3000 && c <= 0xffef;
}

function readTitle(lines: readonly Line[], end: number, form: Form, report: Report, fileName?: string): void {
  let titleLine: Line | null = null;
  for (let i = 0; i < end && titleLine === null; i++) {
    const p = plain(lines[i]!);
    if (p.length > 0 && p.length <= 40 && p.includes('绩效') && (p.includes('表') || p.includes('评价'))) {
      titleLine = lines[i]!;
    }
  }
  if (titleLine) {
    const p = plain(titleLine);
    form.title = p.replace(YEAR_IN_PARENS, '').replace(ATTACHMENT, '').replace(YEAR_WORD, '');
    form.kind = kindOf(p);
    report.set('title', 0.95);
    report.set('kind', p.includes('自评') || form.kind !== 'project-self-evaluation' ? 0.95 : 0.6);
  } else {
    report.warn('title', '未找到表名：前几行中应有“项目支出绩效自评表”之类的标题，没有找到', 0);
    report.warn('kind', '未找到表名，按“项目支出绩效自评表”读取', 0.4);
  }
  readYear(lines, end, titleLine, form, report, fileName);
}

/** The schema's range of budget years. */
function plausibleYear(y: string): boolean {
  const n = Number(y);
  return n >= 1990 && n <= 2100;
}

/** core's one rule (lifecycle.md §2), as every reader. */
function kindOf(title: string): FormKind {
  return kindOfTitle(title);
}

function readYear(
  lines: readonly Line[],
  end: number,
  titleLine: Line | null,
  form: Form,
  report: Report,
  fileName?: string,
): void {
  for (let i = 0; i < end; i++) {
    const m = YEAR_IN_PARENS.exec(lines[i]!.text) ?? YEAR_WORD.exec(lines[i]!.text);
    if (m && plausibleYear(m[1]!)) {
      form.year = Number(m[1]);
      report.set('year', 0.95);
      return;
    }
  }
  const guesses: [string, number, string][] = [];
  if (titleLine) guesses.push([titleLine.text, 0.8, '表名']);
  if (form.projectName) guesses.push([form.projectName, 0.6, '项目名称']);
  if (fileName) guesses.push([fileName, 0.5, '文件名']);
  for (const [text, confidence, where] of guesses) {
    const m = ANY_YEAR.exec(text);
    if (m && plausibleYear(m[1]!)) {
      form.year = Number(m[1]);
      report.set('year', confidence);
      report.warn('year', `未找到“（XXXX年度）”：年度取自${where}中的“${m[0]}”`, confidence);
      return;
    }
  }
  report.warn('year', `未找到年度：应有“（XXXX年度）”一行，没有找到；暂填 ${form.year}`, 0);
}
