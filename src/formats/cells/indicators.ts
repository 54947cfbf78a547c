import type { Form, Indicator } from '../../core/form/schema.ts';
import type { IndicatorColumn } from '../../core/template/schema.ts';
import { fieldScore, type Memo } from './field-scores.ts';
import { looksLikeOrg } from './header.ts';
import { keyText } from './normalize.ts';
import type { CellReport } from './report.ts';
import { type ParsedRow, parseRows, type Seg } from './rows.ts';
import { type Stream, textOf } from './stream.ts';
import { readNumber } from './values.ts';
import type { Piece, ZonedHit } from './zones.ts';

// The indicator table: level labels set the context of the rows after them, column headings are
// set aside, template rows left empty (`指标1:指标2:`, `……`) are dropped, and the text in between
// is cut into rows (rows.ts). A name the layout separated from its cells is paired with the next
// cells that have no name, in order; a row cut by the end of the text is left out.

export type Ctx = { l1: string; l2: string; l1Key: string; l2Key: string; l1Printed: boolean };

const POINTS = /^[(（](\d+(?:\.\d+)?)分?[)）]?/;

/** Level-1 groups of the evaluation framework's process side (财预〔2020〕10号 附件1: 决策, 过程). */
const PROCESS_LEVEL1 = new Set(['项目决策', '项目过程', '项目管理', '决策', '过程']);
// `指标1:` (or, OCR'd, `指标L` right before the next one): the template's numbering of an empty row.
const PLACEHOLDER = /指标[\dLlI一二三四五六七八九十]{1,2}(?:[:：]|(?=指标))/y;
const ELLIPSIS = /(?:…{1,}|\.{3,}|。{3,})/y;
const ROW_MARK = /指标[\d一二三四五六七八九十]{1,2}[:：]/g;

export type IndicatorsRead = {
  /** a nameless pair of figures that reads as the 总分 row (weight, score) */
  totals: number[] | null;
  /** unclaimed text, for header labels whose value the layout moved */
  orphans: string[];
};

