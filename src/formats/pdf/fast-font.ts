// Two shortcuts through fontkit for the Noto CJK faces the PDF writers embed (issue 12 §7: an
// export was 11× faster than LibreOffice, the goal is 20×; profiling put font work first).
//
// 1. Text laid out without OpenType shaping: one glyph per character from the font's cmap, each
//    advancing by its own width. That is what fontkit returns for CJK text once every shaping
//    feature is switched off (NO_SHAPING), but fontkit still builds a shaping plan, selects a
//    script and walks GSUB/GPOS for every string, and pdfkit asks twice per drawn line (width,
//    then glyphs) without caching when features are given: a third of an export went there.
//    Only NO_SHAPING takes the shortcut; any other request goes to fontkit.
// 2. Subsetting: fontkit keeps every subroutine number of the CFF font and replaces each unused
//    one by a one-byte `return` it allocates anew: Noto CJK has ~55,000 of them, so each export
//    made 55,000 arrays. One shared array gives the same bytes (fast-font.test.ts compares them).
//
// Both are overrides on an object that inherits from the parsed font: the font itself, and what
// pdfkit does with it (subsetting, embedding, ToUnicode), stay fontkit's.

/**
 * OpenType shaping (ligatures, kerning, contextual forms) switched off: CJK text needs none of it,
 * and unshaped widths equal the measured ones.
 */
export const NO_SHAPING: Readonly<Record<string, boolean>> = Object.freeze(
  Object.fromEntries(
    ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk']
      .concat(['calt', 'clig', 'liga', 'rclt', 'curs', 'kern'])
      .map((f) => [f, false]),
  ),
);

/** The part of a fontkit glyph pdfkit reads. */
type Glyph = { id: number; advanceWidth: number; codePoints: number[] };

type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };

type Subrs = Array<{ offset: number; length: number }>;

/** fontkit's CFFSubset, as far as the override below needs it. */
type CffSubset = {
  cff?: { stream: { pos: number; readBuffer(n: number): Uint8Array } };
  subsetSubrs?: (subrs: Subrs, used: Record<number, boolean>) => Uint8Array[];
};

/** The part of a fontkit font this module uses; everything else is reached through the prototype. */
type FontkitFont = {
  layout(text: string, features?: unknown): unknown;
  glyphsForString(text: string): Glyph[];
  createSubset(): CffSubset;
};

/** fontkit's GlyphRun as pdfkit uses it: pdfkit scales `positions` in place, then sums the advances. */
class UnshapedRun {
  readonly positions: Position[];
  constructor(readonly glyphs: Glyph[]) {
    this.positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
  }
  get advanceWidth(): number {
    let w = 0;
    for (const p of this.positions) w += p.xAdvance;
    return w;
  }
}

/** The CFF charstring operator `return`: what an unused subroutine is reduced to. */
const RETURN = new Uint8Array([11]);

/** fontkit's CFFSubset.subsetSubrs (fontkit 2.0), with one shared `return` for the unused ones. */
function subsetSubrs(this: CffSubset, subrs: Subrs, used: Record<number, boolean>): Uint8Array[] {
  const stream = this.cff!.stream;
  const out = new Array<Uint8Array>(subrs.length);
  for (let i = 0; i < subrs.length; i++) {
    if (used[i]) {
      const subr = subrs[i]!;
      stream.pos = subr.offset;
      out[i] = stream.readBuffer(subr.length);
    } else out[i] = RETURN;
  }
  return out;
}

/** `font` with the two shortcuts; pdfkit takes it in place of the parsed font. */
export function fastFont<F extends object>(font: F): F {
  const base = font as unknown as FontkitFont;
  return Object.create(font, {
    layout: {
      value(text: string, features?: unknown) {
        if (features !== NO_SHAPING) return base.layout.call(this, text, features);
        return new UnshapedRun(base.glyphsForString.call(this, text));
      },
    },
    createSubset: {
      value() {
        const subset = base.createSubset.call(this);
        // Only a CFF subset of the shape this was written against (TrueType subsets have no subrs).
        if (typeof subset.subsetSubrs === 'function' && subset.cff) subset.subsetSubrs = subsetSubrs;
        return subset;
      },
    },
  }) as F;
}
