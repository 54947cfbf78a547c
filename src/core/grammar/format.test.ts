import { describe, expect, it } from 'vitest';
import { formatValue, toNotation } from './format.ts';
import { parseValue } from './parse.ts';
import type { Value } from './value.ts';

const CTX = { year: 2021 };
const show = (text: string) => formatValue(parseValue(text, CTX));

describe('formatValue (UI display)', () => {
  it.each([
    ['不少于180篇', '≥ 180 篇'],
    ['6900人次', '6900 人次'],
    ['≥90%', '≥ 90%'],
    ['2926万元', '2926 万元'],
    ['4.9万人次', '4.9 万人次'],
    ['控制在150万元以内', '≤ 150 万元'],
    ['180', '180'],
    ['2021年6月30日前拨付', '截止 2021-06-30 拨付'],
    ['6月底前', '截止 2021-06-30'],
    ['2021年6月30日前支出94.87%，2021年12月31日前支出100%', '2021-06-30 前 94.87%；2021-12-31 前 100%'],
    ['2021年6月30日前完成招标，2021年12月31日前完成验收', '2021-06-30 前 完成招标；2021-12-31 前 完成验收'],
    ['达成年度指标', '达成（定性）'],
    ['基本完成', '部分达成（定性）'],
    ['未完成', '未达成（定性）'],
    ['**', '占位符（未填写）'],
    ['', '空白'],
    ['不适用', '不适用'],
    ['宣讲会有针对性、及时性，聚焦科技创新受众', '叙述'],
  ])('%j → %s', (text, shown) => {
    expect(show(text)).toBe(shown);
  });

  it('unparsed shows its reason', () => {
    expect(show('2021年2月30日前')).toBe('无法识别：无效日期：2021年2月30日前');
  });
});

describe('toNotation reads back equal', () => {
  it.each([
    ['不少于180篇', '≥180篇'],
    ['2926万元', '2926万元'],
    ['2,926.000000万元', '2926万元'],
    ['20家以上', '≥20家'],
    ['控制在150万元以内', '≤150万元'],
    ['5‰', '5‰'],
    ['百分之九十', '90%'],
    ['十九个', '19个'],
    ['2021年6月30日前拨付', '2021年6月30日前拨付'],
    ['2021.6.30前', '2021年6月30日前'],
    ['6月底前', '6月30日前'],
    [
      '2021年6月30日前支出94.87%，2021年12月31日前支出100%',
      '2021年6月30日前支出94.87%，2021年12月31日前支出100%',
    ],
    ['已完成', '已完成'],
    ['不适用', '不适用'],
    ['**', '**'],
  ])('%s → %s', (text, notation) => {
    const v = parseValue(text, CTX);
    expect(toNotation(v)).toBe(notation);
    expect(parseValue(toNotation(v), CTX)).toEqual(v);
  });

  it('blank prints empty and reads back blank', () => {
    const v: Value = { kind: 'blank' };
    expect(parseValue(toNotation(v))).toEqual(v);
  });
});
