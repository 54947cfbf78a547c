import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldAccuracy } from '../../core/form/accuracy.ts';
import { validateForm } from '../../core/form/validate.ts';
import { randomForm } from './random-forms.ts';
import { readCells } from './read-cells.ts';
import { type Layout, render } from './render-layouts.ts';

// Random forms of our own (random-forms.ts) printed in each layout real forms come in
// (render-layouts.ts) read back field for field. Where the text separates its cells the reading
// must be exact; where every cell runs together, figures of adjacent cells can fuse in ways no
// reader can undo (`…人次109` is weight 10 and score 9, or something else), so there the bar is
// a high share of the fields.

const accuracy = (form: Parameters<typeof fieldAccuracy>[1], text: string) => {
  const [read] = readCells(text, { defaultYear: 2000 });
  expect(read).toBeDefined();
  const checks = fieldAccuracy(form as unknown as Record<string, unknown>, read!.form);
  return { read: read!, checks, share: checks.filter((c) => c.equal).length / checks.length };
};

describe('cell reader on random forms', () => {
  for (const layout of ['pipe', 'lines', 'paragraphs', 'flattened', 'row-lines'] as Layout[]) {
    it(`reads every field back from the ${layout} layout`, () => {
      fc.assert(
        fc.property(randomForm, (form) => {
          const { checks, read } = accuracy(form, render(form, layout));
          expect(checks.filter((c) => !c.equal)).toEqual([]);
          expect(validateForm(read.form).ok).toBe(true);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('reads nearly every field back when all cells run together (with a site’s chunk markers)', () => {
    let sum = 0;
    let n = 0;
    fc.assert(
      fc.property(randomForm, (form) => {
        const { share } = accuracy(form, render(form, 'run-together'));
        expect(share).toBeGreaterThanOrEqual(0.85);
        sum += share;
        n++;
      }),
      { numRuns: 60 },
    );
    expect(sum / n).toBeGreaterThanOrEqual(0.97);
  });
});
