import { describe, expect, it } from 'vitest';
import { seedForm } from '../../../test/fixtures/build-form.ts';
import { compareForms, fieldGroup } from './compare.ts';

describe('compareForms', () => {
  it('finds no difference between a form and itself, and ignores whitespace in text', () => {
    const a = seedForm();
    const b = seedForm();
    b.indicators[0]!.name = ` 政策宣讲会\n受众人数 `;
    expect(compareForms(a, b).filter((c) => !c.equal)).toEqual([]);
  });
  it('reports changed numbers, changed text, missing and extra rows by path', () => {
    const a = seedForm();
    const b = seedForm();
    b.indicators[2]!.weight = 3;
    b.indicators[5]!.target = '不少于18篇';
    b.funds.carryover = { executed: 1 };
    b.indicators.pop();
    const diff = compareForms(a, b)
      .filter((c) => !c.equal)
      .map((c) => c.path);
    expect(diff).toContain('indicators[2].weight');
    expect(diff).toContain('indicators[5].target');
    expect(diff).toContain('funds.carryover');
    expect(diff).toContain(`indicators[${a.indicators.length - 1}].name`);
  });
  it('groups row paths by column', () => {
    expect(fieldGroup('indicators[12].target')).toBe('indicators[].target');
  });
});
