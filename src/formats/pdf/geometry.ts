// What the PDF reader takes from each page: positioned text runs and the ruling lines of tables,
// in PDF user space (points, y growing upwards). Plus the small geometric helpers the table
// builders share.

/** One run of text as pdfjs reports it; `y` is the baseline. */
export type TextRun = { str: string; x: number; y: number; width: number; size: number };

/** An axis-parallel ruling line: horizontal when y1 === y2, vertical when x1 === x2. */
export type Rule = { x1: number; y1: number; x2: number; y2: number };

export type PageContent = {
  /** 1-based page number. */
  page: number;
  texts: TextRun[];
  horizontal: Rule[];
  vertical: Rule[];
  /** images painted on the page (a page of images and no text is a scan). */
  images: number;
};

/** Distance within which two lines or edges count as the same one (double borders, rounding). */
export const TOL = 2;

/** Middle of a run's glyph boxes: ideographs sit from 0.12 em below the baseline to 0.88 em above. */
export function runCenter(t: TextRun): { x: number; y: number } {
  return { x: t.x + t.width / 2, y: t.y + 0.38 * t.size };
}

/** Groups sorted values whose neighbours lie within `tol`; each group becomes its mean. */
export function cluster(values: readonly number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length > 0 && v - group[group.length - 1]! > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

/** Index of the interval of `bounds` (ascending) that holds `v`, or -1 outside them. */
export function intervalOf(bounds: readonly number[], v: number): number {
  if (bounds.length < 2 || v < bounds[0]! || v > bounds[bounds.length - 1]!) return -1;
  for (let i = 1; i < bounds.length; i++) if (v <= bounds[i]!) return i - 1;
  return bounds.length - 2;
}

/** Merges collinear rules that overlap or touch, so a border drawn cell by cell becomes one line. */
export function mergeRules(rules: readonly Rule[], horizontal: boolean): Rule[] {
  const pos = (r: Rule) => (horizontal ? r.y1 : r.x1);
  const lo = (r: Rule) => (horizontal ? Math.min(r.x1, r.x2) : Math.min(r.y1, r.y2));
  const hi = (r: Rule) => (horizontal ? Math.max(r.x1, r.x2) : Math.max(r.y1, r.y2));
  const sorted = [...rules].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
  const out: Rule[] = [];
  const lanes: Array<{ at: number; spans: Array<[number, number]> }> = [];
  for (const r of sorted) {
    let lane = lanes.find((l) => Math.abs(l.at - pos(r)) <= 0.75);
    if (!lane) {
      lane = { at: pos(r), spans: [] };
      lanes.push(lane);
    }
    lane.spans.push([lo(r), hi(r)]);
  }
  for (const lane of lanes) {
    lane.spans.sort((a, b) => a[0] - b[0]);
    let cur: [number, number] | null = null;
    const emit = (s: [number, number]) =>
      out.push(
        horizontal
          ? { x1: s[0], x2: s[1], y1: lane.at, y2: lane.at }
          : { x1: lane.at, x2: lane.at, y1: s[0], y2: s[1] },
      );
    for (const s of lane.spans) {
      if (cur && s[0] <= cur[1] + TOL) cur[1] = Math.max(cur[1], s[1]);
      else {
        if (cur) emit(cur);
        cur = [s[0], s[1]];
      }
    }
    if (cur) emit(cur);
  }
  return out;
}

function isLatinOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9]/.test(ch);
}

/** Estimated advance of a character in em: ideographs and full-width forms 1, the rest about half. */
export function charEm(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  return c >= 0x2e80 || (c >= 0x2010 && c <= 0x206f) ? 1 : 0.55;
}

/**
 * Runs on one baseline, left to right, as one string. Runs that do not touch get a space only
 * between Latin letters or digits (a gap between ideographs is just spacing).
 */
export function joinRunsOnLine(runs: readonly TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let out = '';
  let right = -Infinity;
  for (const r of sorted) {
    const gap = r.x - right;
    if (
      out &&
      gap > 0.25 * r.size &&
      isLatinOrDigit(out.trimEnd().at(-1)) &&
      isLatinOrDigit(r.str.trimStart()[0])
    ) {
      out = `${out.trimEnd()} `;
    }
    out += r.str;
    right = Math.max(right, r.x + r.width);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Runs grouped into visual lines, top line first. */
export function groupLines(runs: readonly TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextRun[][] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - r.y) <= 0.5 * Math.max(ref.size, r.size)) line.push(r);
    else lines.push([r]);
  }
  return lines;
}

/** A cell's runs as text: one visual line per `\n` (the grid parser joins wrapped lines). */
export function cellTextOf(runs: readonly TextRun[]): string {
  return groupLines(runs)
    .map(joinRunsOnLine)
    .filter((s) => s !== '')
    .join('\n');
}
