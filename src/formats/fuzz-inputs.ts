// Test and benchmark support only (no reader imports it): the mutated fixtures of every layout
// the fuzz test reads (issue 10: no crash) and the import benchmark times (each input < 100 ms).

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SEED_TXT } from '../../test/fixtures/build-form.ts';
import { RIVER_FORM } from '../../test/fixtures/cells/river-form.ts';
import { LAYOUTS, ocrNoise, render, traditional } from './cells/render-layouts.ts';

export const FUZZ_BASES: readonly string[] = [
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

export type Edit = { at: number; cut: number; insert: string };
export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  cut: fc.nat({ max: 40 }),
  insert: piece,
});

/** A fixture with edits applied in turn: text cut out at a place, something put in its stead. */
export function mutate(text: string, edits: readonly Edit[]): string {
  let t = text;
  for (const e of edits) {
    const at = Math.floor(e.at * t.length);
    t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
  }
  return t;
}

export const fuzzCase = fc.tuple(
  fc.nat({ max: FUZZ_BASES.length - 1 }),
  fc.array(edit, { minLength: 1, maxLength: 12 }),
);
