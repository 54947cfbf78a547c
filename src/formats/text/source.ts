// The window of the input that is read as the form: from a few lines above the first form
// anchor, at most MAX_LINES lines. A whole report converted to text may carry the form as an
// appendix; a huge input costs the same as a normal one (nothing beyond the window is touched).

import { isRegexSpace } from './cells.ts';
import { type Line, MAX_LINE_CHARS } from './lines.ts';

/** A long form (200 narrative rows) has a few thousand lines. */
export const MAX_LINES = 20_000;
const MAX_CHARS = 4_000_000;
/** Words that open a form: its title or its first header label. */
const ANCHORS = ['绩效自评表', '绩效目标', '项目名称', '项目支出绩效'];
/** The title and year sit a few (blank-separated) lines above the anchor. */
const LOOK_BACK = 8;

export type Source = {
  lines: Line[];
  /** lines longer than MAX_LINE_CHARS, cut. */
  truncated: number;
  /** lines skipped before the window. */
  skipped: number;
  /** text remains after the window. */
  cut: boolean;
};

export function readSource(text: string): Source {
  // A file with bare CR line ends (old Mac) is split on CR; the CR of CRLF is trimmed away.
  const nl = text.includes('\n') || !text.includes('\r') ? '\n' : '\r';
  let anchor = -1;
  for (const a of ANCHORS) {
    const k = text.indexOf(a);
    if (k >= 0 && (anchor < 0 || k < anchor)) anchor = k;
  }
  let start = 0;
  let no = 1;
  if (anchor > 0) {
    start = text.lastIndexOf(nl, anchor - 1) + 1;
    for (let b = 0; b < LOOK_BACK && start > 0; b++)
      start = start >= 2 ? text.lastIndexOf(nl, start - 2) + 1 : 0;
    for (let k = text.indexOf(nl); k >= 0 && k < start; k = text.indexOf(nl, k + 1)) no++;
  }
  const lines: Line[] = [];
  let truncated = 0;
  let chars = 0;
  let pos = start;
  for (;;) {
    if (lines.length >= MAX_LINES || chars >= MAX_CHARS) break;
    let end = text.indexOf(nl, pos);
    const last = end < 0;
    if (last) end = text.length;
    let to = end;
    if (end - pos > MAX_LINE_CHARS) {
      to = pos + MAX_LINE_CHARS;
      truncated++;
    }
    // `text.slice(pos, to).trim()` as one slice: the trim also drops the form feed pdftotext puts
    // at page breaks, NBSP, U+3000 and a BOM (isRegexSpace is exactly trim's set).
    let a = pos;
    let b = to;
    while (a < b && isRegexSpace(text.charCodeAt(a))) a++;
    while (b > a && isRegexSpace(text.charCodeAt(b - 1))) b--;
    lines.push({ no: no++, text: a < b ? text.slice(a, b) : '', plainText: undefined, width: undefined });
    chars += to - pos;
    pos = end + 1;
    if (last) break;
  }
  return { lines, truncated, skipped: lines.length > 0 ? lines[0]!.no - 1 : 0, cut: pos < text.length };
}