export function readIndicators(
  s: Stream,
  hits: readonly ZonedHit[],
  pieces: readonly Piece[],
  columns: readonly IndicatorColumn[],
  level2Parent: ReadonlyMap<string, string>,
  children: ReadonlyMap<string, ReadonlySet<string>>,
  levelTerms: ReadonlySet<string>,
  fragments: Fragments,
  cellBound: number,
  endsText: boolean,
  /** the points the table says its weights add up to, if printed */
  points: number | null,
  form: Form,
  report: CellReport,
  memo: Memo,
): IndicatorsRead {
  const ctxs: Ctx[] = [{ l1: '', l2: '', l1Key: '', l2Key: '', l1Printed: false }];
  const segs: Seg[] = [];
  const events = [
    ...hits
      .filter((h) => h.zone === 'indicators')
      .map((h) => ({ at: h.from, hit: h as ZonedHit | null, piece: null as Piece | null })),
    ...pieces.filter((p) => p.zone === 'indicators').map((p) => ({ at: p.from, hit: null, piece: p })),
  ].sort((a, b) => a.at - b.at);
  let afterLevel = false;
  let lastLevel: ZonedHit | null = null;
  let pendingName: ZonedHit | null = null;
  for (const e of events) {
    if (e.hit) {
      const h = e.hit;
      if (h.role === 'level1' || h.role === 'level2') {
        const prev = ctxs[ctxs.length - 1]!;
        // `财务管理财务管理制度有效性`: a label right after the same label starts the row's name.
        if (lastLevel && lastLevel.to === h.from && lastLevel.term === h.term) {
          pendingName = h;
          continue;
        }
        const text = textOf(s, h.from, h.to).replace(/\s+/g, '');
        // `成本指标` is a level-2 under 产出指标 and a level-1 on newer forms: the context decides.
        const asLevel1 = h.role === 'level1' && !(prev.l1Key !== '' && children.get(prev.l1Key)?.has(h.term));
        ctxs.push(
          asLevel1
            ? { l1: text, l2: '', l1Key: h.term, l2Key: '', l1Printed: true }
            : { ...prev, l2: text, l2Key: h.term },
        );
        afterLevel = true;
        lastLevel = h;
      }
      continue;
    }
    let from = e.piece!.from;
    const to = e.piece!.to;
    if (pendingName && pendingName.to === from) from = pendingName.from;
    pendingName = null;
    lastLevel = null;
    // Points printed after a level label, `(50分)`, are the group's weight, not a cell.
    if (e.piece!.after && (e.piece!.after.role === 'level1' || e.piece!.after.role === 'level2')) {
      const m = POINTS.exec(s.key.slice(from, from + 10));
      if (m) from += m[0].length;
    }
    for (const [a, b] of splitJunk(s, from, to, levelTerms, fragments, ctxs)) {
      const process = PROCESS_LEVEL1.has(ctxs[ctxs.length - 1]!.l1Key);
      segs.push({ from: a, to: b, ctx: ctxs.length - 1, afterLevel, process });
      afterLevel = false;
    }
  }
  const orphans: string[] = [];
  let totalsFromJunk: number[] | null = null;
  if (segs.length === 0) return { totals: null, orphans };
  let parsed = parseRows(s, segs, columns, cellBound, memo, { endsText });
  // A column the table fills on most rows is rarely blank on one: read again knowing that.
  const full = parsed.filter((r) => r.fields.name && !r.nameOnly && !r.truncated);
  const blankCost: Partial<Record<IndicatorColumn, number>> = {};
  for (const c of ['weight', 'score'] as const) {
    if (!columns.includes(c) || full.length < 3) continue;
    const filled = full.filter((r) => r.fields[c]).length;
    if (filled / full.length >= 0.6) blankCost[c] = c === 'weight' ? -7 : -4;
  }
  // Most names carry the template's `指标1:`: a name without it is another row's text.
  const marked = full.filter(
    (r) => r.fields.name && /^指标[\d一二三四五六七八九十]{1,2}[:：]/.test(s.key.slice(...r.fields.name)),
  );
  const namePrefix = full.length >= 3 && marked.length / full.length >= 0.6;
  if (Object.keys(blankCost).length > 0 || namePrefix)
    parsed = parseRows(s, segs, columns, cellBound, memo, { blankCost, endsText, namePrefix });
  // The table's printed points (`绩效指标(90分)`): weights that do not add up to them were misread
  // where a weight is blank; read again with weights required, and keep that if it adds up.
  if (points !== null && columns.includes('weight') && weightSum(s, parsed) !== points && !blankCost.weight) {
    const again = parseRows(s, segs, columns, cellBound, memo, {
      blankCost: { ...blankCost, weight: -7 },
      endsText,
      namePrefix,
    });
    if (weightSum(s, again) === points) parsed = again;
  }
  // Two figures set aside between rows, in a table with weights: the 总分 row's, printed away from its label.
  for (const r of parsed) {
    if (!r.junk || !columns.includes('weight')) continue;
    const nums = splitFigures(s, r.junk);
    if (nums.length === 2 && nums[0]! >= 90 && nums[0]! <= 120 && nums[1]! <= nums[0]!) totalsFromJunk = nums;
  }
  const rows = pairUp(parsed, s, memo);
  let totals: number[] | null = totalsFromJunk;
  const out: Indicator[] = [];
  for (const r of rows) {
    if (r.truncated) {
      if (r.fields.name)
        report.warn('', `文字在“${textOf(s, ...r.fields.name)}”一行中间结束，该行未读取`, 0.9);
      continue;
    }
    if (r.nameless) {
      const nums = Object.entries(r.fields)
        .map(([, range]) => readNumber(s.key.slice(range![0], range![1]))?.value)
        .filter((v): v is number => v !== undefined);
      if (
        nums.length === 2 &&
        Object.keys(r.fields).length === 2 &&
        columns.includes('weight') &&
        nums[0]! >= 90 &&
        nums[1]! <= nums[0]!
      )
        totals = nums;
      else report.warn('', `有一组数值（${describe(s, r)}）找不到对应的指标名称，未读取`, 0.5);
      continue;
    }
    if (r.nameOnly) {
      const name = textOf(s, ...r.fields.name!);
      orphans.push(name);
      continue;
    }
    const ctx = inferLevel1(ctxs, r.ctx, level2Parent);
    out.push(toIndicator(s, r, ctx, columns, report, out.length));
  }
  form.indicators = out;
  return { totals, orphans };
}

