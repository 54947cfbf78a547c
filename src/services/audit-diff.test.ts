import { describe, expect, it } from 'vitest';
import { diffFields } from './audit-diff.ts';

describe('diffFields', () => {
  it('lists only the leaves that changed, with Form JSON paths', () => {
    const a = {
      projectName: 'A',
      funds: { total: { executed: 1 } },
      indicators: [{ actual: '1' }, { actual: '2' }],
    };
    const b = {
      projectName: 'A',
      funds: { total: { executed: 2 } },
      indicators: [{ actual: '1' }, { actual: '3' }, { actual: '4' }],
    };
    expect(diffFields(a, b)).toEqual({
      before: { 'funds.total.executed': 1, 'indicators[1].actual': '2' },
      after: { 'funds.total.executed': 2, 'indicators[1].actual': '3', 'indicators[2].actual': '4' },
    });
  });

  it('handles created, deleted, nulls, type changes and emptied arrays', () => {
    expect(diffFields(null, { a: 1 })).toEqual({ before: null, after: { a: 1 } });
    expect(diffFields({ a: [1] }, null)).toEqual({ before: { 'a[0]': 1 }, after: null });
    expect(diffFields({ t: null }, { t: { x: 1 } })).toEqual({ before: { t: null }, after: { 't.x': 1 } });
    expect(diffFields({ l: [1, 2] }, { l: [] })).toEqual({
      before: { 'l[0]': 1, 'l[1]': 2 },
      after: { l: [] },
    });
    expect(diffFields({ a: 1, b: 2 }, { a: 1 })).toEqual({ before: { b: 2 }, after: {} });
    expect(diffFields({ a: 1 }, { a: 1 })).toEqual({ before: {}, after: {} });
  });
});
