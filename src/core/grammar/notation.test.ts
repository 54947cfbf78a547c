import { describe, expect, it } from 'vitest';
import { parseComparator } from './comparator.ts';
import { parseValue } from './parse.ts';
import { CTX, count, MONEY, q, RATIO, time } from './test-values.ts';
import type { Comparator, Value } from './value.ts';

// Every notation of rules.md §3, one tiny case each. Expected values are written by hand.

function expectValue(text: string, expected: Value) {
  expect(parseValue(text, CTX)).toEqual(expected);
}

describe('§3 comparators, prefix words and signs', () => {
  it.each<[string, Comparator]>([
    ['≥', '>='],
    ['>=', '>='],
    ['＞＝', '>='],
    ['≧', '>='],
    ['不少于', '>='],
    ['不低于', '>='],
    ['至少', '>='],
    ['达到', '>='],
    ['达', '>='],
    ['>', '>'],
    ['＞', '>'],
    ['超过', '>'],
    ['高于', '>'],
    ['大于', '>'],
    ['≤', '<='],
    ['<=', '<='],
    ['＜＝', '<='],
    ['不超过', '<='],
    ['不高于', '<='],
    ['不大于', '<='],
    ['控制在', '<='],
    ['<', '<'],
    ['＜', '<'],
    ['低于', '<'],
    ['小于', '<'],
    ['=', '='],
    ['＝', '='],
    ['等于', '='],
  ])('%s before a number → %s', (word, comparator) => {
    expectValue(`${word}90%`, q(comparator, 90, RATIO, '%'));
  });

  it.each<[string, Comparator]>([
    ['20家以上', '>='],
    ['20家及以上', '>='],
    ['20家以内', '<='],
    ['20家以下', '<='],
    ['20家之内', '<='],
  ])('suffix %s → %s', (text, comparator) => {
    expectValue(text, q(comparator, 20, count('家'), '家'));
  });

  it('控制在…以内 is one ≤', () => {
    expectValue('控制在150万元以内', q('<=', 1_500_000, MONEY, '万元', 150));
  });

  it('5%以下 and 5天内', () => {
    expectValue('5%以下', q('<=', 5, RATIO, '%'));
    expectValue('5天内', q('<=', 5, time('天'), '天'));
  });

  it('a bare value has no comparator (the row type decides, rules.md §1.3)', () => {
    expectValue('6900人次', q(null, 6900, count('人次'), '人次'));
  });

  it('contradictory prefix and suffix are reported, not guessed', () => {
    const v = parseValue('超过5%以下', CTX);
    expect(v.kind).toBe('unparsed');
    expect(v.kind === 'unparsed' && v.reason).toContain('比较符');
  });

  it('下达 is a verb, not 达', () => {
    expect(parseComparator('下达')).toBeNull();
  });

  it('parseComparator reads lone words', () => {
    expect(parseComparator('不少于')).toBe('>=');
    expect(parseComparator('以内')).toBe('<=');
    expect(parseComparator('完成')).toBeNull();
  });
});

describe('§3 deadlines', () => {
  it.each<[string, string, boolean]>([
    ['2021年6月30日前', '2021-06-30', false],
    ['2021年6月30日之前', '2021-06-30', false],
    ['6月底前', '2021-06-30', true],
    ['年底前', '2021-12-31', true],
    ['12月31日之前', '2021-12-31', true],
    ['2021.6.30前', '2021-06-30', false],
    ['2021-06-30前', '2021-06-30', false],
    ['2021/6/30前', '2021-06-30', false],
    ['2021年12月前', '2021-12-31', false],
    ['2021年底前', '2021-12-31', false],
    ['2021年年底前', '2021-12-31', false],
    ['2020年2月底前', '2020-02-29', false],
    ['2021年2月底前', '2021-02-28', false],
    ['上半年', '2021-06-30', true],
    ['下半年', '2021-12-31', true],
    ['第三季度', '2021-09-30', true],
    ['2021年第一季度末', '2021-03-31', false],
    ['六月底前', '2021-06-30', true],
    ['十二月三十一日前', '2021-12-31', true],
    ['2021年6月30日', '2021-06-30', false],
    ['截至2021年6月30日', '2021-06-30', false],
    ['于2021年6月30日前', '2021-06-30', false],
    ['已于2021年8月30日', '2021-08-30', false],
    ['2021 年 6 月 30 日前', '2021-06-30', false],
    ['２０２１年６月３０日前', '2021-06-30', false],
  ])('%s → %s', (text, date, yearInferred) => {
    expectValue(text, { kind: 'deadline', date, action: '', yearInferred });
  });

  it('keeps the action written after the date', () => {
    expectValue('2021年6月30日前拨付', {
      kind: 'deadline',
      date: '2021-06-30',
      action: '拨付',
      yearInferred: false,
    });
    expectValue('6月底前完成验收', {
      kind: 'deadline',
      date: '2021-06-30',
      action: '完成验收',
      yearInferred: true,
    });
  });

  it.each(['2021年2月30日前', '2021年13月1日前', '2021年4月31日前', '2021.2.29前'])(
    '%s is an invalid date',
    (text) => {
      const v = parseValue(text, CTX);
      expect(v).toMatchObject({ kind: 'unparsed', text });
      expect(v.kind === 'unparsed' && v.reason).toContain('无效日期');
    },
  );

  it('a date without a year needs the form year', () => {
    const v = parseValue('6月底前');
    expect(v.kind).toBe('unparsed');
    expect(v.kind === 'unparsed' && v.reason).toContain('缺少年份');
  });

  it('`6月` alone is six months, `6月底` is a date', () => {
    expectValue('6月', q(null, 6, time('月'), '月'));
    expectValue('6个月', q(null, 6, time('月'), '个月'));
  });
});

describe('§3 qualitative', () => {
  it.each([
    ['达成预期指标', 'met'],
    ['效果明显', 'met'],
    ['好', 'met'],
    ['较好', 'met'],
    ['符合相关规定', 'met'],
  ])('%s → tier %s', (text, tier) => {
    expectValue(text, { kind: 'tier', tier: tier as 'met', word: text });
  });

  it('a paragraph is a narrative', () => {
    const text = '宣讲会有针对性、及时性，聚焦科技创新受众。';
    expectValue(text, { kind: 'narrative', text, numbers: [] });
  });
});

describe('§3 placeholders', () => {
  it.each(['**', '*', '_', '-', '—', '/', '＊＊', '——', '  *  ', 'XX'])('%j is a placeholder', (text) => {
    expectValue(text, { kind: 'placeholder', text: text.trim() });
  });

  it.each(['≥**%', '**万元', 'XX人次'])('%s: a mark in place of the number', (text) => {
    expectValue(text, { kind: 'placeholder', text });
  });
});

describe('never throws, reports a reason', () => {
  it.each(['abc', '≥', '%', '1/2/3/4', '???!', '∞', '\u0000'])('%j', (text) => {
    const v = parseValue(text, CTX);
    expect(v.kind).toBe('unparsed');
    expect(v.kind === 'unparsed' && v.reason.length).toBeGreaterThan(0);
  });

  it('non-string input from untyped callers', () => {
    expect(parseValue(42 as unknown as string).kind).toBe('unparsed');
    expect(parseValue(null as unknown as string).kind).toBe('unparsed');
  });
});
