// Line wrapping for table cells. The exporter wraps text itself (rather than letting pdfkit do it)
// so that row heights are known before anything is drawn, and so that every printed line is one
// text run the importer can find again.

/** Width of a string in points at the font size the caller has in mind. */
export type Measure = (text: string) => number;

/** Punctuation that must not begin a line (避头点): it pulls the previous character down with it. */
const NO_LINE_START = new Set('，。、；：？！）》」』”’％,.;:?!)]}%');

/** CJK ideographs, kana, hangul and full-width forms break anywhere; everything else by word. */
function breaksAnywhere(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xffef) ||
    c >= 0x20000 ||
    (c >= 0x2010 && c <= 0x206f) // dashes, quotes “”, ellipsis: typeset like CJK punctuation here
  );
}

/** Splits a paragraph into tokens: single CJK characters, Latin words, and runs of spaces. */
export function tokenize(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  let spaces = '';
  for (const ch of paragraph) {
    if (ch === ' ' || ch === '\t') {
      if (word) out.push(word);
      word = '';
      spaces += ' ';
      continue;
    }
    if (spaces) out.push(spaces);
    spaces = '';
    if (breaksAnywhere(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  if (spaces) out.push(spaces);
  return out;
}

/** Breaks a word wider than the line into pieces that fit (long numbers, URLs). */
function splitLongWord(word: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && measure(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

function wrapParagraph(paragraph: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let width = 0;
  const flush = (): void => {
    while (line.length > 0 && line[line.length - 1]!.trim() === '') line.pop();
    lines.push(line.join(''));
    line = [];
    width = 0;
  };
  for (const token of tokenize(paragraph)) {
    const isSpace = token.trim() === '';
    if (isSpace && line.length === 0) continue;
    const w = measure(token);
    if (width + w <= maxWidth || isSpace) {
      line.push(token);
      width += w;
      continue;
    }
    if (w > maxWidth) {
      // A word wider than a whole line starts its own line and is cut where it overflows.
      if (line.length > 0) flush();
      const pieces = splitLongWord(token, maxWidth, measure);
      for (const piece of pieces.slice(0, -1)) {
        line.push(piece);
        flush();
      }
      const last = pieces.at(-1) ?? '';
      line.push(last);
      width = measure(last);
      continue;
    }
    // Closing punctuation may not start a line: move the last character down with it.
    let carried: string[] = [];
    if (NO_LINE_START.has(token) && line.length > 1 && line[line.length - 1]!.trim() !== '') {
      carried = [line.pop()!];
    }
    flush();
    line = [...carried, token];
    width = carried.reduce((s, t) => s + measure(t), 0) + w;
  }
  if (line.length > 0 || lines.length === 0) flush();
  return lines;
}

/** Line separators of every kind become `\n`; invisible and control characters go (they would print as boxes). */
export function printable(text: string): string {
  return text
    .replace(/\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g, '');
}

/**
 * Wraps text into lines no wider than `maxWidth`. A line break in the text is a hard break; CJK
 * breaks between any two characters, Latin text between words.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const paragraphs = printable(text).split('\n');
  const lines: string[] = [];
  for (const p of paragraphs) lines.push(...wrapParagraph(p.trimEnd(), maxWidth, measure));
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
