import type { ExtraFundsRow, Form, FundsKey, FundsRow } from '../../core/form/schema.ts';
import type { FundsColumn } from '../../core/template/schema.ts';
import { type FundsValues, type RowContext, type RowReading, readFundsRow } from './funds-row.ts';
import type { CellReport } from './report.ts';
import { cellsOf, SPACE, type Stream, textOf } from './stream.ts';
import type { Piece, ZonedHit } from './zones.ts';

// The funds block: its column headings in printed order, its rows (年度资金总额, 其中 当年财政拨款,
// 上年结转资金, 其他资金 and the rows some families add), and each row's figures. A PDF extractor
// may print all row labels first and the figures after them (the figures then go to the rows in
// order); a scanned form may print a row label before the headings.

const COLUMN_NAMES: Record<string, string> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  executionRate: '执行率',
  score: '得分',
};

/** Decorations of headings and labels that carry no figure: `(万元)`, `(A)`, `(B/A)`, `其中:`. */
const DECORATION =
  /^(?:[:：,，、;；]|[(（][A-Za-z/]{1,3}[)）]|[(（]?(?:万元|元)[)）]?|其中[:：]?|[A-Z][、,.]?)+$/;
const LEADING = /^(?:[:：,，、;；]|[(（][A-Za-z/]{1,3}[)）]|[(（](?:万元|元)[)）]|[A-Z][、,.])+/;
const TRAILING = /(?:其中[:：]?|[(（](?:万元|元)[)）]|[:：,，、])+$/;

/** A cell without the decorations glued to its figures (`(B/A)64.8…100%其中:`). */
function strip(cell: string): string {
  return cell.replace(LEADING, '').replace(TRAILING, '');
}

type RowSlot = { role: string; label: string; hit: ZonedHit; cells: string[] };

export function readFunds(
  s: Stream,
  hits: readonly ZonedHit[],
  pieces: readonly Piece[],
  defaultColumns: readonly FundsColumn[],
  separated: boolean,
  form: Form,
  report: CellReport,
): { orphans: string[] } {
  const orphans: string[] = [];
  const columns: FundsColumn[] = [];
  for (const h of hits)
    if (h.role.startsWith('fundsCol.')) {
      const c = h.role.slice('fundsCol.'.length) as FundsColumn;
      if (!columns.includes(c)) columns.push(c);
    }
  // The headings as the text prints them; the template's order where the text shows fewer than two.
  const cols = columns.length >= 2 ? columns : [...defaultColumns];
  const rows: RowSlot[] = [];
  const loose: string[] = [];
  let current: RowSlot | null = null;
  const events = [
    ...hits.map((h) => ({ at: h.from, hit: h })),
    ...pieces.map((p) => ({ at: p.from, piece: p })),
  ].sort((a, b) => a.at - b.at);
  for (const e of events) {
    if ('hit' in e && e.hit) {
      const h = e.hit;
      if (h.role.startsWith('fundsRow.')) {
        current = {
          role: h.role.slice('fundsRow.'.length),
          label: textOf(s, h.from, h.to),
          hit: h,
          cells: [],
        };
        rows.push(current);
      } else if (h.role.startsWith('fundsCol.') || h.role === 'fundsBlock' || h.role.startsWith('header.'))
        current = null;
      continue;
    }
    const p = (e as { piece: Piece }).piece;
    if (p.zone !== 'funds') continue;
    const cells = cellsOf(s, p.from, p.to, SPACE)
      .map(([a, b]) => s.key.slice(a, b))
      .filter((k) => !DECORATION.test(k))
      .flatMap((k) => {
        if (k === '') return [k];
        const t = strip(k);
        if (t === '') return [];
        // Run-together text: words glued before or after the figures are another cell's.
        const m = /^([^\d\-—–/－―]*?)([\d.,%\-—–/－―]+)([^\d]*)$/.exec(t);
        if (m && (m[1] || m[3]) && /[\u4e00-\u9fff]/.test(m[1]! + m[3]!)) {
          if (m[1]) orphans.push(m[1]);
          if (m[3]) orphans.push(m[3]);
          return [m[2]!];
        }
        return [t];
      });
    const texts = cells.filter((k) => k !== '' && !/\d|^[-—–/－―一]+$/.test(k));
    if (cells.every((k) => k === '' || texts.includes(k)) && (!current || !cols.includes('note'))) {
      // A piece with no figure is a heading fragment or text the layout moved here.
      for (const t of texts) orphans.push(t);
      continue;
    }
    if (current) current.cells.push(...cells);
    else loose.push(...cells);
  }
  // Figures printed after all the row labels go to the rows that have none, in order.
  const empty = rows.filter((r) => r.cells.length === 0);
  if (loose.length > 0 && empty.length > 0) distribute(loose, empty, cols, separated);
  // The total first; its sub-rows are read knowing it (a 其中 row is part of the total, and most
  // often all of it), then the total again knowing what its sub-rows add up to.
  const total = rows.find((r) => r.role === 'total') ?? null;
  const has = (r: RowSlot) => r.cells.some((c) => c !== '');
  const read = new Map<RowSlot, RowReading | null>();
  let totalValues =
    total && has(total) ? readFundsRow(total.cells, cols, { subRow: false, separated })?.values : undefined;
  for (let pass = 0; pass < 2; pass++) {
    const sums: NonNullable<RowContext['sums']> = {};
    for (const r of rows) {
      if (r === total) continue;
      const reading = has(r)
        ? readFundsRow(r.cells, cols, { subRow: true, total: totalValues, separated })
        : null;
      read.set(r, reading);
      for (const a of ['initialBudget', 'annualBudget', 'executed'] as const) {
        const v = reading?.values[a];
        if (typeof v === 'number') sums[a] = (sums[a] ?? 0) + v;
      }
    }
    if (!total) break;
    const again = has(total) ? readFundsRow(total.cells, cols, { subRow: false, sums, separated }) : null;
    read.set(total, again);
    totalValues = again?.values;
  }
  const extra: ExtraFundsRow[] = [];
  for (const r of rows) {
    const reading = read.get(r) ?? null;
    const row = toRow(reading?.values);
    if (r.role === 'extra') {
      if (row) extra.push({ label: r.label.replace(/^其中[:：]?/, ''), ...row });
      continue;
    }
    const key = r.role as FundsKey;
    if (form.funds[key] !== null && r !== total) continue;
    form.funds[key] = row;
    const conf = reading ? confidence(reading, r) : 0.9;
    for (const c of Object.keys(row ?? {})) report.set(`funds.${key}.${c}`, conf);
    report.set(`funds.${key}`, conf);
    if (reading && conf < 0.7)
      report.warn(
        `funds.${key}`,
        `“${r.label}”一行的数字与列对应不唯一（${describe(reading.values)}），请核对`,
        conf,
      );
  }
  if (extra.length > 0) form.extraFunds = extra;
  for (const k of ['fiscal', 'carryover', 'other'] as const) {
    if (form.funds[k] === null && rows.some((r) => r.role === k)) report.set(`funds.${k}`, 0.9);
  }
  return { orphans };
}

