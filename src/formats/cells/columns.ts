import type { FundsColumn, IndicatorColumn, Template } from '../../core/template/schema.ts';
import { CELL, LINE, NONE, SPACE, type Stream } from './stream.ts';
import type { ZonedHit } from './zones.ts';

// How a text lays out its tables: the separator that stands between its cells, and the order of
// the funds block's and the indicator table's columns (as printed, or the template's).

/** The separator that usually stands between two cells of this text. */
export function boundOf(s: Stream, hits: readonly ZonedHit[]): number {
  if (hits.length === 0) return SPACE;
  const counts = [0, 0, 0, 0];
  for (const h of hits) counts[Math.min(3, s.bound[h.from]!)]!++;
  const n = hits.length;
  if (counts[CELL]! / n >= 0.5) return CELL;
  if ((counts[CELL]! + counts[LINE]!) / n >= 0.5) return LINE;
  if ((counts[CELL]! + counts[LINE]! + counts[SPACE]!) / n >= 0.5) return SPACE;
  return NONE;
}

export function fundsColumns(t: Template | null): FundsColumn[] {
  return t
    ? t.funds.columns
    : ['initialBudget', 'annualBudget', 'executed', 'weight', 'executionRate', 'score'];
}

const NATIONAL_COLUMNS: IndicatorColumn[] = ['name', 'target', 'actual', 'weight', 'score', 'deviation'];

/** Column headings in printed order; the template's order where the headings are missing or partial. */
export function indicatorColumns(hits: readonly ZonedHit[], t: Template | null): IndicatorColumn[] {
  const found: IndicatorColumn[] = [];
  for (const h of hits) {
    if (!h.role.startsWith('indCol.')) continue;
    const c = h.role.slice('indCol.'.length) as IndicatorColumn;
    if (c === 'level1' || c === 'level2') continue;
    if (!found.includes(c)) found.push(c);
  }
  const fromTemplate = t
    ? t.indicators.columns.filter((c) => c !== 'level1' && c !== 'level2')
    : NATIONAL_COLUMNS;
  if (found.length < 3) return fromTemplate;
  if (!found.includes('name')) found.unshift('name');
  else if (found[0] !== 'name') {
    found.splice(found.indexOf('name'), 1);
    found.unshift('name');
  }
  // A heading the text lost (OCR, a scrambled order) is the template's, where the others agree with it.
  const isSubsequence = found.every(
    (c, i) =>
      fromTemplate.indexOf(c) >= 0 &&
      (i === 0 || fromTemplate.indexOf(c) > fromTemplate.indexOf(found[i - 1]!)),
  );
  if (isSubsequence && fromTemplate.length > found.length) return fromTemplate;
  return found;
}
