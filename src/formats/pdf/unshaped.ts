// Text laid out without OpenType shaping: one glyph per character from the font's cmap, each
// advancing by its own width. That is what fontkit returns for CJK text once every shaping
// feature is switched off (NO_SHAPING), but fontkit still builds a shaping plan, selects a script
// and walks GSUB/GPOS for every string it is asked to lay out, and pdfkit asks twice per drawn line
// (width, then glyphs) without caching when features are given: most of an export's time went
// there. The fast path is taken only for NO_SHAPING; any other request goes to fontkit.

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

/** The part of a fontkit font this module uses; everything else is reached through the prototype. */
type FontkitFont = {
  layout(text: string, features?: unknown): unknown;
  glyphsForString(text: string): Glyph[];
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

/**
 * `font` with a `layout` that skips shaping when asked for NO_SHAPING. The result inherits from
 * the fontkit font, so pdfkit subsets and embeds it exactly as before.
 */
export function unshapedFont<F extends object>(font: F): F {
  const base = font as unknown as FontkitFont;
  return Object.create(font, {
    layout: {
      value(text: string, features?: unknown) {
        if (features !== NO_SHAPING) return base.layout.call(this, text, features);
        return new UnshapedRun(base.glyphsForString.call(this, text));
      },
    },
  }) as F;
}
