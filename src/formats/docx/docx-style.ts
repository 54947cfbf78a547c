// Page geometry and type of the exported Word document, in Word's units (twips: 1/20 pt;
// font sizes in half-points). One place, so the table widths and the row-height estimate agree.

/** A4 landscape: 297 × 210 mm. */
export const PAGE = { width: 16838, height: 11906 } as const;
export const MARGIN = { top: 1020, bottom: 1020, left: 850, right: 850, header: 567, footer: 510 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CONTENT_HEIGHT = PAGE.height - MARGIN.top - MARGIN.bottom;

/** 10 pt body text; a CJK character is as wide as the font size. */
export const BODY_SIZE = 20;
export const TITLE_SIZE = 36;
export const SUBTITLE_SIZE = 24;
export const FOOTER_SIZE = 18;
export const CELL_MARGIN = { top: 30, bottom: 30, left: 70, right: 70 } as const;
/** one printed line of body text, with Word's single spacing for a CJK font (≈1.3 × size). */
export const LINE_HEIGHT = 270;

/**
 * 宋体 is what Chinese government forms are set in. Its English name SimSun is the one to write:
 * Word finds the font by either name, while LibreOffice on Linux knows only SimSun as a serif to
 * replace with Noto Serif CJK (with 宋体 it falls back to a sans face).
 */
export const CJK_FONT = 'SimSun';
export const CJK_FALLBACK = 'Noto Serif CJK SC';
export const LATIN_FONT = 'Times New Roman';

export const BORDER = { style: 'single', size: 4, color: '000000' } as const;
export const NO_BORDER = { style: 'nil' } as const;

/** Column widths in twips: the grid's character units scaled to fill the printable width. */
export function columnTwips(widths: readonly number[]): number[] {
  const total = widths.reduce((s, w) => s + w, 0) || 1;
  const out = widths.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  const rest = CONTENT_WIDTH - out.reduce((s, w) => s + w, 0);
  if (out.length > 0) out[out.length - 1]! += rest;
  return out;
}

/** Printed width of text in twips at body size: CJK and full-width characters are one em, the rest half. */
export function textTwips(text: string): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return (units * BODY_SIZE * 10) / 2;
}

/** Lines a text takes in a cell of this width (each '\n' starts a line). */
export function lineCount(text: string, cellTwips: number): number {
  const inner = Math.max(200, cellTwips - CELL_MARGIN.left - CELL_MARGIN.right);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textTwips(line) / inner)), 0);
}
