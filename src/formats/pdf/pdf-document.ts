import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { getDocument as GetDocument, OPS, PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FormatError } from '../format-error.ts';
import type { PageContent } from './geometry.ts';
import { readPageContent } from './page-content.ts';
import { keepCompiledPdfjs, pdfjs, readerWorker } from './pdfjs-loader.ts';

// Opening a PDF with pdfjs-dist on Node (legacy build; 5.x is the last line that runs on Node 20)
// and turning every way it can fail into a FormatError: the caller never sees a pdfjs exception.

export type PdfReadOptions = {
  /** more pages than this is refused ('too-many-pages'); default 50. */
  maxPages?: number;
  /** reading longer than this is abandoned ('timeout'); default 20 000 ms. */
  timeoutMs?: number;
};

export const DEFAULT_MAX_PAGES = 50;
export const DEFAULT_TIMEOUT_MS = 20_000;

type DocumentInit = Extract<Parameters<typeof GetDocument>[0], { worker?: unknown }>;

/** pdfjs-dist's own data folders: without its CMaps Chinese text in non-embedded fonts reads as ''. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const DATA = {
  cMapUrl: `${join(PDFJS_DIR, 'cmaps')}/`,
  standardFontDataUrl: `${join(PDFJS_DIR, 'standard_fonts')}/`,
  wasmUrl: `${join(PDFJS_DIR, 'wasm')}/`,
  iccUrl: `${join(PDFJS_DIR, 'iccs')}/`,
};

function errorName(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : '';
}

type Failure = { code: 'encrypted' | 'corrupt'; reason: string };

function classify(e: unknown): Failure {
  const name = errorName(e);
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') {
    return { code: 'encrypted', reason: 'PDF 已加密（需要打开密码），请先解除密码保护再导入' };
  }
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'MissingPDFException') {
    return { code: 'corrupt', reason: `不是有效的 PDF 文件，或文件已损坏、不完整（${message}）` };
  }
  return { code: 'corrupt', reason: `无法读取 PDF（文件可能已损坏或不完整）：${message}` };
}

function translate(e: unknown, file: string, page?: number): FormatError {
  if (e instanceof FormatError) return e;
  const f = classify(e);
  return new FormatError(f.code, file, f.reason, page === undefined ? undefined : { page });
}

/** Rejects after `ms`, and lets the caller stop the timer once the work is done. */
function deadline(ms: number, file: string): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new FormatError(
            'timeout',
            file,
            `读取 PDF 超过 ${ms >= 1000 ? `${Math.round(ms / 1000)} 秒` : `${ms} 毫秒`}，已放弃`,
          ),
        ),
      ms,
    );
  });
  return { promise, clear: () => clearTimeout(timer) };
}

async function readAll(
  doc: PDFDocumentProxy,
  ops: typeof OPS,
  file: string,
  maxPages: number,
): Promise<PageContent[]> {
  if (doc.numPages > maxPages) {
    throw new FormatError(
      'too-many-pages',
      file,
      `PDF 共 ${doc.numPages} 页，超过导入上限 ${maxPages} 页（一份自评表通常只有几页）`,
    );
  }
  const pages: PageContent[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    try {
      const page = await doc.getPage(n);
      pages.push(await readPageContent(page, ops));
      page.cleanup();
    } catch (e) {
      throw translate(e, file, n);
    }
  }
  return pages;
}

/** Text runs and ruling lines of every page. Throws FormatError only. */
export async function readPdfPages(
  bytes: Uint8Array,
  file: string,
  options: PdfReadOptions = {},
): Promise<PageContent[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const { getDocument, OPS: ops, VerbosityLevel } = await pdfjs();
  const worker = await readerWorker();
  const timer = deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS, file);
  // pdfjs takes ownership of (and may detach) the buffer it is given: hand it a copy.
  const params: DocumentInit & { textOnly: boolean } = {
    worker,
    data: new Uint8Array(bytes),
    ...DATA,
    cMapPacked: true,
    disableFontFace: true,
    // Added by our pdfjs patch (patches/pdfjs-dist+*.patch): fonts are parsed for their encodings
    // and widths but not converted to OpenType nor traced into glyph outlines, which only drawing
    // needs (a fifth of the CPU of reading an office PDF), and the text content also carries the
    // painted paths and images, so a page is read in one pass instead of a second one for the
    // operator list (another fifth). Same text and paths as pdfjs's own (text-only.test.ts).
    textOnly: true,
    useSystemFonts: false,
    isEvalSupported: false,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  };
  const task = getDocument(params);
  try {
    const doc = await Promise.race([task.promise, timer.promise]);
    const pages = await Promise.race([readAll(doc, ops, file, maxPages), timer.promise]);
    keepCompiledPdfjs();
    return pages;
  } catch (e) {
    throw translate(e, file);
  } finally {
    timer.clear();
    // Stops any work still running after a timeout or error, and frees the document.
    await task.destroy().catch(() => undefined);
  }
}
