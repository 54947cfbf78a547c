// The line model of pdftotext output, and the display-width measure the cell splitter relies on.
//
// Widths are in "CJK cells": an ideograph or full-width punctuation mark is 1, an ASCII character
// 0.5. Chinese PDF fonts print Latin letters and digits at about half an ideograph, so the width of
// a wrapped line tells which table column it was wrapped in (see cell-split.ts).

import type { SplitLine } from './cell-split.ts';
import { isRegexSpace } from './cells.ts';

/** Longer lines are not table text; capping them bounds every per-line scan. */
export const MAX_LINE_CHARS = 10_000;

export type Line = {
  /** 1-based line number in the source, for warnings. */
  no: number;
  /** trimmed text; '' for a blank line. */
  text: string;
  /** cache of `plain(line)`; readSource fills it (and `width`) when there is nothing to squeeze. */
  plainText?: string | undefined;
  /** cache of `textWidth(text)`, filled by `plain` when the line has nothing to squeeze. */
  width?: number | undefined;
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

/** Width of one UTF-16 code unit in half cells: a surrogate pair counts once, on its high half. */
function halfWidth(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return c <= 0xdbff ? 2 : 0;
  return 2 * charWidth(c);
}

// Per UTF-16 code unit: its width in half cells (bits 0–1) and whether `plain` removes it (bit 2).
// Character scans are most of the importer's per-line cost, and one table load answers both.
const HALVES = 3;
const SQUEEZED = 4;
const CHAR = new Uint8Array(0x10000);
for (let c = 0; c < CHAR.length; c++) {
  CHAR[c] = halfWidth(c) | (c === 0x7c || isSpaceLike(c) ? SQUEEZED : 0);
}

export function textWidth(s: string): number {
  // Integer half cells, halved once: exact, like counting wide and narrow characters.
  let halves = 0;
  for (let i = 0; i < s.length; i++) halves += CHAR[s.charCodeAt(i)]! & HALVES;
  return halves / 2;
}

/** `textWidth(line.text)`, from the cache `plain` fills when it can. */
export function lineWidth(line: Line): number {
  return line.width ?? textWidth(line.text);
}

// Punctuation classes as bit flags per UTF-16 code unit: a typed-array load is cheaper than a Set
// lookup, and these are asked of every measured line.
const OPENING = 1;
const CLOSING = 2;
const SENTENCE_END = 4;
const OPEN_END = 8;
const CLOSING_START = 16;
const PUNCT = new Uint8Array(0x10000);
function mark(chars: string, flag: number): void {
  for (const c of chars) PUNCT[c.charCodeAt(0)]! |= flag;
}
mark('（(“‘《〈【「『〔[{', OPENING);
mark('，。、；：！？）”’》〉】」』〕,.;:!?)]}%…', CLOSING);
mark('。；！？：;!?:', SENTENCE_END);
mark('（(“‘《〈【「『〔[{：:', OPEN_END);
mark('，。、；：！？）”’》〉】」』〕,;:!?)]}…', CLOSING_START);

function is(c: number, flag: number): boolean {
  return (PUNCT[c]! & flag) !== 0;
}

/** The measures the cell splitter needs of one line (cell-split.ts SplitLine). */
export function measureLine(s: string, blankBefore: boolean, width = textWidth(s)): SplitLine {
  const empty = s.length === 0;
  const last = empty ? 0 : s.charCodeAt(s.length - 1);
  return {
    width,
    lead: leadUnitWidth(s),
    hard: is(last, SENTENCE_END),
    blankBefore,
    startsClosing: !empty && is(s.charCodeAt(0), CLOSING_START),
    endsOpen: is(last, OPEN_END),
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
  while (i < n && is(s.charCodeAt(i), OPENING)) {
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
  while (i < n && is(s.charCodeAt(i), CLOSING)) {
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

/** What `scanLine` found: the line's trimmed bounds and, when `plain` has nothing to remove, its width. */
export type LineScan = {
  /** index of the newline that ends the line, or the scan limit when none came before it. */
  end: number;
  /** trimmed text is [from, to) (empty when from === to). */
  from: number;
  to: number;
  /** the trimmed text holds a SQUEEZED character (space, pipe, control): `plain` must look. */
  squeezed: boolean;
  /** textWidth of the trimmed text, in half cells; meaningful only when !squeezed. */
  halves: number;
};

/**
 * Scans one source line from `pos` up to the newline code `nl` (or `limit`), trimming and
 * measuring it in the same pass: the source text is read once instead of once to find the line,
 * once to trim it and once more in `plain`. Newlines and every trimmed character are in the
 * SQUEEZED class, so the common character (an ideograph) costs one table load.
 */
export function scanLine(text: string, pos: number, limit: number, nl: number, out: LineScan): void {
  let from = pos;
  // Leading spaces, up to the newline of a blank line.
  while (from < limit) {
    const c = text.charCodeAt(from);
    if (c === nl || !isRegexSpace(c)) break;
    from++;
  }
  let halves = 0;
  let firstSqueezed = -1;
  let i = from;
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    const k = CHAR[c]!;
    if ((k & SQUEEZED) === 0) halves += k & HALVES;
    else if (c === nl) break;
    else if (firstSqueezed < 0) firstSqueezed = i;
  }
  let to = i;
  while (to > from && isRegexSpace(text.charCodeAt(to - 1))) to--;
  out.end = i;
  out.from = from;
  out.to = to;
  // Trailing spaces are squeezed too: `halves` counted exactly [from, to) when none came before.
  out.squeezed = firstSqueezed >= 0 && firstSqueezed < to;
  out.halves = halves;
}

/** The squeezed text of a line with table pipes removed: what labels are matched against. Cached. */
export function plain(line: Line): string {
  let p = line.plainText;
  if (p === undefined) {
    // One scan finds whether there is anything to remove; most lines (one wrapped cell) have
    // nothing, and then the same scan has measured the line for the cell splitter.
    const s = line.text;
    let halves = 0;
    for (let i = 0; i < s.length; i++) {
      const k = CHAR[s.charCodeAt(i)]!;
      if (k & SQUEEZED) {
        p = s.includes('|') ? squeeze(s.replace(PIPES, ' ')) : s.replace(WHITESPACE, '');
        break;
      }
      halves += k & HALVES;
    }
    if (p === undefined) {
      p = s;
      line.width = halves / 2;
    }
    line.plainText = p;
  }
  return p;
}
