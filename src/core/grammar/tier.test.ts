import { describe, expect, it } from 'vitest';
import { parseValue } from './parse.ts';
import { readTier } from './tier.ts';
import type { Tier } from './value.ts';

// rules.md §1.4 tier words, plus the §3 qualitative words.

describe('tier words', () => {
  it.each<[string, Tier, string]>([
    ['达成', 'met', '达成'],
    ['达成年度指标', 'met', '达成年度指标'],
    ['达成预期指标', 'met', '达成预期指标'],
    ['完成', 'met', '完成'],
    ['已完成', 'met', '已完成'],
    ['全部完成', 'met', '全部完成'],
    ['达到预期', 'met', '达到预期'],
    ['效果明显', 'met', '效果明显'],
    ['良好', 'met', '良好'],
    ['优', 'met', '优'],
    ['好', 'met', '好'],
    ['较好', 'met', '较好'],
    ['显著', 'met', '显著'],
    ['符合规定', 'met', '符合规定'],
    ['符合相关规定', 'met', '符合相关规定'],
    ['合格', 'met', '合格'],
    ['满意', 'met', '满意'],
    ['部分达成', 'partial', '部分达成'],
    ['基本完成', 'partial', '基本完成'],
    ['部分完成', 'partial', '部分完成'],
    ['基本达成', 'partial', '基本达成'],
    ['部分达成年度指标并具有一定效果', 'partial', '部分达成年度指标并具有一定效果'],
    ['一般', 'partial', '一般'],
    ['未达成', 'unmet', '未达成'],
    ['未完成', 'unmet', '未完成'],
    ['效果较差', 'unmet', '效果较差'],
    ['未达成年度指标且效果较差', 'unmet', '未达成年度指标且效果较差'],
    ['较差', 'unmet', '较差'],
    ['差', 'unmet', '差'],
  ])('%s → %s', (text, tier, word) => {
    expect(readTier(text)).toEqual({ kind: 'tier', tier, word });
    expect(parseValue(text)).toEqual({ kind: 'tier', tier, word });
  });

  it('timeliness words (时效 rows): 按时拨付 is met, 不及时 is not', () => {
    expect(readTier('按时拨付')?.tier).toBe('met');
    expect(readTier('及时')?.tier).toBe('met');
    expect(readTier('拨付不及时')).toEqual({ kind: 'tier', tier: 'unmet', word: '不及时' });
  });

  it('longest match: 未完成 is not 完成, 基本完成 is not 完成', () => {
    expect(readTier('未完成')?.tier).toBe('unmet');
    expect(readTier('基本完成')?.tier).toBe('partial');
  });

  it('a negated top word is bottom tier', () => {
    expect(readTier('效果不明显')).toEqual({ kind: 'tier', tier: 'unmet', word: '效果不明显' });
    expect(readTier('不明显')).toEqual({ kind: 'tier', tier: 'unmet', word: '不明显' });
    expect(readTier('没有提升')).toEqual({ kind: 'tier', tier: 'unmet', word: '没有提升' });
  });

  it('several words: the lowest tier wins', () => {
    expect(readTier('基本完成，效果一般')?.tier).toBe('partial');
    expect(readTier('已完成，效果较差')).toEqual({ kind: 'tier', tier: 'unmet', word: '效果较差' });
    expect(parseValue('已完成。')).toEqual({ kind: 'tier', tier: 'met', word: '已完成' });
  });

  it('one-character words only as the whole cell', () => {
    expect(readTier('优化')).toBeNull();
    expect(readTier('好转')).toBeNull();
  });

  it("names of Object.prototype's members are not tier words", () => {
    for (const s of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])
      expect(readTier(s)).toBeNull();
    expect(parseValue('constructor').kind).toBe('unparsed');
  });

  it('long prose has no tier even with a tier word (rules.md §1.4)', () => {
    const text = '完成2021年中关村海外联络支持各项工作，宣传北京开放创新成果及政策措施';
    expect(parseValue(text).kind).toBe('narrative');
  });

  it('a percentage with 完成 is a quantity, not a tier', () => {
    expect(parseValue('完成100%').kind).toBe('quantity');
  });
});
