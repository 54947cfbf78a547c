// Joining the lines of a wrapped cell — ../../../../shared/spec/form-json.md "Joining wrapped cell text".

function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Chinese has no spaces between words, so wrapped lines meet with nothing between them,
 * except that two Latin words (or numbers) split by the wrap keep one space: `Sherif Abdelsamie`. */
export function joinWrapped(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!.trim();
  const out = new WrappedText();
  for (const part of parts) out.add(part);
  return out.text;
}

/**
 * `joinWrapped` built up one part at a time, so callers holding lines (not strings) need no
 * intermediate arrays; a cell has a few parts, for which `+=` is cheaper than Array.join.
 */
export class WrappedText {
  text = '';
  // The previous part's last character is kept aside: reading it back from a growing string would
  // flatten that string each time (quadratic on long cells).
  private lastWord = false;

  add(raw: string): void {
    this.addTrimmed(raw.trim());
  }

  /** `add` for a part known to be trimmed (a source line's text): skips the trim call. */
  addTrimmed(part: string): void {
    if (!part) return;
    if (this.lastWord && isLatinOrDigit(part.charCodeAt(0))) this.text += ' ';
    this.text += part;
    this.lastWord = isLatinOrDigit(part.charCodeAt(part.length - 1));
  }
}

/** `1、` `2.` `（3）` `(4)` `五、` at the start of a line: a numbered item begins. */
const NUMBERED_ITEM =
  /^(?:\d{1,2}[、]|\d{1,2}[.．](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、．.])/;

/** Characters NUMBERED_ITEM can start with: a digit, an opening bracket, a Chinese numeral. */
const ITEM_START = new Set(Array.from('0123456789（(一二三四五六七八九十', (c) => c.charCodeAt(0)));

export function startsNumberedItem(s: string): boolean {
  // Most lines are continuations: their first character spares them the regex.
  return ITEM_START.has(s.charCodeAt(0)) && NUMBERED_ITEM.test(s);
}

/** A short line ending with a colon, like `年度目标：` or `完成情况：`. */
export function isHeading(s: string): boolean {
  if (s.length === 0 || s.length > 20) return false;
  const last = s[s.length - 1];
  return last === '：' || last === ':';
}

/**
 * Narrative cells (the annual goals) keep their paragraph structure: a line break before each
 * numbered item and after a heading line; wrapped lines are joined as in `joinWrapped`.
 */
export function joinParagraphs(parts: readonly string[]): string {
  // Built as it goes (no arrays of paragraphs): a paragraph is never empty, so `out` is empty
  // until the first one is added.
  let out = '';
  let paragraph = new WrappedText();
  let afterHeading = false;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (paragraph.text && (afterHeading || startsNumberedItem(part))) {
      out = out ? `${out}\n${paragraph.text}` : paragraph.text;
      paragraph = new WrappedText();
    }
    paragraph.addTrimmed(part);
    afterHeading = isHeading(part);
  }
  if (paragraph.text) out = out ? `${out}\n${paragraph.text}` : paragraph.text;
  return out;
}
