// `pdftotext -layout` keeps the page's layout: the cells of a table row stand side by side on one
// line, padded with spaces, and a cell's wrapped lines sit below it, indented to its column. This
// importer reads cells one after another (pdftotext's default order, flattened rows, `|` tables);
// it cannot take such a page apart reliably, so it says so rather than pass off a muddle as a form.
// The PDF importer, which sees where each piece of text stands, reads those files.

/** Only the start of a huge input is looked at: a form is at most a few hundred KB of text. */
const SCAN_CHARS = 300_000;
/** Leading spaces of a line that continues a cell in a later column. */
const INDENT = 8;
/** Spaces between two cells of one line. */
const GAP = 3;
const INDENT_SPACES = ' '.repeat(INDENT);
const MIN_LINES = 5;
/** Shares of the non-blank lines: indented ones, and ones with cells side by side. */
const INDENTED_SHARE = 0.2;
const GAPPED_SHARE = 0.1;
const SPACE = 0x20;

export type SideBySide = {
  /** non-blank lines looked at. */
  lines: number;
  indented: number;
  gapped: number;
  /** 1-based number of the first line that is indented or gapped. */
  first: number;
};

/** Counts of a `pdftotext -layout`-like text, or null when the text does not look like one. */
export function sideBySide(text: string): SideBySide | null {
  // Other layouts never indent this far: one search settles most inputs.
  if (!text.includes(INDENT_SPACES)) return null;
  const end = Math.min(text.length, SCAN_CHARS);
  let lines = 0;
  let indented = 0;
  let gapped = 0;
  let first = 0;
  let no = 0;
  for (let start = 0; start < end; ) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    no++;
    const shape = lineShape(text, start, stop);
    if (shape !== BLANK) {
      lines++;
      if (shape & INDENTED) indented++;
      if (shape & GAPPED) gapped++;
      if (shape !== 0 && first === 0) first = no;
    }
    start = stop + 1;
  }
  if (indented < MIN_LINES || gapped < MIN_LINES) return null;
  if (indented < INDENTED_SHARE * lines || gapped < GAPPED_SHARE * lines) return null;
  return { lines, indented, gapped, first };
}

const BLANK = -1;
const INDENTED = 1;
const GAPPED = 2;

/** BLANK, or INDENTED | GAPPED bits of the line text[from, to). */
function lineShape(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === SPACE) i++;
  let last = to;
  while (last > i && isBlank(text.charCodeAt(last - 1))) last--;
  if (i === last) return BLANK;
  let shape = i - from >= INDENT ? INDENTED : 0;
  let run = 0;
  for (let k = i; k < last; k++) {
    if (text.charCodeAt(k) === SPACE) {
      if (++run === GAP) {
        shape |= GAPPED;
        break;
      }
    } else run = 0;
  }
  return shape;
}

const isBlank = (c: number): boolean => c === SPACE || c === 0x0d || c === 0x09 || c === 0x0c;

/** The warning for a side-by-side text, in the words a form's filler uses. */
export function sideBySideMessage(s: SideBySide): string {
  return (
    `这份文本像是用 pdftotext -layout（保持版面）提取的：${s.lines} 行文字里有 ${s.indented} 行大段缩进、` +
    `${s.gapped} 行中间用空格隔开几栏。这种排版把同一行的几个单元格并排放在一起，单元格边界只能猜测，` +
    '下面读出的内容很可能错位。请直接导入 PDF 文件，或用不带 -layout 参数的 pdftotext 重新提取。'
  );
}
