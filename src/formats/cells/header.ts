import type { Form } from '../../core/form/schema.ts';
import type { CellReport } from './report.ts';
import { LINE, type Stream, textOf } from './stream.ts';
import type { Piece, ZonedHit } from './zones.ts';

// The title, the year and the header cells (项目名称, 主管部门, 实施单位, 项目负责人, 联系电话, and the
// combined or extra cells some families print: 项目负责人及电话, 自评得分). A label's value is the
// text up to the next label; where the layout separated a label from its value (a PDF extractor
// interleaving columns), the label waits and takes the first unclaimed text that fits it.

/** What a title may carry before its core words: a year, a place, 本级/县级, 部门, 项目, 专项资金. */
const TITLE_PREFIX =
  /(?:(?:(?:19|20)\d{2}年度?)?(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|县|区|州|旗|盟))?(?:本级|县级|市级|省级|区级)?(?:部门预算|部门)?(?:项目|支出|专项资金|专项)*)$/;

export type TitleRead = { title: string; year: number | null; end: number };

export function readTitle(s: Stream, hit: ZonedHit, floor: number): TitleRead {
  // Look back over at most 20 characters of the same cell for the title's prefix.
  let start = hit.from;
  while (
    start > floor &&
    hit.from - start < 20 &&
    s.bound[start]! < LINE &&
    !/[:：。，,、;；)）\]】]/.test(s.key[start - 1]!)
  )
    start--;
  const before = s.key.slice(start, hit.from);
  const m = TITLE_PREFIX.exec(before);
  const from = hit.from - (m?.[0].length ?? 0);
  const title = textOf(s, from, hit.to);
  let year: number | null = null;
  const inTitle = /((?:19|20)\d{2})年/.exec(s.key.slice(from, hit.to));
  if (inTitle) year = Number(inTitle[1]);
  let end = hit.to;
  const after = /^[(（[]?((?:19|20)\d{2})年度?[)）\]]?/.exec(s.key.slice(hit.to, hit.to + 16));
  if (after) {
    year ??= Number(after[1]);
    end = hit.to + after[0].length;
  }
  return { title: title.replace(/^附件\d*[:：]?\s*/, ''), year, end };
}

type Pending = { role: string; hit: ZonedHit };

const ORG_SUFFIX =
  /(?:局|厅|委员会|委|办公室|办|中心|站|所|院|校|学|馆|队|团|会|社|部|处|科|股|政府|公司|集团|医院|中学|小学|幼儿园|支队|大队|机关|本级)$/;

/** Fills the header fields from the header labels and the pieces after them. */
export function readHeader(
  s: Stream,
  hits: readonly ZonedHit[],
  pieces: readonly Piece[],
  form: Form,
  report: CellReport,
): { claimed: Set<Piece>; pending: Pending[]; leftovers: string[] } {
  const claimed = new Set<Piece>();
  const leftovers: string[] = [];
  const pending: Pending[] = [];
  const pieceAfter = new Map<ZonedHit, Piece>();
  for (const p of pieces) if (p.after) pieceAfter.set(p.after, p);
  for (const h of hits) {
    if (!h.role.startsWith('header.')) continue;
    const role = h.role.slice('header.'.length);
    const p = pieceAfter.get(h);
    // A value starts right after its label; text after a separator belongs to the label only
    // when the label stands alone in its cell.
    const end = p ? firstCellEnd(s, p.from, p.to) : 0;
    const text = p ? cleanValue(textOf(s, p.from, end)) : '';
    if (p && end < p.to) leftovers.push(textOf(s, end, p.to));
    if (!p || text === '') {
      pending.push({ role, hit: h });
      continue;
    }
    const used = apply(role, text, form, report, h.confidence);
    if (used === false) pending.push({ role, hit: h });
    else {
      claimed.add(p);
      if (used !== true) leftovers.push(used);
    }
  }
  return { claimed, pending, leftovers };
}

/** A header value is one cell: up to the first line break or `|` (text after it is the next cell's). */
function firstCellEnd(s: Stream, from: number, to: number): number {
  for (let i = from + 1; i < to; i++) if (s.bound[i]! >= LINE) return i;
  return to;
}

function cleanValue(t: string): string {
  return t.replace(/^[:：\s]+/, '').trim();
}

/** true: the text was the value; a string: the value was a part of it and this is the rest; false: it does not fit. */
function apply(role: string, text: string, form: Form, report: CellReport, conf: number): boolean | string {
  const c = Math.min(conf, 1);
  switch (role) {
    case 'projectName':
    case 'competentDepartment':
    case 'implementingUnit':
      if (form[role]) return false;
      form[role] = text;
      report.set(role, c * 0.95);
      return true;
    case 'projectLead':
      form.projectLead = text;
      report.set('projectLead', c * 0.9);
      return true;
    case 'phone':
      form.phone = text;
      report.set('phone', c * 0.9);
      return true;
    case 'leadAndPhone': {
      const m = /^([^\d(（]*?)[\s,，、]*([\d(（][\s\S]*)?$/.exec(text);
      const lead = m?.[1]?.trim() ?? text;
      if (lead) {
        form.projectLead = lead;
        report.set('projectLead', c * 0.8);
      }
      if (m?.[2]) {
        form.phone = m[2].trim();
        report.set('phone', c * 0.8);
      }
      return true;
    }
    case 'selfScore': {
      const t = text.replace(/\s/g, '');
      const m = /^(\d+(?:\.\d+)?)/.exec(t);
      if (!m) return false;
      form.totalScore = Number(m[1]);
      report.set('totalScore', c * 0.85);
      return t.slice(m[0].length) || true;
    }
    case 'reviewScore': {
      // 财政审核评分: printed, not a field of the form; only a figure is its value.
      const t = text.replace(/\s/g, '');
      const m = /^(\d+(?:\.\d+)?)/.exec(t);
      if (!m) return false;
      return t.slice(m[0].length) || true;
    }
    default:
      // 报表编号: printed, but not a field of the form.
      return true;
  }
}

/**
 * Labels whose value the layout moved elsewhere take unclaimed text that fits them: an
 * organisation's name for 主管部门 / 实施单位 (`稷山县医疗保险服务中心`). Low confidence, and said.
 */
export function fillPending(
  pending: readonly Pending[],
  orphans: readonly string[],
  form: Form,
  report: CellReport,
): void {
  const pool = [...orphans];
  for (const p of pending) {
    if (p.role !== 'implementingUnit' && p.role !== 'competentDepartment' && p.role !== 'projectName')
      continue;
    if (form[p.role as 'implementingUnit']) continue;
    const i = pool.findIndex((t) => p.role === 'projectName' || ORG_SUFFIX.test(t));
    if (i < 0) continue;
    const text = pool.splice(i, 1)[0]!;
    form[p.role as 'implementingUnit'] = text;
    report.set(p.role, 0.5);
    report.warn(p.role, `“${text}”不在标签旁边，按版面顺序判断为${LABEL_NAMES[p.role]}，请核对`, 0.5);
  }
}

const LABEL_NAMES: Record<string, string> = {
  projectName: '项目名称',
  competentDepartment: '主管部门',
  implementingUnit: '实施单位',
};

/** A text that names an organisation (`…医疗保险服务中心`, `…第六中学`). */
export function looksLikeOrg(t: string): boolean {
  return t.length >= 4 && t.length <= 40 && /^[\u4e00-\u9fff()（）\d-]+$/.test(t) && ORG_SUFFIX.test(t);
}
