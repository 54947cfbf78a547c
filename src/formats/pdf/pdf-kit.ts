import { NO_SHAPING } from './fast-font.ts';
import type { FaceName, LoadedFace } from './fonts.ts';

// What every pdfkit writer here shares: text drawn unshaped at a given baseline, a measurer with
// per-character widths cached per font file, and the document's bytes collected into one array.

export type Doc = PDFKit.PDFDocument;

/** Text at a given baseline, unshaped (NO_SHAPING: the fast path of fast-font.ts). */
export const TEXT_OPTIONS = {
  lineBreak: false,
  baseline: 'alphabetic',
  features: NO_SHAPING as unknown as PDFKit.Mixins.OpenTypeFeatures[],
} as const;

/** Width in points of `text` in `face` at `size`. */
export type FaceMeasure = (text: string, face: FaceName, size: number) => number;

/** Per-character advance widths at 1 pt, per font file: measuring through pdfkit is the slow part. */
const widthCache = new Map<string, Map<string, number>>();

export function measurer(doc: Doc, faces: Partial<Record<FaceName, LoadedFace>>): FaceMeasure {
  return (text, face, size) => {
    const key = faces[face]?.key ?? face;
    let widths = widthCache.get(key);
    if (!widths) {
      widths = new Map();
      widthCache.set(key, widths);
    }
    let total = 0;
    for (const ch of text) {
      let w = widths.get(ch);
      if (w === undefined) {
        doc.font(face).fontSize(100);
        w = doc.widthOfString(ch) / 100;
        widths.set(ch, w);
      }
      total += w;
    }
    return total * size;
  };
}

/** The document's bytes once it has ended. Call before `doc.end()`. */
export function collect(doc: Doc): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
  });
}
