// The window of the input that is read as the form: from a few lines above the first form
// anchor, at most MAX_LINES lines. A whole report converted to text may carry the form as an
// appendix; a huge input costs the same as a normal one (nothing beyond the window is touched).

import { type Line, type LineScan, MAX_LINE_CHARS, scanLine } from './lines.ts';

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

/** Scratch result of scanLine, reused line after line. */
const SCAN: LineScan = { end: 0, from: 0, to: 0, squeezed: false, halves: 0 };

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
  const nlCode = nl.charCodeAt(0);
  const scan = SCAN;
  let truncated = 0;
  let chars = 0;
  let pos = start;
  for (;;) {
    if (lines.length >= MAX_LINES || chars >= MAX_CHARS) break;
    // `text.slice(pos, to).trim()` found, cut and measured in one pass (lines.ts scanLine): the
    // trim also drops the form feed pdftotext puts at page breaks, NBSP, U+3000 and a BOM.
    const cap = pos + MAX_LINE_CHARS;
    scanLine(text, pos, Math.min(cap, text.length), nlCode, scan);
    let end = scan.end;
    let to = end;
    if (end === cap && text.charCodeAt(end) !== nlCode) {
      // Longer than MAX_LINE_CHARS: the rest of the line is skipped unread.
      end = text.indexOf(nl, cap);
      if (end < 0) end = text.length;
      if (end > cap) truncated++;
      to = cap;
    }
    const last = end >= text.length;
    const t = scan.from < scan.to ? text.slice(scan.from, scan.to) : '';
    // Nothing for `plain` to remove: its answer and the line's width are known already.
    const known = !scan.squeezed;
    lines.push({
      no: no++,
      text: t,
      plainText: known ? t : undefined,
      width: known ? scan.halves / 2 : undefined,
    });
    chars += to - pos;
    pos = end + 1;
    if (last) break;
  }
  return { lines, truncated, skipped: lines.length > 0 ? lines[0]!.no - 1 : 0, cut: pos < text.length };
}
