import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fastFont } from './fast-font.ts';
import { FONT_DIRS, FONT_MISSING_MESSAGE } from './font-missing.ts';

export { FONT_MISSING_MESSAGE };

// The Chinese fonts the PDF exporter embeds. Debian's fonts-noto-cjk (SIL OFL: embeddable) ships
// them as .ttc collections; pdfkit picks one face out of a collection by PostScript name and embeds
// only the glyphs used (a subset), so a one-page form stays small.
//
// Parsing a 26 MB collection costs far more than laying out a form, so the parsed font is kept for
// the life of the process.

/** regular and bold: the serif (宋体/仿宋/小标宋 stand-ins); sans: the 黑体 stand-in (report headings, charts). */
export type FaceName = 'regular' | 'bold' | 'sans';

type FaceSpec = { file: string; postscript: string };

const CANDIDATES: Record<FaceName, FaceSpec[]> = {
  regular: [
    { file: 'NotoSerifCJK-Regular.ttc', postscript: 'NotoSerifCJKsc-Regular' },
    { file: 'NotoSansCJK-Regular.ttc', postscript: 'NotoSansCJKsc-Regular' },
  ],
  bold: [
    { file: 'NotoSerifCJK-Bold.ttc', postscript: 'NotoSerifCJKsc-Bold' },
    { file: 'NotoSansCJK-Bold.ttc', postscript: 'NotoSansCJKsc-Bold' },
  ],
  sans: [{ file: 'NotoSansCJK-Regular.ttc', postscript: 'NotoSansCJKsc-Regular' }],
};

/** A face ready to hand to pdfkit: the parsed font, shared by every document. */
export type LoadedFace = {
  key: string;
  postscript: string | undefined;
  /** pdfkit's parsed (fontkit) font with the shortcuts of fast-font.ts. */
  parsed: object;
};

const loaded = new Map<FaceName, LoadedFace>();

function fromEnv(face: FaceName): FaceSpec | null {
  const raw =
    process.env[
      face === 'bold' ? 'JIXIAO_PDF_FONT_BOLD' : face === 'sans' ? 'JIXIAO_PDF_FONT_SANS' : 'JIXIAO_PDF_FONT'
    ];
  if (!raw) return null;
  const [file, postscript] = raw.split('#');
  return { file: file ?? raw, postscript: postscript ?? '' };
}

function locate(face: FaceName): { path: string; postscript: string } | null {
  const env = fromEnv(face);
  if (env && existsSync(env.file)) return { path: env.file, postscript: env.postscript };
  for (const spec of CANDIDATES[face]) {
    for (const dir of FONT_DIRS) {
      const path = join(dir, spec.file);
      if (existsSync(path)) return { path, postscript: spec.postscript };
    }
  }
  return null;
}

/**
 * The face to embed. Regular is required (throws a message saying what to install); bold and sans
 * fall back to regular, since a title in the regular weight is still a correct form.
 */
export function loadFace(face: FaceName): LoadedFace {
  const hit = loaded.get(face);
  if (hit) return hit;
  const found = locate(face);
  if (!found) {
    if (face !== 'regular') return loadFace('regular');
    throw new Error(FONT_MISSING_MESSAGE);
  }
  const postscript = found.postscript || undefined;
  const value: LoadedFace = {
    key: `${found.path}#${found.postscript}`,
    postscript,
    parsed: fastFont(parse(readFileSync(found.path), postscript)),
  };
  loaded.set(face, value);
  return value;
}

/** The fontkit font pdfkit makes of `data`, parsed by a scratch document that is never written. */
function parse(data: Buffer, postscript: string | undefined): object {
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.registerFont('face', data, postscript);
  scratch.font('face');
  const parsed = (scratch as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  if (typeof parsed?.layout !== 'function')
    throw new Error(`无法读取字体文件（${postscript ?? '未知字体'}）`);
  return parsed;
}

type FontHost = { registerFont(name: string, src: Buffer): unknown };

/** Registers `face` on a pdfkit document under its own name, sharing the parsed font. */
export function registerFace(doc: FontHost, face: FaceName): LoadedFace {
  const f = loadFace(face);
  // pdfkit accepts an already parsed fontkit font in place of bytes (anything with `layout`).
  doc.registerFont(face, f.parsed as Buffer);
  return f;
}
