// 项目资金: the unit, the column order, and the four funding rows.

import type { Form, FundsKey, FundsRow } from '../../core/form/schema.ts';
import { isDash, parseAmount, parsePercent, splitCells } from './cells.ts';
import { type Line, plain } from './lines.ts';
import type { Report } from './report.ts';
import type { Sections } from './sections.ts';

type Col = 'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'executionRate' | 'score';

const DEFAULT_COLS: readonly Col[] = [
  'initialBudget',
  'annualBudget',
  'executed',
  'weight',
  'executionRate',
  'score',
];
const COL_NAMES: Record<Col, string> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  executionRate: '执行率',
  score: '得分',
};
// Longest first, so `全年执行数` claims its position before `执行数` could.
const COL_TERMS: readonly (readonly [string, Col])[] = [
  ['年初预算数', 'initialBudget'],
  ['全年预算数', 'annualBudget'],
  ['全年执行数', 'executed'],
  ['调整预算数', 'annualBudget'],
  ['执行数', 'executed'],
  ['执行率', 'executionRate'],
  ['分值', 'weight'],
  ['得分', 'score'],
];

// Longest first: `年度资金总额` before `资金总额`, `当年财政拨款` before `财政拨款`.
const ROW_LABELS: readonly (readonly [string, FundsKey])[] = [
  ['年度资金总额', 'total'],
  ['当年财政拨款', 'fiscal'],
  ['本年财政拨款', 'fiscal'],
  ['上年结转资金', 'carryover'],
  ['资金总额', 'total'],
  ['财政拨款', 'fiscal'],
  ['结转资金', 'carryover'],
  ['其他资金', 'other'],
];
const ROW_NAMES: Record<FundsKey, string> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

// Not imported from the schema module: that would load zod with the importer.
const FUNDS_KEYS: readonly FundsKey[] = ['total', 'fiscal', 'carryover', 'other'];
/** `funds.total`, `funds.total.executed`, …: built once, not per row and field of every import. */
const FUNDS_PATHS = Object.fromEntries(FUNDS_KEYS.map((k) => [k, `funds.${k}`])) as Record<FundsKey, string>;
const COL_PATHS = Object.fromEntries(
  FUNDS_KEYS.map((k) => [k, Object.fromEntries(DEFAULT_COLS.map((c) => [c, `funds.${k}.${c}`]))]),
) as Record<FundsKey, Record<Col, string>>;

const UNIT_IN_PARENS = /[（(]\s*(?:(?:金额)?单位\s*[:：]\s*)?(万元|元)\s*[)）]/;
const UNIT_WORD = /单位\s*[:：]\s*(万元|元)/;
const ROW_PREFIX = /^其中\s*[:：]?\s*/;
const LEADING_PIPE = /^\|\s*/;
const LEADING_COLON = /^[\s:：]+/;
const AMOUNT_COLS = ['initialBudget', 'annualBudget', 'executed'] as const;

export function readFunds(lines: readonly Line[], sections: Sections, form: Form, report: Report): void {
  if (sections.funds === null) {
    report.warn('funds', '未找到“项目资金”部分：应有“项目资金（万元）”及年度资金总额等行，没有找到', 0);
    report.warn('fundsUnit', '未找到资金单位，按“万元”读取', 0.3);
    return;
  }
  const start = sections.funds;
  const end = Math.min(lines.length, sections.goals ?? sections.indicators ?? start + 20);
  let unitFound = false;
  let cols: readonly Col[] | null = null;
  const seen = new Set<FundsKey>();
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (!line.text) continue;
    if (!unitFound) {
      const m = UNIT_IN_PARENS.exec(line.text) ?? UNIT_WORD.exec(line.text);
      if (m) {
        form.fundsUnit = m[1] === '元' ? '元' : '万元';
        report.set('fundsUnit', 0.95);
        unitFound = true;
      }
    }
    const header = columnsOf(plain(line));
    if (header) {
      cols = header;
      continue;
    }
    const row = rowLabel(line.text);
    if (!row || seen.has(row.key)) continue;
    seen.add(row.key);
    readRow(row.key, line, row.rest, cols, form, report);
  }
  if (!unitFound)
    report.warn('fundsUnit', '未找到资金单位：应为“项目资金（万元）”或“（元）”，按“万元”读取', 0.4);
  for (const key of FUNDS_KEYS) {
    if (!seen.has(key)) report.warn(FUNDS_PATHS[key], `未找到“${ROW_NAMES[key]}”一行，按空白读取`, 0.3);
  }
}

/** Column order from a title row naming at least three of the columns. */
function columnsOf(p: string): Col[] | null {
  // Three columns need a term with 数, or 执行率 (with 分值 and 得分): spare other lines the search.
  if (!p.includes('数') && !p.includes('率')) return null;
  const at: [number, Col, number][] = [];
  for (const [term, col] of COL_TERMS) {
    const k = p.indexOf(term);
    if (k < 0 || at.some(([pos, c, len]) => c === col || (k < pos + len && pos < k + term.length))) continue;
    at.push([k, col, term.length]);
  }
  if (at.length < 3) return null;
  return at.sort((a, b) => a[0] - b[0]).map(([, c]) => c);
}

