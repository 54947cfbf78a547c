import { describe, expect, it } from 'vitest';
import { natureComparator, parseTarget } from './parts.ts';

// Form JSON v1.1 targetParts: 指标性质 | 指标值 | 度量单位 printed in separate columns (rules.md §2 sichuan).
const parts = (nature: string, value: string, unit: string) => ({ nature, value, unit });

describe('targets printed over 指标性质 | 指标值 | 度量单位', () => {
  it('takes the comparator from 指标性质 and the unit from 度量单位', () => {
    const v = parseTarget('≥500人次', parts('≥', '500', '人次'));
    expect(v).toMatchObject({ kind: 'quantity', comparator: '>=', amount: 500, unitText: '人次' });
    const money = parseTarget('≤800元', parts('≤', '800', '元'));
    expect(money).toMatchObject({
      kind: 'quantity',
      comparator: '<=',
      amount: 800,
      unit: { dimension: 'money' },
    });
    expect(parseTarget('=100%', parts('=', '100', '%'))).toMatchObject({ comparator: '=', amount: 100 });
  });

  it('the printed columns decide where the concatenation is garbled or differs', () => {
    // The concatenation lost its sign (an OCR slip); the 指标性质 column still has it.
    expect(parseTarget('90%', parts('≥', '90', '%'))).toMatchObject({ comparator: '>=', amount: 90 });
    // A value cell that repeats a sign: 指标性质 wins.
    expect(parseTarget('≤≥95%', parts('≤', '≥95', '%'))).toMatchObject({ comparator: '<=', amount: 95 });
    // A unit column that the value already ends with is not added twice.
    expect(parseTarget('≥90%', parts('≥', '90%', '%'))).toMatchObject({ amount: 90, unitText: '%' });
    // Money with thousands separators in the value column and 万元 in the unit column.
    expect(parseTarget('≤1,200万元', parts('≤', '1,200', '万元'))).toMatchObject({ amount: 12_000_000 });
  });

  it('reads direction words and leaves 定量 without a comparator', () => {
    expect(natureComparator('正向指标')).toBe('>=');
    expect(natureComparator('反向')).toBe('<=');
    expect(natureComparator('不低于')).toBe('>=');
    expect(natureComparator('定量')).toBeNull();
    expect(parseTarget('定量12个', parts('定量', '12', '个'))).toMatchObject({
      comparator: null,
      amount: 12,
    });
  });

  it('定性 makes the target qualitative, never a number or a missing target', () => {
    expect(parseTarget('定性逐步扩大', parts('定性', '逐步扩大', ''))).toMatchObject({ kind: 'narrative' });
    expect(parseTarget('定性-', parts('定性', '-', ''))).toMatchObject({ kind: 'narrative', text: '-' });
    expect(parseTarget('定性100%', parts('定性', '100%', ''))).toMatchObject({ kind: 'narrative' });
    expect(parseTarget('定性达成预期', parts('定性', '达成预期指标', ''))).toMatchObject({ kind: 'tier' });
  });

  it('falls back to the printed target when the parts say nothing readable, and works without parts', () => {
    expect(parseTarget('≥30间', parts('≥', '', ''))).toMatchObject({ comparator: '>=', amount: 30 });
    expect(parseTarget('不少于180篇', undefined)).toMatchObject({
      comparator: '>=',
      amount: 180,
      unitText: '篇',
    });
    expect(parseTarget('2022年6月30日前', parts('≤', '2022年6月30日前', ''))).toMatchObject({
      kind: 'deadline',
      date: '2022-06-30',
    });
  });
});
