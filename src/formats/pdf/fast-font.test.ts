import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_TXT } from '../../../test/fixtures/build-form.ts';
import { fastFont, NO_SHAPING } from './fast-font.ts';
import { loadFace } from './fonts.ts';

// The shortcuts must not change a single glyph, advance or byte: each is compared with what
// fontkit itself does on the same font.

type Run = { glyphs: Array<{ id: number; codePoints: number[] }>; positions: object[]; advanceWidth: number };
type Font = {
  layout(text: string, features?: unknown): Run;
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
};

const fast = loadFace('regular').parsed as unknown as Font;
/** The parsed fontkit font under the shortcuts. */
const plain = Object.getPrototypeOf(fast) as Font;

const seedLines = readFileSync(SEED_TXT, 'utf8')
  .split('\n')
  .filter((l) => l.trim());
const samples = [
  ...seedLines,
  '项目支出绩效自评表（2023年度）',
  'Performance ≥ 95%, ≤ 1,000.00 万元; “引号” ‘单’ — …',
  'fi fl ffi AV To 1/2',
  '',
];

const shape = (r: Run) => ({
  ids: r.glyphs.map((g) => g.id),
  codePoints: r.glyphs.map((g) => g.codePoints),
  positions: r.positions.map((p) => ({ ...p })),
  advanceWidth: r.advanceWidth,
});

describe('fastFont', () => {
  it('lays out unshaped text exactly as fontkit does with every shaping feature off', () => {
    for (const s of samples)
      expect(shape(fast.layout(s, NO_SHAPING)), s).toEqual(shape(plain.layout(s, NO_SHAPING)));
  });

  it('leaves any other layout request to fontkit', () => {
    for (const s of samples) expect(shape(fast.layout(s)), s).toEqual(shape(plain.layout(s)));
  });

  it('subsets to the very bytes fontkit writes', () => {
    const text = seedLines.join('');
    const ids = plain.layout(text, NO_SHAPING).glyphs.map((g) => g.id);
    const encode = (font: Font) => {
      const subset = font.createSubset();
      for (const id of ids) subset.includeGlyph(id);
      return Buffer.from(subset.encode());
    };
    const ours = encode(fast);
    expect(ours.length).toBeGreaterThan(10_000);
    expect(ours.equals(encode(plain))).toBe(true);
  });

  it('wraps without touching the font it inherits from', () => {
    expect(Object.hasOwn(plain, 'layout')).toBe(false);
    expect(Object.hasOwn(fast, 'layout')).toBe(true);
    expect(fastFont(plain)).not.toBe(plain);
  });
});
