import { decodeUtf8 } from '../text/decode.ts';

// HTML bytes → text, as a browser would pick the encoding: a byte-order mark, else the charset the
// page declares (<meta charset>, <meta http-equiv="Content-Type" content="…; charset=gb2312">,
// an XML declaration), else UTF-8 when the bytes are valid UTF-8, else GB18030 — pages from
// Chinese government sites that declare nothing are GBK far more often than anything else.

/** Browsers look for the declaration in the first 1024 bytes; saved pages often put it later. */
const PRESCAN_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/i;

export type DecodedHtml = { text: string; encoding: string };

export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  const bom = fromBom(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  const declared = declaredEncoding(bytes);
  // A page that says UTF-16 but was read as ASCII-compatible bytes is not UTF-16 (HTML spec).
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  // Declared UTF-8 (or nothing) but not valid UTF-8: a page saved in the local encoding.
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}

function fromBom(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** The encoding a page declares in its first bytes, as TextDecoder names it; null if none or unknown. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  // latin1 maps each byte to one character, so the ASCII markup reads the same in any encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, PRESCAN_BYTES));
  const label = XML_ENCODING.exec(head)?.[1] ?? META_CHARSET.exec(head)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null; // an unknown label: fall back to sniffing, as browsers do
  }
}
