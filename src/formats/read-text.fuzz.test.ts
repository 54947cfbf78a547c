import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../core/form/validate.ts';
import { FUZZ_BASES, fuzzCase, mutate } from './fuzz-inputs.ts';
import { readText } from './read-text.ts';

// Issue 10 acceptance: fuzzing with mutated fixtures of every layout — no crash, and whatever is
// read is a valid Form. (How long each input takes is measured by `npm run bench -- import`,
// not asserted here.)

const bases = FUZZ_BASES;

describe('text import on mutated forms of every layout', () => {
  it('never throws and returns valid Form JSON', () => {
    fc.assert(
      fc.property(fuzzCase, ([b, edits]) => {
        const text = mutate(bases[b]!, edits);
        const results = readText(text, { defaultYear: 2024 });
        for (const r of results) {
          const v = validateForm(r.form);
          expect(v.ok, v.ok ? '' : v.reason).toBe(true);
          for (const w of r.warnings) expect(typeof w.message).toBe('string');
        }
      }),
      { numRuns: 120 },
    );
  });

  it('reads text cut at any point without throwing', () => {
    fc.assert(
      fc.property(fc.nat({ max: bases.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (b, at) => {
        const base = bases[b]!;
        for (const r of readText(base.slice(0, Math.floor(at * base.length))))
          expect(validateForm(r.form).ok).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
