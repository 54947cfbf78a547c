import { describe, expect, it } from 'vitest';
import { parseValue } from './parse.ts';
import { CTX, count, MONEY, q, RATIO, time } from './test-values.ts';
import type { Quantity, Value } from './value.ts';

// rules.md §3 rows "money / magnitude", "ratio", "count units" and "numbers", one tiny case each.
// Expected values are written by hand.

function expectValue(text: string, expected: Value) {
  expect(parseValue(text, CTX)).toEqual(expected);
}

describe('§3 money, magnitudes and ratios', () => {
  it.each<[string, Quantity]>([
    ['2926万元', q(null, 29_260_000, MONEY, '万元', 2926)],
    ['1.2亿元', q(null, 120_000_000, MONEY, '亿元', 1.2)],
    ['150元', q(null, 150, MONEY, '元')],
    ['5千元', q(null, 5000, MONEY, '千元', 5)],
    ['4.9万', q(null, 49_000, null, '万', 4.9)],
    ['3千', q(null, 3000, null, '千', 3)],
    ['¥2,926.00', q(null, 2926, MONEY, '元')],
    ['90%', q(null, 90, RATIO, '%')],
    ['90％', q(null, 90, RATIO, '％')],
    ['90百分比', q(null, 90, RATIO, '百分比')],
    ['5‰', q(null, 0.5, RATIO, '‰', 5)],
    ['百分之九十', q(null, 90, RATIO, '%')],
    ['百分之百', q(null, 100, RATIO, '%')],
  ])('%s', (text, expected) => {
    // `％` folds to `%` before reading, so the unit text is the folded one.
    expectValue(text, text === '90％' ? { ...expected, unitText: '%' } : expected);
  });
});

describe('§3 count units are kept exactly', () => {
  it.each([
    '人',
    '人次',
    '家',
    '家次',
    '个',
    '项',
    '篇',
    '场',
    '次',
    '只',
    '头',
    '台',
    '套',
    '所',
    '名',
    '位',
    '户',
    '亩',
    '公里',
    '平方米',
    '册',
    '期',
    '批',
    '份',
    '件',
  ])('12%s', (unit) => {
    expectValue(`12${unit}`, q(null, 12, count(unit), unit));
  });

  it('rate units: 元/人·月', () => {
    expectValue('300元/人·月', q(null, 300, count('元/人·月'), '元/人·月'));
    expectValue('1.5万元/人', q(null, 15_000, count('元/人'), '万元/人', 1.5));
  });

  it('人 and 人次 stay different units', () => {
    const a = parseValue('325人', CTX) as Quantity;
    const b = parseValue('325人次', CTX) as Quantity;
    expect(a.unit).not.toEqual(b.unit);
  });

  it('4.9万人次: magnitude in the amount and the unit text', () => {
    expectValue('4.9万人次', q(null, 49_000, count('人次'), '万人次', 4.9));
  });

  it('time units', () => {
    expectValue('≤5天', q('<=', 5, time('天'), '天'));
    expectValue('3个工作日', q(null, 3, time('工作日'), '个工作日'));
    expectValue('24小时', q(null, 24, time('小时'), '小时'));
  });

  it('5千米 is kilometres, not 5000 米', () => {
    expectValue('5千米', q(null, 5, count('千米'), '千米'));
  });

  it('a short noun after the unit is skipped: 20家企业以上', () => {
    expectValue('20家企业以上', q('>=', 20, count('家'), '家'));
    expectValue('不少于180名海外人才', q('>=', 180, count('名'), '名'));
  });

  it('a short label before a quantity is dropped: 满意度≥90%', () => {
    expectValue('满意度≥90%', q('>=', 90, RATIO, '%'));
    expectValue('服务对象满意度90%以上', q('>=', 90, RATIO, '%'));
    expectValue('受众人数6900人次', q(null, 6900, count('人次'), '人次'));
    expectValue('≥90%（抽样调查）', q('>=', 90, RATIO, '%'));
  });

  it('but a clause with a noun after the unit stays prose', () => {
    expect(parseValue('吸引20家企业入驻', CTX).kind).toBe('narrative');
  });

  it('50余个 means at least 50', () => {
    expectValue('50余个', q('>=', 50, count('个'), '个'));
  });
});

describe('§3 numbers', () => {
  it.each<[string, Quantity]>([
    ['十九个', q(null, 19, count('个'), '个')],
    ['两', q(null, 2, null, '')],
    ['１８０篇', q(null, 180, count('篇'), '篇')],
    ['2,926.000000万元', q(null, 29_260_000, MONEY, '万元', 2926)],
    ['0', q(null, 0, null, '')],
    ['-5%', q(null, -5, RATIO, '%')],
  ])('%s', (text, expected) => {
    expectValue(text, expected);
  });

  it('a range is reported, not read as one number', () => {
    const v = parseValue('90%-95%', CTX);
    expect(v.kind === 'unparsed' && v.reason).toContain('范围');
  });
});
