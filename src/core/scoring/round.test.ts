import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, justBelow, round2 } from './round.ts';

describe('round2 (rules.md §1.7: half-up, 2 decimals)', () => {
  it('rounds ties up even when binary floating point stores them just below', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(9.35065)).toBe(9.35);
    expect(round2(28.125)).toBe(28.13);
    expect(round2(-1.005)).toBe(-1.01);
  });
  it('agrees with decimal rounding of the printed 2-to-4-decimal values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        // n / 1000 has 3 decimals: decimal half-up on the digit string is the reference.
        const s = (n / 1000).toFixed(3);
        const [int, frac] = s.split('.') as [string, string];
        const cents = Number(int) * 100 + Number(frac.slice(0, 2)) + (Number(frac[2]) >= 5 ? 1 : 0);
        expect(round2(n / 1000)).toBe(cents / 100);
      }),
    );
  });
  it('leaves non-finite values as 0', () => {
    expect(round2(Number.NaN)).toBe(0);
    expect(round2(Number.POSITIVE_INFINITY)).toBe(0);
  });
  it('formats rates as the form prints them and finds a band’s open top', () => {
    expect(formatPercent((2736 / 2926) * 100)).toBe('93.51%');
    expect(justBelow(2.4)).toBe(2.39);
    expect(justBelow(8)).toBe(7.99);
  });
  it('finds the same open top as rounding every limit through 12 significant digits', () => {
    const reference = (limit: number) =>
      Math.max(0, Math.round(Number((limit * 100).toPrecision(12))) - 1) / 100;
    const halves = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => (n + 0.5) / 100);
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -2000, max: 2000, noNaN: true }), halves), (limit) => {
        expect(justBelow(limit)).toBe(reference(limit));
      }),
      { numRuns: 5000 },
    );
    for (const limit of [0, 2.4, 8, 0.125, 1e6 + 0.005, Number.NaN, Number.POSITIVE_INFINITY])
      expect(justBelow(limit)).toBe(reference(limit));
  });
});