/** Ranges of [from, to) without empty template rows and ellipses; turns `社会效益 指标1:` into a level label. */
function splitJunk(
  s: Stream,
  from: number,
  to: number,
  levelTerms: ReadonlySet<string>,
  fragments: Fragments,
  ctxs: Ctx[],
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const key = s.key;
  let start = from;
  let p = from;
  while (p < to) {
    PLACEHOLDER.lastIndex = p;
    ELLIPSIS.lastIndex = p;
    const m = PLACEHOLDER.exec(key);
    let junkEnd = -1;
    if (m && m.index === p) {
      const after = p + m[0].length;
      PLACEHOLDER.lastIndex = after;
      ELLIPSIS.lastIndex = after;
      const next = PLACEHOLDER.exec(key);
      const ell = ELLIPSIS.exec(key);
      // An empty template row: nothing but the next placeholder, an ellipsis or the end follows.
      if (after >= to || (next && next.index === after) || (ell && ell.index === after)) junkEnd = after;
    } else {
      const e = ELLIPSIS.exec(key);
      if (e && e.index === p) junkEnd = p + e[0].length;
    }
    if (junkEnd > p) {
      if (p > start) out.push([start, p]);
      start = Math.min(junkEnd, to);
      p = start;
      continue;
    }
    p++;
  }
  if (to > start) out.push([start, to]);
  // `社会效益 指标1:…`: a level label the layout wrapped short, right before a row's 指标N: prefix.
  const fixed: Array<[number, number]> = [];
  for (let [a, b] of out) {
    a = trimLeading(key, a, b, fragments);
    ROW_MARK.lastIndex = 0;
    const text = key.slice(a, b);
    const m = ROW_MARK.exec(text);
    if (m && m.index >= 2 && m.index <= 10) {
      const head = text.slice(0, m.index);
      const term = [...levelTerms].find((t) => t.startsWith(head) && t !== head);
      if (term) {
        const prev = ctxs[ctxs.length - 1]!;
        // The rest of the label may follow later in the same text (`服务对象满 … 意度指标`).
        const rest = term.slice(head.length);
        const printed =
          rest.length >= 3 && text.includes(rest, m.index + m[0].length)
            ? term
            : textOf(s, a, a + m.index).replace(/\s+/g, '');
        ctxs.push({ ...prev, l2: printed, l2Key: term });
        a += m.index;
      }
    }
    [a, b] = trimFragments(s, a, b, fragments);
    if (b > a) fixed.push([a, b]);
  }
  return fixed;
}

/**
 * Names the layout printed apart from their cells are paired with the nameless cells, in order.
 * Text the rows set aside counts as such a name only when there are nameless cells to take it.
 */
function pairUp(parsed: ParsedRow[], s: Stream, memo: Memo): ParsedRow[] {
  const nameless = parsed.filter((r) => r.nameless && !r.truncated).length;
  const rows: ParsedRow[] = [];
  for (const r of parsed) {
    if (!r.junk) {
      rows.push(r);
      continue;
    }
    if (nameless === 0) continue;
    const key = s.key.slice(r.junk[0], r.junk[1]);
    if (fieldScore('name', key, memo) >= 1 && !looksLikeOrg(key))
      rows.push({ ...r, fields: { name: r.junk }, nameOnly: true, junk: undefined });
  }
  const out: ParsedRow[] = [];
  const names: ParsedRow[] = [];
  const cells: ParsedRow[] = [];
  for (const r of rows) {
    if (r.nameOnly && !r.truncated) {
      const c = cells.shift();
      if (c) out.push(merge(r, c));
      else {
        names.push(r);
        out.push(r);
      }
      continue;
    }
    if (r.nameless && !r.truncated) {
      const n = names.shift();
      if (n) {
        const at = out.indexOf(n);
        out[at] = merge(n, r);
      } else if (isTotalsPair(r)) out.push(r);
      else cells.push(r);
      continue;
    }
    out.push(r);
  }
  // Cells no name claimed stay nameless (reported); names with no cells are orphans.
  for (const c of cells) out.push(c);
  return out;
}

function isTotalsPair(r: ParsedRow): boolean {
  return Object.keys(r.fields).length === 2;
}

function merge(name: ParsedRow, cells: ParsedRow): ParsedRow {
  return {
    fields: { ...cells.fields, name: name.fields.name! },
    ctx: name.ctx,
    nameless: false,
    nameOnly: false,
    truncated: false,
    // paired across the layout: the least sure of all readings
    weakest: -1,
  };
}

/** A level-2 label printed before its level-1 (a scrambled reading order) takes the level-1 that follows, if it is its parent. */
function inferLevel1(ctxs: readonly Ctx[], at: number, parent: ReadonlyMap<string, string>): Ctx {
  const c = ctxs[at]!;
  if (c.l1 || !c.l2) return c;
  const want = parent.get(c.l2Key);
  for (let k = at + 1; k < ctxs.length; k++) {
    const n = ctxs[k]!;
    if (n.l1Printed && n.l1Key !== c.l1Key) return want === n.l1Key ? { ...c, l1: n.l1, l1Key: n.l1Key } : c;
  }
  return c;
}

