import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumber, plainNumber, readArabic, scaleMantissa } from './number.ts';

describe('parseNumber (rules.md §3 "numbers")', () => {
  it.each([
    ['180', 180],
    ['１８０', 180],
    ['2,926.000000', 2926],
    ['2,926', 2926],
    ['1,234,567.5', 1234567.5],
    ['94.87', 94.87],
    ['0.5', 0.5],
    ['007', 7],
    ['-5', -5],
    ['−5', -5],
    ['4.9万', 49000],
    ['1.2亿', 120000000],
    ['3千', 3000],
    ['2百万', 2000000],
    ['5千万', 50000000],
    ['十九', 19],
    ['两', 2],
    ['零', 0],
    ['一百二十', 120],
    ['三千五百', 3500],
    ['  42  ', 42],
  ])('%s → %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each(['', 'abc', '180篇', '1,23', '12,3456', '1.2.3', '--5', '百', '万', '十十'])(
    '%s is not a number',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it('does not read a comma before four digits as a thousands separator', () => {
    expect(readArabic('50,2021年', 0)).toMatchObject({ value: 50, end: 2 });
  });
});

describe('parseChineseNumeral', () => {
  it.each([
    ['十', 10],
    ['十九', 19],
    ['二十', 20],
    ['一十', 10],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一千零一十', 1010],
    ['三千五', 3500],
    ['一万五', 15000],
    ['两百五', 250],
    ['三千五百万', 35000000],
    ['十万', 100000],
    ['二十万零五百', 200500],
    ['一亿二千万', 120000000],
    ['二〇二一', 2021],
    ['壹佰贰拾', 120],
    ['零', 0],
  ])('%s → %d', (text, expected) => {
    expect(parseChineseNumeral(text)).toBe(expected);
  });

  // `三四个` is "three or four"; `百`, `万` need a digit before them.
  it.each(['三四', '百', '万一', '十十', '一百一百', '两〇', '', '一个'])('%s is not a numeral', (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe('exact decimal scaling', () => {
  it.each([
    ['4.9', 4, 49000],
    ['2926', 4, 29260000],
    ['1.2', 8, 120000000],
    ['5', -1, 0.5],
    ['0.07', 4, 700],
  ])('%s × 10^%d = %d', (m, e, v) => {
    expect(scaleMantissa(m, e)).toBe(v);
  });

  it.each([
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [-2.5e-8, '-0.000000025'],
    [-0, '0'],
    [94.87, '94.87'],
  ])('plainNumber(%d) = %s', (n, s) => {
    expect(plainNumber(n)).toBe(s);
  });
});

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';

/** Written independently of the parser: groups of three with ASCII commas, optional full width. */
function writeNumber(int: bigint, frac: string, fullWidth: boolean, trailingZeros: number): string {
  const digits = int.toString();
  let grouped = '';
  for (let k = 0; k < digits.length; k++) {
    if (k > 0 && (digits.length - k) % 3 === 0) grouped += ',';
    grouped += digits[k];
  }
  const fraction = frac + '0'.repeat(trailingZeros);
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return fullWidth ? text.replace(/[0-9]/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!) : text;
}

/** Standard Chinese numerals up to 99 999 999, with 零 for gaps (`一万零五`, `一千零一十`). */
function writeChinese(n: number): string {
  const D = '零一二三四五六七八九';
  if (n === 0) return '零';
  const section = (x: number, leading: boolean): string => {
    const units = ['千', '百', '十', ''];
    const ds = [Math.floor(x / 1000), Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
    let out = '';
    let zero = false;
    for (let k = 0; k < 4; k++) {
      const d = ds[k]!;
      if (d === 0) {
        if (out) zero = true;
        continue;
      }
      if (zero) out += '零';
      zero = false;
      out += leading && out === '' && k === 2 && d === 1 ? '十' : `${D[d]}${units[k]}`;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  if (high === 0) return section(low, true);
  let s = `${section(high, true)}万`;
  if (low > 0) s += (low < 1000 ? '零' : '') + section(low, false);
  return s;
}

describe('number properties', () => {
  it('parseNumber reads back numbers written with separators and full-width digits', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.stringMatching(/^[0-9]{0,6}$/),
        fc.boolean(),
        fc.integer({ min: 0, max: 4 }),
        (int, frac, fullWidth, zeros) => {
          const expected = Number(frac ? `${int}.${frac}` : `${int}`);
          expect(parseNumber(writeNumber(int, frac, fullWidth, zeros))).toBe(expected);
        },
      ),
    );
  });

  it('parseChineseNumeral reads back standard Chinese numerals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseChineseNumeral(writeChinese(n))).toBe(n);
      }),
    );
  });

  it('the Chinese writer used above is itself right on known cases', () => {
    expect([10, 19, 105, 110, 1010, 10005, 15000, 200500].map(writeChinese)).toEqual([
      '十',
      '十九',
      '一百零五',
      '一百一十',
      '一千零一十',
      '一万零五',
      '一万五千',
      '二十万零五百',
    ]);
  });
});
