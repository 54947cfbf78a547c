// Joining the lines of a wrapped cell — ../../../../shared/spec/form-json.md "Joining wrapped cell text".

function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Chinese has no spaces between words, so wrapped lines meet with nothing between them,
 * except that two Latin words (or numbers) split by the wrap keep one space: `Sherif Abdelsamie`. */
export function joinWrapped(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!.trim();
  const out: string[] = [];
  // The previous part's last character is kept aside: reading it back from a growing string would
  // flatten that string each time (quadratic on long cells).
  let lastWord = false;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (lastWord && isLatinOrDigit(part.charCodeAt(0))) out.push(' ');
    out.push(part);
    lastWord = isLatinOrDigit(part.charCodeAt(part.length - 1));
  }
  return out.join('');
}

/** `1、` `2.` `（3）` `(4)` `五、` at the start of a line: a numbered item begins. */
const NUMBERED_ITEM =
  /^(?:\d{1,2}[、]|\d{1,2}[.．](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、．.])/;

export function startsNumberedItem(s: string): boolean {
  return NUMBERED_ITEM.test(s);
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
  const paragraphs: string[][] = [];
  let current: string[] = [];
  let afterHeading = false;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) continue;
    if (current.length > 0 && (afterHeading || startsNumberedItem(part))) {
      paragraphs.push(current);
      current = [];
    }
    current.push(part);
    afterHeading = isHeading(part);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs.map(joinWrapped).join('\n');
}
