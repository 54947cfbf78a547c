// Numbers as forms print them: `2,926.000000` → 2926, `93.51%` → 93.51, `10分` → 10, `-` → absent.

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DASHES = new Set(['-', '—', '－', '–', '/', '／', '——', '--', '―', '无']);
const FULL_WIDTH = /[\uff01-\uff5e]/g;

function ascii(s: string): string {
  return s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

/** A blank-in-print mark: `-` in a number cell means the cell is absent. */
export function isDash(s: string): boolean {
  return DASHES.has(s.trim());
}

/** A plain number, allowing thousands separators and a unit suffix (万元, 元, 分); null otherwise. */
export function parseNumber(s: string): number | null {
  let t = ascii(s).replace(/,/g, '');
  if (t.endsWith('万元')) t = t.slice(0, -2);
  else if (t.endsWith('元') || t.endsWith('分')) t = t.slice(0, -1);
  if (!NUMBER.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** `93.51%` → 93.51; null when the text is not a percentage. */
export function parsePercent(s: string): number | null {
  const t = ascii(s);
  if (!t.endsWith('%')) return null;
  return parseNumber(t.slice(0, -1));
}

/** A fraction stored by a spreadsheet (0.9351) in percent units (93.51), without float noise. */
export function fractionToPercent(f: number): number {
  return Number((f * 100).toPrecision(12));
}
