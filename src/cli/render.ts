// Terminal rendering of Chinese tables: CJK characters take two columns.

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export function truncate(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = WIDE.test(ch) ? 2 : 1;
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return `${out}…`;
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'left' ? s + gap : gap + s;
}

export type Column = { title: string; align?: 'left' | 'right'; max?: number };

export function table(columns: readonly Column[], rows: readonly string[][]): string {
  const cells = rows.map((r) => r.map((c, i) => (columns[i]?.max ? truncate(c, columns[i]!.max!) : c)));
  const widths = columns.map((col, i) =>
    Math.max(displayWidth(col.title), ...cells.map((r) => displayWidth(r[i] ?? ''))),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => pad(c, widths[i]!, columns[i]?.align))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('──');
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join('\n');
}
