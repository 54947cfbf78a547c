/** Whole days from ISO date a to ISO date b (b − a); calendar arithmetic on validated Y-M-D only. */
export function daysBetween(a: string, b: string): number {
  return Math.round((isoToUtc(b) - isoToUtc(a)) / 86_400_000);
}

function isoToUtc(iso: string): number {
  // Dates from the grammar are always `YYYY-MM-DD`: read their digits in place, with no split.
  if (iso.length === 10 && iso.charCodeAt(4) === DASH && iso.charCodeAt(7) === DASH) {
    const y = digits(iso, 0, 4);
    const m = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return Date.UTC(y, m - 1, d);
  }
  const p = iso.split('-');
  return Date.UTC(Number(p[0]), p.length > 1 ? Number(p[1]) - 1 : 0, p.length > 2 ? Number(p[2]) : 1);
}

const DASH = 0x2d;

/** The value of the ASCII digits iso[from, to); -1 if any is not a digit. */
function digits(iso: string, from: number, to: number): number {
  let v = 0;
  for (let k = from; k < to; k++) {
    const c = iso.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}
