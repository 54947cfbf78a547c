// The page of a report, after the usual official-document layout (GB/T 9704 党政机关公文格式, as
// far as the fonts allow): A4 portrait, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
// title 二号 (22 pt) in a bold serif, body 三号 (16 pt) in a serif on a 28 pt line, 一、 headings in a
// sans (黑体's place), （一） headings in the bold serif (楷体's place), every paragraph indented two
// characters; tables in 五号 (10.5 pt); page numbers “— 1 —” centred below the text.
//
// Fonts: Debian's Noto CJK (SIL OFL) stand in for the official faces — Noto Serif CJK SC Bold for
// 方正小标宋简体, Noto Serif CJK SC for 仿宋_GB2312, Noto Sans CJK SC for 黑体. Word users with the
// official fonts change the styles (jixiao 标题, 正文 …) and the whole report follows.

const MM = 72 / 25.4;

export const REPORT_PAGE = {
  width: 595.28,
  height: 841.89,
  top: 37 * MM,
  bottom: 35 * MM,
  left: 28 * MM,
  right: 26 * MM,
} as const;

export const TEXT_WIDTH = REPORT_PAGE.width - REPORT_PAGE.left - REPORT_PAGE.right;

export const SIZES = {
  title: 22,
  titleLine: 32,
  subtitle: 16,
  body: 16,
  bodyLine: 28,
  table: 10.5,
  tableLine: 15,
  tablePad: 4,
  note: 12,
  noteLine: 20,
  chartTitle: 12,
  footer: 14,
} as const;

/** Two full-width spaces: the first-line indent of every paragraph. */
export const INDENT = '\u3000\u3000';

/** A line of narrative text that is a （一） heading rather than a sentence. */
export const isSubheading = (line: string): boolean =>
  /^（[一二三四五六七八九十]+）/.test(line) && line.length <= 32 && !/[。；]$/.test(line);

/** Font names written into the .docx (LibreOffice and Word look them up by these names). */
export const DOCX_FONTS = {
  serif: 'Noto Serif CJK SC',
  sans: 'Noto Sans CJK SC',
  latin: 'Times New Roman',
} as const;

/** Points → twips (Word's 1/20 pt) and half-points (font sizes). */
export const twips = (pt: number): number => Math.round(pt * 20);
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** The title's lines: whole when it fits, else broken where the document says (then wrapped). */
export function titleLines(
  title: string,
  titleBreak: number | undefined,
  fits: (line: string) => boolean,
): string[] {
  if (fits(title) || titleBreak === undefined) return [title];
  return [title.slice(0, titleBreak), title.slice(titleBreak)];
}
