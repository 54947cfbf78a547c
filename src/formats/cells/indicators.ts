import type { Form, Indicator } from '../../core/form/schema.ts';
import type { IndicatorColumn } from '../../core/template/schema.ts';
import { type Ctx, type Fragments, splitJunk } from './debris.ts';
import type { Memo } from './field-scores.ts';
import { inferLevel1, pairUp } from './pairing.ts';
import type { CellReport } from './report.ts';
import { type ParsedRow, parseRows, type Seg } from './rows.ts';
import { type Stream, textOf } from './stream.ts';
import { readNumber } from './values.ts';
import type { Piece, ZonedHit } from './zones.ts';

// The indicator table: level labels set the context of the rows after them, column headings are
// set aside, template rows left empty (`指标1:指标2:`, `……`) are dropped, and the text in between
// is cut into rows (rows.ts). A name the layout separated from its cells is paired with the next
// cells that have no name, in order; a row cut by the end of the text is left out.

const POINTS = /^[(（](\d+(?:\.\d+)?)分?[)）]?/;

/** Level-1 groups of the evaluation framework's process side (财预〔2020〕10号 附件1: 决策, 过程). */
const PROCESS_LEVEL1 = new Set(['项目决策', '项目过程', '项目管理', '决策', '过程']);

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
