import { describe, expect, it } from 'vitest';
import { tokenize, wrapText } from './wrap.ts';

// Ideographs 1 unit wide, everything else half: easy to count.
const measure = (s: string) =>
  [...s].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5), 0);

describe('wrapText', () => {
  it('breaks Chinese between any two characters', () => {
    expect(wrapText('一二三四五六七', 3, measure)).toEqual(['一二三', '四五六', '七']);
  });

  it('breaks Latin text between words and keeps numbers whole', () => {
    expect(wrapText('促成Sherif Abdelsamie等', 6, measure)).toEqual(['促成Sherif', 'Abdelsamie等']);
    expect(wrapText('共计12345678元', 5, measure)).toEqual(['共计', '12345678元']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapText('abcdefghij', 2, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('keeps hard line breaks and blank lines inside the text', () => {
    expect(wrapText('年度目标：\n1、完成\n\n2、建设', 10, measure)).toEqual([
      '年度目标：',
      '1、完成',
      '',
      '2、建设',
    ]);
    expect(wrapText('a\r\nb\n', 10, measure)).toEqual(['a', 'b']);
  });

  it('never starts a line with closing punctuation', () => {
    expect(wrapText('一二三，四', 3, measure)).toEqual(['一二', '三，四']);
    expect(wrapText('一二三。', 3, measure)).toEqual(['一二', '三。']);
  });

  it('gives no lines for empty text and drops spaces at the ends of lines', () => {
    expect(wrapText('', 5, measure)).toEqual(['']);
    expect(wrapText('ab cd ef', 2.2, measure)).toEqual(['ab', 'cd', 'ef']);
  });

  it('turns every kind of line separator into a break and drops invisible characters', () => {
    expect(wrapText('甲\u2028乙\u000b丙\u200b丁\u0007', 10, measure)).toEqual(['甲', '乙', '丙丁']);
  });

  it('tokenizes ideographs singly and Latin by word', () => {
    expect(tokenize('完成HICOOL大赛 v2')).toEqual(['完', '成', 'HICOOL', '大', '赛', ' ', 'v2']);
  });
});
