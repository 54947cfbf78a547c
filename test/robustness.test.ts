import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateForm } from '../src/core/evaluate.ts';
import type { Form } from '../src/core/form/schema.ts';
import { validateForm } from '../src/core/form/validate.ts';
import { importText } from '../src/formats/text/index.ts';
import { form, profile, row, SEED_TXT, seedForm } from './fixtures/build-form.ts';

// Issue 2 acceptance: no crash, hang (> 1 s) or exception on hostile input, from text to findings.
const national = profile('national');
const seedText = readFileSync(SEED_TXT, 'utf8');

function pipeline(text: string): { form: Form; ms: number } {
  const start = performance.now();
  const { form: f } = importText(text);
  const checked = validateForm(f);
  expect(checked.ok, checked.ok ? '' : checked.reason).toBe(true);
  const ev = evaluateForm(f, national);
  expect(Number.isFinite(ev.score.ruleTotal)).toBe(true);
  return { form: f, ms: performance.now() - start };
}

describe('robustness of import → score → audit', () => {
  it('an empty file and whitespace', () => {
    for (const t of ['', ' ', '\n\n\n', '\uFEFF']) expect(pipeline(t).form.indicators).toEqual([]);
  });

  it('binary garbage', () => {
    const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 2_654_435_761) >>> 24);
    pipeline(new TextDecoder().decode(bytes));
  });

  it('a 50 MB text file finishes (linear time, no catastrophic backtracking)', () => {
    const big = seedText.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(seedText)));
    const { ms } = pipeline(big);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('a form with no indicators, all weights 0, every value unparsable', () => {
    const empty = evaluateForm(form([]), national);
    expect(empty.findings.map((f) => f.code)).toContain('structure.no-indicators');
    const zero = seedForm();
    for (const i of zero.indicators) i.weight = 0;
    expect(
      evaluateForm(zero, national).findings.some((f) => f.code === 'structure.weight-not-positive'),
    ).toBe(true);
    const junk = form(
      Array.from({ length: 20 }, (_, k) =>
        row({ target: `#@!${k}~~`, actual: `？？${k}&&`, weight: 5, score: 5 }),
      ),
    );
    const ev = evaluateForm(junk, national);
    expect(ev.score.rows.every((r) => r.ruleScore !== null)).toBe(true);
  });

  it('10,000 fuzzed mutations of the seed: never throws, never hangs', () => {
    const lines = seedText.split('\n');
    const mutation = fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
        fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
        fc.record({ op: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ maxLength: 30 }) }),
        fc.record({
          op: fc.constant('chars' as const),
          at: fc.nat(),
          text: fc.string({ unit: 'grapheme', maxLength: 5 }),
        }),
      ),
      { minLength: 1, maxLength: 6 },
    );
    let worst = 0;
    fc.assert(
      fc.property(mutation, (ops) => {
        const l = [...lines];
        for (const m of ops) {
          const i = m.at % Math.max(1, l.length);
          if (m.op === 'delete') l.splice(i, 1);
          else if (m.op === 'duplicate') l.splice(i, 0, l[i] ?? '');
          else if (m.op === 'swap') {
            const j = m.to % Math.max(1, l.length);
            [l[i], l[j]] = [l[j] ?? '', l[i] ?? ''];
          } else if (m.op === 'replace') l[i] = m.text;
          else l[i] = `${(l[i] ?? '').slice(0, 3)}${m.text}${(l[i] ?? '').slice(3)}`;
        }
        worst = Math.max(worst, pipeline(l.join('\n')).ms);
      }),
      { numRuns: 10_000 },
    );
    expect(worst).toBeLessThan(1000);
  }, 120_000);
});
