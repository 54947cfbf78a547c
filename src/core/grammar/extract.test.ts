import { describe, expect, it } from 'vitest';
import { extractQuantities, MAX_QUOTED } from './extract.ts';

// Numbers quoted in prose (rules.md §5 "narrative" checks read these).

const brief = (text: string) =>
  extractQuantities(text).map((n) => ({
    amount: n.quantity.amount,
    unit: n.quantity.unit?.symbol ?? null,
    comparator: n.quantity.comparator,
    subject: n.subject,
    offset: n.offset,
  }));

describe('extractQuantities', () => {
  it('使6900人次海外人才知晓', () => {
    expect(brief('使6900人次海外人才知晓')).toEqual([
      { amount: 6900, unit: '人次', comparator: null, subject: '使', offset: 1 },
    ]);
  });

  it('共185篇，其中政策创新24篇', () => {
    expect(brief('报送信息共185篇，其中政策创新24篇')).toEqual([
      { amount: 185, unit: '篇', comparator: null, subject: '报送信息', offset: 5 },
      { amount: 24, unit: '篇', comparator: null, subject: '政策创新', offset: 16 },
    ]);
  });

  it('受众人群达4.9万人次: magnitude applied, 达 read as ≥', () => {
    expect(brief('受众人群达4.9万人次')).toEqual([
      { amount: 49000, unit: '人次', comparator: '>=', subject: '受众人群', offset: 5 },
    ]);
  });

  it('270篇海外动态信息 at the start', () => {
    expect(brief('270篇海外动态信息')).toEqual([
      { amount: 270, unit: '篇', comparator: null, subject: '', offset: 0 },
    ]);
  });

  it('skips years, dates and list ordinals', () => {
    expect(brief('1、2021年6月30日前完成；2.于2021.6.30前；3）12月底完成')).toEqual([]);
    expect(brief('开展好2020年中关村海外联络处工作')).toEqual([]);
  });

  it('skips ordinals and codes: 第3个, 5G, HICOOL2021', () => {
    expect(brief('第3个项目，建设5G基站，HICOOL2021大赛')).toEqual([]);
  });

  it('skips bare numbers without a unit (phone numbers, codes)', () => {
    expect(brief('联系电话55578007')).toEqual([]);
  });

  it('Chinese numerals with a unit, but not a lone 一 or 第一', () => {
    expect(brief('在十九个国外区域，一个平台，第一批，两委合署')).toEqual([
      { amount: 19, unit: '个', comparator: null, subject: '在', offset: 1 },
    ]);
  });

  it('以上 after the unit and 超过 before the number', () => {
    expect(brief('吸引20家以上企业入驻；日流量超过10万人次')).toEqual([
      { amount: 20, unit: '家', comparator: '>=', subject: '吸引', offset: 2 },
      { amount: 100000, unit: '人次', comparator: '>', subject: '日流量', offset: 17 },
    ]);
  });

  it('money and percent', () => {
    expect(brief('执行率93.51%，支出2736万元')).toEqual([
      { amount: 93.51, unit: '%', comparator: null, subject: '执行率', offset: 3 },
      { amount: 27_360_000, unit: '元', comparator: null, subject: '支出', offset: 12 },
    ]);
  });

  it('offsets point into the original text even with full-width digits', () => {
    const text = '完成１８０篇';
    const [n] = extractQuantities(text);
    expect(n?.offset).toBe(2);
    expect(text.slice(n!.offset, n!.offset + 3)).toBe('１８０');
  });

  it('caps the count on pathological input', () => {
    expect(extractQuantities('1个'.repeat(5000))).toHaveLength(MAX_QUOTED);
  });
});
