// Where the parts of the form start: header, funds, goals, indicator table, total row.
// Each scan stops at its first hit, so a huge input costs one pass over its first form.

import { type Line, plain } from './lines.ts';
import { GOALS_LABEL } from './vocab.ts';

export type Sections = {
  /** first line after the header block (the header is lines [0, headerEnd)). */
  headerEnd: number;
  funds: number | null;
  goals: number | null;
  indicators: number | null;
  /** the 总分 row, or null. */
  total: number | null;
  /** end of the indicator table: the total row or the end of the text. */
  tableEnd: number;
};

/** How far the header may reach when no section after it is found. */
const HEADER_SCAN = 80;

export function isFundsStart(p: string): boolean {
  return (
    p.startsWith('项目资金') || p.startsWith('资金情况') || (p.includes('年初预算数') && p.includes('执行数'))
  );
}

export function isGoalsHeader(p: string): boolean {
  return p.includes('预期目标') && (p.includes('实际完成情况') || p.includes('完成情况'));
}

export function isGoalsStart(lines: readonly Line[], i: number, end: number): boolean {
  const p = plain(lines[i]!);
  if (p.startsWith('年度总体目标') || isGoalsHeader(p)) return true;
  return p.length < 6 && GOALS_LABEL.matchWrapped(lines, i, end) !== null;
}

/** `绩效指标` alone, or the table's column-title row. */
export function isIndicatorsStart(p: string): boolean {
  if (p === '绩效指标') return true;
  if (p.includes('一级指标') && (p.includes('二级指标') || p.includes('三级指标'))) return true;
  return p.startsWith('绩效指标') && (p.includes('一级指标') || p.includes('三级指标'));
}

const DIGIT = /\d/;

/** `总分 100 99.35`; `合计`/`总计` only as a short row with figures (a wrapped cell line may start so). */
export function isTotalRow(p: string): boolean {
  // Checked on every table line: one character code settles almost all of them.
  const first = p.charCodeAt(0);
  if (first !== 0x603b && first !== 0x5408) return false; // 总, 合
  if (p.startsWith('总分')) return p.length <= 40;
  return (p.startsWith('合计') || p.startsWith('总计')) && p.length <= 24 && DIGIT.test(p);
}

export function findSections(lines: readonly Line[]): Sections {
  const n = lines.length;
  let funds: number | null = null;
  let goals: number | null = null;
  let indicators: number | null = null;
  let total: number | null = null;
  let i = 0;
  for (; i < n; i++) {
    const p = plain(lines[i]!);
    if (!p) continue;
    if (funds === null && goals === null && isFundsStart(p)) funds = i;
    else if (goals === null && isGoalsStart(lines, i, n)) goals = i;
    else if (isIndicatorsStart(p)) {
      indicators = i;
      break;
    }
    // A form without any section heading: stop looking after a while.
    if (funds === null && goals === null && i > 4 * HEADER_SCAN) break;
  }
  if (indicators !== null) {
    for (let k = indicators + 1; k < n; k++) {
      if (isTotalRow(plain(lines[k]!))) {
        total = k;
        break;
      }
    }
  }
  const firstSection = funds ?? goals ?? indicators;
  const headerEnd = firstSection ?? Math.min(n, HEADER_SCAN);
  return { headerEnd, funds, goals, indicators, total, tableEnd: total ?? n };
}
