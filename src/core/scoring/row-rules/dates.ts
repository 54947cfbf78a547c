/** Whole days from ISO date a to ISO date b (b − a); calendar arithmetic on validated Y-M-D only. */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToUtc(b) - isoToUtc(a)) / 86_400_000);
}

function isoToUtc(iso: string): number {
  // No .map(Number): this runs for every dated row on every score; one array is enough.
  const p = iso.split('-');
  return Date.UTC(Number(p[0]), p.length > 1 ? Number(p[1]) - 1 : 0, p.length > 2 ? Number(p[2]) : 1);
}