function toIndicator(
  s: Stream,
  r: ParsedRow,
  ctx: Ctx,
  columns: readonly IndicatorColumn[],
  report: CellReport,
  k: number,
): Indicator {
  const text = (c: IndicatorColumn) => (r.fields[c] ? textOf(s, ...r.fields[c]!) : '');
  const ocr: string[] = [];
  const num = (c: IndicatorColumn): number | null => {
    const f = r.fields[c];
    if (!f) return null;
    const n = readNumber(s.key.slice(f[0], f[1]));
    if (n?.ocr) ocr.push(c);
    return n ? n.value : null;
  };
  const parts = columns.includes('nature') || columns.includes('unit');
  const nature = text('nature');
  const value = text('target');
  const unit = text('unit');
  const row: Indicator = {
    level1: ctx.l1,
    level2: ctx.l2,
    name: text('name'),
    target: parts ? `${nature}${value}${unit}` : value,
    actual: text('actual'),
    weight: num('weight'),
    score: num('score'),
    deviation: text('deviation'),
  };
  if (parts && (nature || unit)) row.targetParts = { nature, value, unit };
  if (columns.includes('scoringMethod')) row.scoringMethod = text('scoringMethod');
  const conf = r.weakest >= 2 ? 0.95 : r.weakest >= 1 ? 0.85 : r.weakest === 0 && r.ctx >= 0 ? 0.7 : 0.5;
  for (const f of ['level1', 'level2', 'name', 'target', 'actual', 'weight', 'score', 'deviation'] as const)
    report.set(`indicators[${k}].${f}`, conf);
  // `IO` read as 10: a likely OCR confusion, corrected, said, and not trusted.
  for (const c of ocr) {
    const printed = textOf(s, ...r.fields[c as IndicatorColumn]!);
    report.warn(
      `indicators[${k}].${c}`,
      `第${k + 1}行“${row.name}”的${c === 'weight' ? '分值' : '得分'}印作“${printed}”，按 ${row[c as 'weight' | 'score']} 读取（疑似识别错误），请核对`,
      0.4,
    );
  }
  return row;
}

function weightSum(s: Stream, rows: readonly ParsedRow[]): number {
  let sum = 0;
  for (const r of rows) {
    const f = r.fields.weight;
    if (f && !r.truncated) sum += readNumber(s.key.slice(f[0], f[1]))?.value ?? 0;
  }
  return Math.round(sum * 100) / 100;
}

/** The figures of a key range, cut where the text separated them. */
function splitFigures(s: Stream, [a, b]: [number, number]): number[] {
  const out: number[] = [];
  let start = a;
  for (let i = a + 1; i <= b; i++) {
    if (i === b || s.bound[i]! >= 1) {
      const n = readNumber(s.key.slice(start, i));
      if (!n) return [];
      out.push(n.value);
      start = i;
    }
  }
  return out;
}

function describe(s: Stream, r: ParsedRow): string {
  return Object.values(r.fields)
    .map((f) => textOf(s, f![0], f![1]))
    .join(' ');
}

/** Pieces of headings a layout tore apart (`实际` of 实际完成值, `意度指标` of 服务对象满意度指标). */
export type Fragments = { prefixes: Set<string>; suffixes: Set<string> };

export function fragmentsOf(terms: Iterable<string>): Fragments {
  const prefixes = new Set<string>();
  const suffixes = new Set<string>();
  for (const t of terms) {
    for (let k = 2; k < t.length; k++) {
      prefixes.add(t.slice(0, k));
      suffixes.add(t.slice(t.length - k));
    }
  }
  return { prefixes, suffixes };
}

/**
 * A heading's tail before a word the reader knows (`年度` of 年度指标值 before `社会效益`). Not
 * before `指标1:`: a label cut short there is the row's level label (`服务对象满 指标1:`).
 */
function trimLeading(key: string, a: number, b: number, f: Fragments): number {
  for (let k = Math.min(6, b - a - 1); k >= 2; k--) {
    if (f.prefixes.has(key.slice(a, a + k)) && !f.prefixes.has(key.slice(a, a + k + 1))) {
      const next = key.slice(a + k, a + k + 8);
      if (!/^指标\d/.test(next) && [...f.prefixes].some((p) => p.length >= 3 && next.startsWith(p)))
        return a + k;
    }
  }
  return a;
}

/** [a, b) without heading fragments at its ends: a whole fragment, or a leading / trailing one. */
function trimFragments(s: Stream, a: number, b: number, f: Fragments): [number, number] {
  const key = s.key;
  const whole = key.slice(a, b).replace(/^[(（]\d+分?[)）]?$|^[(（]?\d+分[)）]?$/, '');
  if (whole === '' || f.prefixes.has(whole) || f.suffixes.has(whole)) return [a, a];
  a = trimLeading(key, a, b, f);
  const tail = /[(（]\d+分?$|[(（]\d+分?([\u4e00-\u9fff]{2,8})[)）]?$|[)）]$/.exec(key.slice(a, b));
  if (tail && (tail[1] === undefined || f.suffixes.has(tail[1]))) b = a + tail.index;
  // A heading's first words after the last cell, set apart by a space (a label cut by the end of the text).
  for (let k = Math.min(8, b - a - 1); k >= 3; k--) {
    if (s.bound[b - k]! >= 1 && f.prefixes.has(key.slice(b - k, b))) {
      b -= k;
      break;
    }
  }
  return [a, b];
}

export function levelTermSet(level1: readonly string[], level2: Record<string, string[]>): Set<string> {
  return new Set([...level1, ...Object.values(level2).flat()].map(keyText));
}
