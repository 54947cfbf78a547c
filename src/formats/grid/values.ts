// Reading one number cell: the number a spreadsheet stored, else the printed text; anything else
// is a warning that names the cell and what was expected — never a silent half-parse.

import { fractionToPercent, isDash, parseNumber, parsePercent } from './numbers.ts';
import type { GridReport } from './report.ts';
import type { GridView } from './view.ts';

/** `blank`: nothing printed; `dash`: `-`; `bad`: text where a number belongs (already warned). */
export type CellNumber = { kind: 'number'; value: number } | { kind: 'blank' | 'dash' | 'bad' };

export function readNumber(
  view: GridView,
  r: number,
  c: number,
  path: string,
  what: string,
  report: GridReport,
): CellNumber {
  const stored = view.stored(r, c);
  const text = view.text(r, c);
  if (stored !== undefined && Number.isFinite(stored)) return { kind: 'number', value: stored };
  if (!text) return { kind: 'blank' };
  if (isDash(text)) return { kind: 'dash' };
  const n = parseNumber(text);
  if (n !== null) return { kind: 'number', value: n };
  report.warn(
    path,
    `${view.where(r, c)} ${what}：应为数字，实为“${clip(text)}”，已按空白读取`,
    0.3,
    view.source(r, c),
  );
  return { kind: 'bad' };
}

/**
 * An execution rate in percent units. `93.51%` as text, or 0.9351 stored with a percent format
 * (the reader shows it as `93.51%`); a bare number is a fraction or a percent, whichever is
 * closer to the rate the row's own budget figures give.
 */
export function readPercent(
  view: GridView,
  r: number,
  c: number,
  path: string,
  expected: number | null,
  report: GridReport,
): CellNumber {
  const stored = view.stored(r, c);
  const text = view.text(r, c);
  if (stored !== undefined && Number.isFinite(stored)) {
    if (text.includes('%') || text.includes('％'))
      return { kind: 'number', value: fractionToPercent(stored) };
    return { kind: 'number', value: bareRate(stored, expected, true) };
  }
  if (!text) return { kind: 'blank' };
  if (isDash(text)) return { kind: 'dash' };
  const p = parsePercent(text);
  if (p !== null) return { kind: 'number', value: p };
  const n = parseNumber(text);
  if (n !== null) return { kind: 'number', value: bareRate(n, expected, false) };
  report.warn(
    path,
    `${view.where(r, c)} 执行率：应为百分数，实为“${clip(text)}”，已按空白读取`,
    0.3,
    view.source(r, c),
  );
  return { kind: 'bad' };
}

function bareRate(v: number, expected: number | null, stored: boolean): number {
  const asFraction = fractionToPercent(v);
  if (expected !== null) return Math.abs(asFraction - expected) < Math.abs(v - expected) ? asFraction : v;
  // A spreadsheet stores rates as fractions; printed text without `%` is already in percent.
  return stored && v <= 1.5 ? asFraction : v;
}

export function clip(s: string, max = 30): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
