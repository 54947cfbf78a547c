// The line model of pdftotext output, and the display-width measure the cell splitter relies on.
//
// Widths are in "CJK cells": an ideograph or full-width punctuation mark is 1, an ASCII character
// 0.5. Chinese PDF fonts print Latin letters and digits at about half an ideograph, so the width of
// a wrapped line tells which table column it was wrapped in (see cell-split.ts).

import type { SplitLine } from './cell-split.ts';

/** Longer lines are not table text; capping them bounds every per-line scan. */
export const MAX_LINE_CHARS = 10_000;

export type Line = {
  /** 1-based line number in the source, for warnings. */
  no: number;
  /** trimmed text; '' for a blank line. */
  text: string;
  /** cache of `plain(line)`. */
  plainText?: string | undefined;
};

/** Width of one code point in CJK cells. */
export function charWidth(cp: number): number {
  if (cp < 0x80) return cp < 0x20 ? 0 : 0.5;
  // Middle dot, ×, ÷, °, § are set full width by Chinese fonts.
  if (cp === 0xb7 || cp === 0xd7 || cp === 0xf7 || cp === 0xb0 || cp === 0xa7) return 1;
  if (cp < 0x1100) return 0.5;
  if (cp >= 0xff61 && cp <= 0xffdc) return 0.5; // half-width katakana/hangul forms
  return 1;
}

export function textWidth(s: string): number {
  // Counts instead of float sums, charWidth inlined: this runs on every character of every cell.
  let wide = 0;
  let narrow = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x1100) {
      if (c >= 0xd800 && c <= 0xdfff) {
        if (c <= 0xdbff) wide++; // a surrogate pair counts once
      } else if (c >= 0xff61 && c <= 0xffdc) narrow++;
      else wide++;
    } else if (c >= 0x80) {
      if (c === 0xb7 || c === 0xd7 || c === 0xf7 || c === 0xb0 || c === 0xa7) wide++;
      else narrow++;
    } else if (c >= 0x20) narrow++;
  }
  return wide + narrow * 0.5;
}

const OPENING = new Set(Array.from('（(“‘《〈【「『〔[{', (c) => c.charCodeAt(0)));
const CLOSING = new Set(Array.from('，。、；：！？）”’》〉】」』〕,.;:!?)]}%…', (c) => c.charCodeAt(0)));
const SENTENCE_END = new Set(Array.from('。；！？：;!?:', (c) => c.charCodeAt(0)));
const OPEN_END = new Set(Array.from('（(“‘《〈【「『〔[{：:', (c) => c.charCodeAt(0)));
const CLOSING_START = new Set(Array.from('，。、；：！？）”’》〉】」』〕,;:!?)]}…', (c) => c.charCodeAt(0)));

/** The measures the cell splitter needs of one line (cell-split.ts SplitLine). */
export function measureLine(s: string, blankBefore: boolean): SplitLine {
  const last = s.length > 0 ? s.charCodeAt(s.length - 1) : 0;
  return {
    width: textWidth(s),
    lead: leadUnitWidth(s),
    hard: SENTENCE_END.has(last),
    blankBefore,
    startsClosing: s.length > 0 && CLOSING_START.has(s.charCodeAt(0)),
    endsOpen: OPEN_END.has(last),
  };
}

function isAsciiWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Width of the first unbreakable unit of a line: a Latin word or a number moves to the next line
 * whole, an opening bracket travels with what follows it, and closing punctuation is kept off the
 * start of a line by pulling the previous character down with it. A line is "full" when this unit
 * would not have fitted at its end.
 */
export function leadUnitWidth(s: string): number {
  const n = s.length;
  let i = 0;
  let w = 0;
  // An opening bracket cannot end a line: it wraps together with the unit after it.
  while (i < n && OPENING.has(s.charCodeAt(i))) {
    w += charWidth(s.charCodeAt(i));
    i++;
  }
  if (i < n) {
    const c = s.charCodeAt(i);
    if (isAsciiWord(c)) {
      while (i < n) {
        const d = s.charCodeAt(i);
        if (!isAsciiWord(d) && d !== 0x2e && d !== 0x25 && d !== 0x2c && d !== 0x2d) break;
        w += 0.5;
        i++;
      }
    } else if (c >= 0xd800 && c <= 0xdbff) {
      w += 1;
      i += 2;
    } else {
      w += charWidth(c);
      i++;
    }
  }
  while (i < n && CLOSING.has(s.charCodeAt(i))) {
    w += charWidth(s.charCodeAt(i));
    i++;
  }
  return w;
}

const WHITESPACE = /\s+/g;
const PIPES = /\|/g;

function isSpaceLike(c: number): boolean {
  // Ideographs and full-width forms first: they are most of the text, and two tests settle them.
  if (c >= 0x3000) return c === 0x3000 || c === 0xfeff;
  return c <= 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x205f) || c === 0x1680;
}

/** Remove every whitespace character (labels are matched this way: `项目 名称` = `项目名称`). */
export function squeeze(s: string): string {
  // Most cells have no space: skip the regex for them (this runs on every line).
  for (let i = 0; i < s.length; i++) if (isSpaceLike(s.charCodeAt(i))) return s.replace(WHITESPACE, '');
  return s;
}

/** The squeezed text of a line with table pipes removed: what labels are matched against. Cached. */
export function plain(line: Line): string {
  if (line.plainText === undefined) {
    line.plainText = line.text.includes('|') ? squeeze(line.text.replace(PIPES, ' ')) : squeeze(line.text);
  }
  return line.plainText;
}
