import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_TXT } from '../../test/fixtures/build-form.ts';
import { RIVER_FORM } from '../../test/fixtures/cells/river-form.ts';
import { validateForm } from '../core/form/validate.ts';
import { LAYOUTS, ocrNoise, render, traditional } from './cells/render-layouts.ts';
import { readText } from './read-text.ts';

// Issue 10 acceptance: fuzzing with mutated fixtures of every layout — no crash, and whatever is
// read is a valid Form. (How long each input takes is measured by `npm run bench -- formats`,
// not asserted here.)

const bases = [
  readFileSync(SEED_TXT, 'utf8'),
  ...LAYOUTS.map((l) => render(RIVER_FORM, l)),
  ocrNoise(render(RIVER_FORM, 'lines')),
  traditional(render(RIVER_FORM, 'flattened')),
];

const piece = fc.oneof(
  fc.constantFrom(
    '|',
    '\n',
    '\n\n',
    ' ',
    '  ',
    '\t',
    '、',
    '2、',
    '（',
    '）',
    '%',
    '≥',
    '≦',
    '═',
    '-',
    '—',
    '/',
  ),
  fc.constantFrom(
    '项目名称',
    '年度资金总额',
    '绩效指标',
    '产出指标',
    '数量指标',
    '总分',
    '指标1:',
    '……',
    '其中：',
  ),
  fc.stringMatching(/^[0-9.,]{1,8}$/),
  fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    maxLength: 6,
  }),
  fc.string({ maxLength: 4 }),
);

type Edit = { at: number; cut: number; insert: string };
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.nat({ max: 40 }),
  insert: piece,
});

function mutate(text: string, edits: Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
  }
  return t;
}

describe('text import on mutated forms of every layout', () => {
  it('never throws and returns valid Form JSON', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bases.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        (b, edits) => {
          const text = mutate(bases[b]!, edits);
          const results = readText(text, { defaultYear: 2024 });
          for (const r of results) {
            const v = validateForm(r.form);
            expect(v.ok, v.ok ? '' : v.reason).toBe(true);
            for (const w of r.warnings) expect(typeof w.message).toBe('string');
          }
        },
      ),
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
