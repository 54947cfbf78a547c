import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { decodeText, decodeUtf8 } from './decode.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fatal = new TextDecoder('utf-8', { fatal: true });

describe('decodeUtf8', () => {
  it('decodes as a fatal TextDecoder does, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const bytes = utf8(s);
        expect(decodeUtf8(bytes)).toBe(fatal.decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any byte sequence a fatal TextDecoder refuses, and decodes the rest alike', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        let expected: string | null;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = null;
        }
        expect(decodeUtf8(bytes)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('drops a leading byte-order mark, keeps one inside the text, keeps astral characters', () => {
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('项目名称')]))).toBe('项目名称');
    expect(decodeUtf8(utf8('a\ufeffb'))).toBe('a\ufeffb');
    expect(decodeUtf8(utf8('𠀀达成😀'))).toBe('𠀀达成😀');
    expect(decodeUtf8(new Uint8Array())).toBe('');
  });
});

describe('decodeText', () => {
  const codeOf = (bytes: Uint8Array) => {
    try {
      decodeText(bytes, 'x.txt');
      return 'ok';
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).message).toContain('x.txt');
      return (e as FormatError).code;
    }
  };

  it('refuses bytes that are not UTF-8 and text full of control characters, naming the file', () => {
    expect(codeOf(new Uint8Array([0x61, 0xff, 0x62]))).toBe('corrupt');
    expect(codeOf(utf8(`项目\u0001\u0002\u0003名称`))).toBe('corrupt');
    expect(codeOf(utf8('项目名称\t预算\r\n'))).toBe('ok');
    // A stray control character (at most 1% of the text) is tolerated.
    expect(codeOf(utf8(`${'项目名称'.repeat(25)}\u0001`))).toBe('ok');
  });
});