function distribute(
  cells: string[],
  rows: RowSlot[],
  cols: readonly FundsColumn[],
  separated: boolean,
): void {
  if (rows.length === 1) {
    rows[0]!.cells.push(...cells);
    return;
  }
  // Try every cut of the figures into consecutive groups; keep the one whose rows read best.
  const n = rows.length;
  let best: { score: number; cuts: number[] } | null = null;
  const cuts: number[] = [];
  // Rows of one block are printed alike: an even share of the figures is the likelier cut.
  const even = cells.length % n === 0 ? cells.length / n : -1;
  const rec = (start: number, k: number, acc: number): void => {
    if (k === n - 1) {
      const r = readFundsRow(cells.slice(start), cols, { subRow: k > 0, separated });
      const sc = acc + (r ? r.score : -50) + (cells.length - start === even ? 1 : 0);
      if (!best || sc > best.score) best = { score: sc, cuts: [...cuts, start] };
      return;
    }
    for (let end = start + 1; end <= cells.length - (n - 1 - k); end++) {
      const r = readFundsRow(cells.slice(start, end), cols, { subRow: k > 0, separated });
      if (!r) continue;
      cuts.push(start);
      rec(end, k + 1, acc + r.score + (end - start === even ? 1 : 0));
      cuts.pop();
    }
  };
  rec(0, 0, 0);
  const chosen = (best as { score: number; cuts: number[] } | null)?.cuts;
  if (!chosen) {
    rows[0]!.cells.push(...cells);
    return;
  }
  chosen.forEach((start, i) => {
    const end = chosen[i + 1] ?? cells.length;
    rows[i]!.cells.push(...cells.slice(start, end));
  });
}

function toRow(v: FundsValues | undefined): FundsRow | null {
  if (!v) return null;
  const row: FundsRow = {};
  let any = false;
  for (const c of [
    'initialBudget',
    'annualBudget',
    'executed',
    'weight',
    'executionRate',
    'score',
  ] as const) {
    const x = v[c];
    if (typeof x === 'number') {
      row[c] = x;
      any = true;
    }
  }
  return any ? row : null;
}

function confidence(r: RowReading, slot: RowSlot): number {
  let c = r.margin >= 2 ? 0.95 : r.margin >= 1 ? 0.85 : r.margin >= 0.3 ? 0.7 : 0.55;
  if (r.ocr || slot.hit.confidence < 1) c = Math.min(c, 0.5);
  return c;
}

function describe(v: FundsValues): string {
  return Object.entries(v)
    .filter(([k, x]) => k !== 'note' && typeof x === 'number')
    .map(([k, x]) => `${COLUMN_NAMES[k] ?? k} ${x}`)
    .join('，');
}
