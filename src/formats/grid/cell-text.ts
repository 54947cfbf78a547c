// Cell text as the form means it: a cell that wraps over several lines is one string
// (form-json.md "Joining wrapped cell text"); labels are compared without any whitespace.

function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

const LINE_BREAK = /\r\n|\r|\n|\u2028|\u2029|\u000b/;

/** Lines meet with nothing between them (Chinese has no spaces), except two Latin words or numbers
 * split by the wrap, which keep one space: `Sherif` + `Abdelsamie`. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (out && isLatinOrDigit(out.charCodeAt(out.length - 1)) && isLatinOrDigit(part.charCodeAt(0)))
      out += ' ';
    out += part;
  }
  return out;
}

/** A cell's text with its line breaks joined. */
export function cellText(raw: string | undefined): string {
  if (!raw) return '';
  return joinWrapped(raw.split(LINE_BREAK));
}

/** `1、` `2.` `（3）` `五、` at the start of a line: a numbered item begins. */
const NUMBERED_ITEM =
  /^(?:\d{1,2}、|\d{1,2}[.．](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、．.])/;

function isHeading(s: string): boolean {
  if (s.length === 0 || s.length > 20) return false;
  const last = s[s.length - 1];
  return last === '：' || last === ':';
}

/**
 * Narrative cells (the annual goals) keep their paragraphs: a line break before each numbered item
 * and after a heading line such as `年度目标：`; other wrapped lines are joined as in `joinWrapped`.
 * A PDF grid's visual lines and an xlsx cell's typed line breaks both come out the same.
 */
export function narrativeText(raws: readonly string[]): string {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  let afterHeading = false;
  for (const raw of raws) {
    for (const line of raw.split(LINE_BREAK)) {
      const part = line.trim();
      if (!part) continue;
      if (current.length > 0 && (afterHeading || NUMBERED_ITEM.test(part))) {
        paragraphs.push(current);
        current = [];
      }
      current.push(part);
      afterHeading = isHeading(part);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map(joinWrapped).join('\n');
}

const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** The comparison key of a label: no whitespace, full-width ASCII folded, a trailing colon dropped. */
export function labelKey(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[:：]+$/, '');
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
