import { describe, expect, it } from 'vitest';
import { glueComparators, isRuleRow, parseAmount, parsePercent, splitCells } from './cells.ts';

describe('numbers', () => {
  it.each([
    ['2,926.000000', 2926],
    ['1,200,000.00', 1200000],
    ['2926万元', 2926],
    ['0', 0],
    ['-3.5', -3.5],
    ['93.51%', null],
    ['-', null],
    ['abc', null],
    ['9'.repeat(400), null],
  ])('parseAmount(%s) = %s', (s, want) => {
    expect(parseAmount(s)).toBe(want);
  });

  it.each([
    ['93.51%', 93.51],
    ['100％', 100],
    ['93.51', null],
  ])('parsePercent(%s) = %s', (s, want) => {
    expect(parsePercent(s)).toBe(want);
  });
});

describe('splitCells', () => {
  it.each([
    [
      '政策宣讲会受众人数 6900人次 9000人次 2 2',
      ['政策宣讲会受众人数', '6900人次', '9000人次', '2', '2'],
      false,
    ],
    ['宣讲会有针对性、及时性', ['宣讲会有针对性、及时性'], false],
    ['| 数量指标 | 培训人数 | 10 | |', ['数量指标', '培训人数', '10', ''], true],
    ['\t\t质量指标\t服务满意率', ['', '', '质量指标', '服务满意率'], true],
    ['', [], false],
  ])('%j', (line, cells, explicit) => {
    expect(splitCells(line)).toEqual({ cells, explicit });
  });

  it('recognises markdown rule rows', () => {
    expect(isRuleRow('| --- | :---: |')).toBe(true);
    expect(isRuleRow('| 1 | - |')).toBe(false);
  });

  it('glues a lone comparator to its value', () => {
    expect(glueComparators(['≥', '90%', '96%', '不少于', '10篇'])).toEqual(['≥90%', '96%', '不少于10篇']);
  });
});
