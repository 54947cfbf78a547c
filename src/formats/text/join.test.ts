import { describe, expect, it } from 'vitest';
import { joinParagraphs, joinWrapped, startsNumberedItem } from './join.ts';

describe('joinWrapped', () => {
  it.each([
    [['宣讲会有针对性、及时性，聚焦科技创新', '受众。'], '宣讲会有针对性、及时性，聚焦科技创新受众。'],
    [
      ['线上参与论坛开幕式。促成Sherif ', 'Abdelsamie、王楠'],
      '线上参与论坛开幕式。促成Sherif Abdelsamie、王楠',
    ],
    [
      ['2021年6月30日前支出94.87%，2021年12', '月31日前支出100%'],
      '2021年6月30日前支出94.87%，2021年12月31日前支出100%',
    ],
    [['向北京推荐50', '余个项目'], '向北京推荐50余个项目'],
    [['第12', '3项'], '第12 3项'],
    [['', '  a', '', 'b  '], 'a b'],
    [[], ''],
  ])('%j → %s', (parts, want) => {
    expect(joinWrapped(parts)).toBe(want);
  });
});

describe('joinParagraphs', () => {
  it('keeps a break after a heading and before numbered items, joins wrapped lines', () => {
    expect(joinParagraphs(['年度目标：', '1、完成各项', '工作。', '2、加快', '对接。', '（3）其他'])).toBe(
      '年度目标：\n1、完成各项工作。\n2、加快对接。\n（3）其他',
    );
  });

  it.each([
    ['1、完成', true],
    ['12、完成', true],
    ['5、2021年', true],
    ['2.加快', true],
    ['1.5万人次', false],
    ['（2）其他', true],
    ['三、成效', true],
    ['2021年度', false],
  ])('startsNumberedItem(%s) = %s', (s, want) => {
    expect(startsNumberedItem(s)).toBe(want);
  });
});
