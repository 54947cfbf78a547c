import { fromIso } from '../../grammar/date.ts';

/** Whole days from ISO date a to ISO date b (b − a); calendar arithmetic on validated Y-M-D only. */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToUtc(b) - isoToUtc(a)) / 86_400_000);
}

function isoToUtc(iso: string): number {
  // Dates from the grammar are always a valid `YYYY-MM-DD`; anything else is split as written.
  const d = fromIso(iso);
  if (d) return Date.UTC(d.year, d.month - 1, d.day);
  const p = iso.split('-');
  return Date.UTC(Number(p[0]), p.length > 1 ? Number(p[1]) - 1 : 0, p.length > 2 ? Number(p[2]) : 1);
}
