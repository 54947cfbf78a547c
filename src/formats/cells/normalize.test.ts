import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyOf, keyText } from './normalize.ts';

describe('keyText', () => {
  it('drops exactly what /\\s/ matches and keys every other character', () => {
    // every BMP character and astral ones, alone and among others
    const anyChar = fc.oneof(
      fc
        .integer({ min: 0, max: 0xffff })
        .filter((n) => n < 0xd800 || n > 0xdfff)
        .map((n) => String.fromCharCode(n)),
      fc.integer({ min: 0x10000, max: 0x10ffff }).map((n) => String.fromCodePoint(n)),
      fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2028', '项', '（', 'Ａ'),
    );
    fc.assert(
      fc.property(fc.array(anyChar, { maxLength: 30 }), (chars) => {
        const expected = chars
          .filter((c) => !/\s/.test(c))
          .map(keyOf)
          .join('');
        expect(keyText(chars.join(''))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keys full-width letters and traditional characters as the forms print them', () => {
    expect(keyText(' 項目　名稱 ')).toBe(keyText('项目名称'));
    expect(keyText('ＡＢ１')).toBe('AB1');
  });
});
