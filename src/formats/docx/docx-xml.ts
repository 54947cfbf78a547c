import { DOMParser, type Element } from '@xmldom/xmldom';
import { FormatError } from '../format-error.ts';

// Safe XML for the parts of a .docx. WordprocessingML never needs a DTD, so any DOCTYPE or
// ENTITY declaration is refused outright rather than trusting the parser not to expand it
// (billion laughs, external entities).

/** The two namespaces of WordprocessingML: transitional (Word) and strict (ISO 29500). */
export const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** Bytes of an XML part → text, honouring a UTF-16 byte order mark. */
export function decodeXml(bytes: Uint8Array, file: string, part: string): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new FormatError('corrupt', file, `${part} 的文字编码无效，文件可能已损坏`);
  }
}

export function parseXml(xml: string, file: string, part: string): Element {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new FormatError(
      'corrupt',
      file,
      `${part} 含有 DOCTYPE 或实体声明，Word 文档不会有这些内容，出于安全考虑拒绝读取`,
    );
  }
  let root: Element | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    root = doc.documentElement;
  } catch {
    root = null;
  }
  if (!root) throw new FormatError('corrupt', file, `${part} 不是有效的 XML，文件可能已损坏`);
  return root;
}

export function isW(node: { namespaceURI?: string | null } | null | undefined, ...names: string[]): boolean {
  const n = node as Element | null | undefined;
  return !!n && n.nodeType === 1 && W_NS.has(n.namespaceURI ?? '') && names.includes(n.localName ?? '');
}

export function elementChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

/** The first child element `w:name`. */
export function wChild(el: Element, name: string): Element | undefined {
  return elementChildren(el).find((c) => isW(c, name));
}

/** `w:val` of an element, whatever its prefix. */
export function wVal(el: Element | undefined): string | null {
  if (!el) return null;
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    if (a && a.localName === 'val' && W_NS.has(a.namespaceURI ?? '')) return a.value;
  }
  return null;
}

/** Word tables have at most 63 columns: a larger span is damage or an attack on memory. */
const MAX_SPAN = 64;

/** `w:val` as a column count (gridSpan, gridBefore), else `fallback`. */
export function wInt(el: Element | undefined, fallback: number): number {
  const n = Number.parseInt(wVal(el) ?? '', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, MAX_SPAN) : fallback;
}
