import { describe, expect, it } from 'vitest';
import { parseColor, parseTransform } from './svg-draw.ts';

describe('SVG subset for ECharts charts', () => {
  it('reads the colours ECharts writes', () => {
    expect(parseColor('#5070dd')).toEqual({ color: '#5070dd', alpha: 1 });
    expect(parseColor('#abc')).toEqual({ color: '#aabbcc', alpha: 1 });
    expect(parseColor('rgb(255,255,255)')).toEqual({ color: '#ffffff', alpha: 1 });
    expect(parseColor('rgba(88, 123, 243, 0.5)')).toEqual({ color: '#587bf3', alpha: 0.5 });
    expect(parseColor('none')).toBeNull();
    expect(parseColor('url(#g)')).toBeNull();
  });

  it('composes transforms left to right', () => {
    expect(parseTransform('translate(75 50)')).toEqual([1, 0, 0, 1, 75, 50]);
    expect(parseTransform('translate(10,20) scale(2)')).toEqual([2, 0, 0, 2, 10, 20]);
    expect(parseTransform('matrix(1 0 0 1 3 4)')).toEqual([1, 0, 0, 1, 3, 4]);
    const r = parseTransform('rotate(90)')!;
    expect(r.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 1, -1, 0, 0, 0]);
    expect(parseTransform(null)).toBeNull();
  });
});
