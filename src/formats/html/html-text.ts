import type { DefaultTreeAdapterTypes } from 'parse5';

// The visible text of parsed HTML, as the grid parser wants a cell: block elements and <br> end a
// line, scripts, styles and hidden elements say nothing, entities are already decoded by parse5
// and &nbsp; is a space. A line break in the page source is kept as a line break too, unlike a
// browser (which shows a space): the grid parser joins a cell's lines by the form's own rules
// (form-json.md), so text that an editor or Excel's "save as web page" hard-wrapped inside a cell
// joins the way a wrapped line on paper does — `不少于` + `180篇` without a stray space — and our
// own export's pre-wrap narrative keeps its paragraphs.

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;
export type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** Elements whose content is never shown as text. */
const IGNORED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'select',
  'textarea',
  'button',
  'canvas',
  'audio',
  'video',
]);

/** Elements that start and end a line. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Deeper than this, content is skipped: a real page nests a few dozen levels, and walking stays bounded. */
export const MAX_DEPTH = 400;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

export function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function elementChildren(el: ParentNode): Element[] {
  return el.childNodes.filter(isElement);
}

/** Not shown: scripts and the like, `hidden`, or an inline `display:none` (Excel hides rows so). */
export function isSkipped(el: Element): boolean {
  if (IGNORED.has(el.tagName)) return true;
  if (el.attrs.some((a) => a.name === 'hidden')) return true;
  const style = attr(el, 'style');
  return style !== undefined && HIDDEN_STYLE.test(style);
}

export function isBlock(tag: string): boolean {
  return BLOCK.has(tag);
}

/** Whether `el` holds a <table> anywhere inside it (a layout cell rather than a form cell). */
export function containsTable(el: Element, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  for (const c of elementChildren(el)) {
    if (isSkipped(c)) continue;
    if (c.tagName === 'table' || containsTable(c, depth + 1)) return true;
  }
  return false;
}

/** The text of an element's content: lines apart by '\n', spaces collapsed, blank lines dropped. */
export function textOf(el: Element): string {
  const parts: string[] = [];
  collect(el, parts, 0);
  return tidy(parts.join(''));
}

function collect(node: ParentNode, out: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') {
      out.push((child as DefaultTreeAdapterTypes.TextNode).value);
    } else if (isElement(child) && !isSkipped(child)) {
      if (child.tagName === 'br') {
        out.push('\n');
        continue;
      }
      const block = isBlock(child.tagName);
      if (block) out.push('\n');
      collect(child, out, depth + 1);
      if (block) out.push('\n');
    }
  }
}

/** Raw text → lines: nbsp and tabs as spaces, runs of spaces as one, each line trimmed, no blank lines. */
export function tidy(raw: string): string {
  return lines(raw).join('\n');
}

export function lines(raw: string): string[] {
  return raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim()) // \s covers nbsp and the ideographic space
    .filter(Boolean);
}
