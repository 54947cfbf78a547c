import { describe, expect, it } from 'vitest';
import { splitCells } from './cells.ts';
import { readScoreLine } from './row-cells.ts';

const read = (line: string) => readScoreLine(splitCells(line));

describe('readScoreLine', () => {
  it.each([
    [
      '政策宣讲会受众人数 6900人次 9000人次 2 2',
      [],
      ['政策宣讲会受众人数', '6900人次', '9000人次'],
      2,
      2,
      '',
    ],
    ['190个 200个 2 2', [], ['190个', '200个'], 2, 2, ''],
    ['2021年12月31日前支出100% 2 2', [], ['2021年12月31日前支出100%'], 2, 2, ''],
    ['12 12', [], [], 12, 12, ''],
    ['≥90% ≥90% 10 10', [], ['≥90%', '≥90%'], 10, 10, ''],
    [
      '产出指标 数量指标 改造小区数量 20个 21个 20 20',
      ['产出指标', '数量指标'],
      ['改造小区数量', '20个', '21个'],
      20,
      20,
      '',
    ],
    [
      '完工时间 2021年12月31日前 2022年1月20日 10 7 冬季施工受限',
      [],
      ['完工时间', '2021年12月31日前', '2022年1月20日'],
      10,
      7,
      '冬季施工受限',
    ],
    ['培训人数 100 120 10 8 延期 3 天', [], ['培训人数', '100', '120'], 10, 8, '延期 3 天'],
    [
      '| 数量指标 | 培训人数 | ≥100人 | 120人 | 10 | 10 | |',
      ['数量指标'],
      ['培训人数', '≥100人', '120人'],
      10,
      10,
      '',
    ],
    [
      '| | 质量指标 | 优良路率 | ≥80% | 82% | 15 | 15 | |',
      ['质量指标'],
      ['优良路率', '≥80%', '82%'],
      15,
      15,
      '',
    ],
    ['名称 目标 实际 - 5', [], ['名称', '目标', '实际'], null, 5, ''],
  ])('%s', (line, labels, cells, weight, score, deviation) => {
    expect(read(line)).toMatchObject({ labels, cells, weight, score, deviation });
  });

  it('glues extra words into the name and says so', () => {
    expect(read('空气 质量 优良率 ≥80% 85% 5 5')).toMatchObject({
      cells: ['空气 质量 优良率', '≥80%', '85%'],
      merged: true,
    });
  });

  it.each(['宣讲会有针对性、及时性，聚焦科技创新', '2021 2022', '事项 300 500', '总共 -1 2'])(
    'not a score line: %s',
    (line) => {
      expect(read(line)).toBeNull();
    },
  );
});
