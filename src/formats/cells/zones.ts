import type { LabelHit, Role } from './labels.ts';
import { SPACE, type Stream } from './stream.ts';

// A form is printed in one order — title, header, funds block, annual goals, indicator table,
// totals, signatures — whatever the layout does to its cells. Each label belongs to one zone;
// a label found where its zone is already over is ordinary text (`预算执行率` as an indicator's
// name, `其他资金包括…` inside a note), so the reader walks the labels in order and keeps only
// those that fit.

export type Zone = 'header' | 'funds' | 'goals' | 'indicators' | 'totals' | 'tail';
// The funds block and the goals come in either order (四川 prints 项目基本情况 before 预算执行情况).
const RANK: Record<Zone, number> = { header: 0, funds: 1, goals: 1, indicators: 2, totals: 3, tail: 4 };

export function zoneOf(role: Role): Zone {
  if (role === 'title' || role.startsWith('header.')) return 'header';
  if (role === 'fundsBlock' || role.startsWith('fundsCol.') || role.startsWith('fundsRow.')) return 'funds';
  if (role === 'goals' || role === 'goalsExpected' || role === 'goalsActual') return 'goals';
  if (role === 'totals') return 'totals';
  if (role === 'tail') return 'tail';
  return 'indicators';
}

export type ZonedHit = LabelHit & { zone: Zone };
/** Text between two kept labels, in the zone of the label before it. */
export type Piece = { from: number; to: number; zone: Zone; after: ZonedHit | null };

export type Zoned = { hits: ZonedHit[]; pieces: Piece[] };

/**
 * Keeps the labels that fit the form's order. `strict`: the text separates its cells (spaces,
 * lines, `|`), so a label must stand as a cell of its own — `其他资金` inside `其他资金包括…` is text.
 */
export function zone(hits: readonly LabelHit[], from: number, to: number, strict: boolean): Zoned {
  const kept: ZonedHit[] = [];
  let current: Zone = 'header';
  let tableStarted = false;
  // A term may have several roles (`得分` heads a funds column and an indicator column): the one
  // that fits where the reader is wins.
  const groups: LabelHit[][] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.from === h.from && last[0]!.to === h.to) last.push(h);
    else groups.push([h]);
  }
  for (const group of groups) {
    const options = group
      .filter((h) => h.from >= from && h.to <= to && (!strict || h.aligned || h.role === 'title'))
      .filter((h) => fits(h, current, tableStarted))
      .sort(
        (a, b) =>
          Math.abs(RANK[zoneOf(a.role)] - RANK[current]) - Math.abs(RANK[zoneOf(b.role)] - RANK[current]),
      );
    const h = options[0];
    if (!h) continue;
    const z = zoneOf(h.role);
    if (h.role === 'indicatorSection' || h.role.startsWith('indCol.')) tableStarted = true;
    if (RANK[z] > RANK[current] || (RANK[z] === RANK[current] && z !== 'header')) current = z;
    kept.push({ ...h, zone: z });
  }
  const pieces: Piece[] = [];
  let at = from;
  let prev: ZonedHit | null = null;
  for (const h of kept) {
    if (h.from > at) pieces.push({ from: at, to: h.from, zone: prev?.zone ?? 'header', after: prev });
    at = Math.max(at, h.to);
    prev = h;
  }
  if (to > at) pieces.push({ from: at, to, zone: prev?.zone ?? 'header', after: prev });
  return { hits: kept, pieces };
}

function fits(h: LabelHit, current: Zone, tableStarted: boolean): boolean {
  const z = zoneOf(h.role);
  const now = RANK[current];
  // Header labels stray into the funds block when a PDF extractor interleaves columns
  // (`实施单位` among the funds headings); they never come after the goals or the table.
  if (z === 'header') return h.role !== 'title' && now <= RANK.funds && current !== 'goals';
  if (z === 'funds' || z === 'goals') return now <= RANK.goals;
  if (z === 'indicators') {
    if (h.role === 'level1' || h.role === 'level2')
      return (tableStarted || current === 'indicators') && now <= RANK.indicators;
    return now <= RANK.indicators;
  }
  if (z === 'totals') return tableStarted && now <= RANK.totals;
  if (z === 'tail') return now >= RANK.indicators;
  return false;
}

/**
 * How the text separates its cells: the share of labels that start at a separator. Text laid out
 * cell by cell (`|`, lines, spaces) starts nearly every label at one; text whose cells run
 * together starts few.
 */
export function separatesCells(s: Stream, hits: readonly LabelHit[]): boolean {
  if (hits.length === 0) return true;
  let at = 0;
  for (const h of hits) if (h.from === 0 || s.bound[h.from]! >= SPACE) at++;
  return at / hits.length >= 0.6;
}