function rowLabel(text: string): { key: FundsKey; rest: string } | null {
  // Both patterns are anchored: test the first characters before running them.
  let lead = text.charCodeAt(0) === 0x7c ? text.replace(LEADING_PIPE, '') : text;
  if (lead.startsWith('其中')) lead = lead.replace(ROW_PREFIX, '');
  for (const [label, key] of ROW_LABELS) {
    if (lead.startsWith(label)) return { key, rest: lead.slice(label.length) };
  }
  return null;
}

type Token = { kind: 'num' | 'pct' | 'dash' | 'empty' | 'text'; value: number; raw: string };

function tokenize(rest: string): Token[] {
  const { cells, explicit } = splitCells(rest);
  // With tabs or pipes the separator right after the label yields an empty first cell.
  if (explicit && cells.length > 0 && cells[0] === '' && !rest.trimStart().startsWith('|')) cells.shift();
  return cells.map((raw): Token => {
    if (!raw) return { kind: 'empty', value: 0, raw };
    if (isDash(raw)) return { kind: 'dash', value: 0, raw };
    const pct = parsePercent(raw);
    if (pct !== null) return { kind: 'pct', value: pct, raw };
    const n = parseAmount(raw);
    if (n !== null) return { kind: 'num', value: n, raw };
    return { kind: 'text', value: 0, raw };
  });
}

function readRow(
  key: FundsKey,
  line: Line,
  rest: string,
  header: readonly Col[] | null,
  form: Form,
  report: Report,
) {
  const path = FUNDS_PATHS[key];
  const all = tokenize(rest.replace(LEADING_COLON, ''));
  const junk = all.filter((t) => t.kind === 'text');
  const tokens = all.filter((t) => t.kind !== 'text');
  const cols = header ?? DEFAULT_COLS;
  const blank = tokens.every((t) => t.kind === 'empty' || t.kind === 'dash');
  const aligned = blank || tokens.length === cols.length;
  let confidence = blank ? 0.9 : header ? 0.95 : 0.8;
  if (!aligned) confidence = 0.65;
  if (junk.length > 0) confidence = Math.min(confidence, 0.5);

  if (blank) form.funds[key] = null;
  else {
    const assigned: [Col, Token][] = aligned
      ? cols.map((c, k) => [c, tokens[k]!])
      : alignByRate(tokens, cols);
    const row: FundsRow = {};
    for (const [col, t] of assigned) {
      if (col === 'initialBudget' || col === 'annualBudget' || col === 'executed') {
        row[col] = t.kind === 'num' ? t.value : null;
      } else if (t.kind === 'num' || (t.kind === 'pct' && col === 'executionRate')) {
        row[col] = t.value;
      }
    }
    for (const col of AMOUNT_COLS) if (!(col in row) && cols.includes(col)) row[col] = null;
    form.funds[key] = row;
    for (const col of Object.keys(row) as Col[]) report.set(COL_PATHS[key][col], confidence);
  }
  report.set(path, confidence);
  if (junk.length > 0) {
    report.warn(
      path,
      `第${line.no}行 ${ROW_NAMES[key]}：应为数字，实为“${junk.map((t) => t.raw).join(' ')}”，已忽略`,
      confidence,
      line.no,
    );
  }
  if (!aligned) {
    const names = cols.map((c) => COL_NAMES[c]).join(' ');
    report.warn(
      path,
      `第${line.no}行 ${ROW_NAMES[key]}：应有 ${cols.length} 个数值（${names}），实有 ${tokens.length} 个，已按位置推断`,
      confidence,
      line.no,
    );
  }
}

/**
 * Fewer figures than columns (blank cells vanish in flattened text): the percent anchors 执行率;
 * before it the budget figures come first and the weight is the one left out, after it the score.
 */
function alignByRate(tokens: readonly Token[], cols: readonly Col[]): [Col, Token][] {
  const pct = tokens.findIndex((t) => t.kind === 'pct');
  const rate = cols.indexOf('executionRate');
  if (pct < 0 || rate < 0) return fillLeft(tokens, cols);
  return [
    ...fillLeft(tokens.slice(0, pct), cols.slice(0, rate)),
    ['executionRate', tokens[pct]!],
    ...fillLeft(tokens.slice(pct + 1), cols.slice(rate + 1)),
  ];
}

function fillLeft(tokens: readonly Token[], cols: readonly Col[]): [Col, Token][] {
  let use = cols;
  if (tokens.length < cols.length) {
    // Drop the columns most often blank first: weight and score, then the later budgets.
    const order = [...cols].sort((a, b) => dropRank(a) - dropRank(b));
    const drop = new Set(order.slice(0, cols.length - tokens.length));
    use = cols.filter((c) => !drop.has(c));
  }
  return use.slice(0, tokens.length).map((c, k) => [c, tokens[k]!]);
}

function dropRank(c: Col): number {
  return c === 'weight' || c === 'score' ? 0 : c === 'executionRate' ? 1 : c === 'initialBudget' ? 3 : 2;
}
