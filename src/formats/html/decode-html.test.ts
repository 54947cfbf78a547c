import { describe, expect, it } from 'vitest';
import { declaredEncoding, decodeHtml } from './decode-html.ts';
import { encodeGbk } from './test-pages.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('decodeHtml', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    expect(decodeHtml(utf8('<p>项目名称</p>'))).toEqual({ text: '<p>项目名称</p>', encoding: 'utf-8' });
    const bom = concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('<p>项目</p>'));
    expect(decodeHtml(bom).text).toBe('<p>项目</p>');
  });

  it('reads UTF-16 pages by their byte-order mark', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>项目</p>', 'utf16le')]);
    expect(decodeHtml(le)).toEqual({ text: '<p>项目</p>', encoding: 'utf-16le' });
  });

  it.each([
    ['<meta charset="gb2312">', 'gbk'],
    ['<meta charset=GBK>', 'gbk'],
    ['<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gb2312">', 'gbk'],
    ["<meta http-equiv='content-type' content='text/html;charset=GB18030'/>", 'gb18030'],
    ['<?xml version="1.0" encoding="GB2312"?><html>', 'gbk'],
    ['<meta charset="big5">', 'big5'],
    ['<meta charset="utf-8">', 'utf-8'],
  ])('takes the charset a page declares: %s → %s', (head, encoding) => {
    expect(declaredEncoding(utf8(`${head}<title>自评表</title>`))).toBe(encoding);
  });

  it('decodes a page that declares GB2312 from its GBK bytes', () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><td>项目名称</td><td>中关村海外联络</td></body></html>`;
    const decoded = decodeHtml(encodeGbk(page));
    expect(decoded.encoding).toBe('gbk');
    expect(decoded.text).toBe(page);
  });

  it('reads a page that declares nothing and is not UTF-8 as GB18030', () => {
    const page = '<table><tr><td>项目名称</td><td>测试项目</td></tr></table>';
    expect(decodeHtml(encodeGbk(page))).toEqual({ text: page, encoding: 'gb18030' });
  });

  it('falls back to sniffing when the declared charset is unknown or a mislabelled UTF-16', () => {
    expect(declaredEncoding(utf8('<meta charset="x-no-such-charset">'))).toBeNull();
    expect(decodeHtml(utf8('<meta charset="x-no-such"><p>项目</p>')).encoding).toBe('utf-8');
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>项目</p>')).text).toContain('<p>项目</p>');
  });

  it('reads GBK bytes under a wrong UTF-8 declaration as GB18030, not as replacement characters', () => {
    const page = '<meta charset="utf-8"><td>项目名称</td>';
    expect(decodeHtml(encodeGbk(page)).text).toBe(page);
  });
});
