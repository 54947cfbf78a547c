import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedForm } from '../../../test/fixtures/build-form.ts';
import { IN_CI, onPath } from '../../../test/fixtures/tools.ts';
import { FormatError, type FormatErrorCode } from '../format-error.ts';
import { exportPdf } from './export-pdf.ts';
import { importPdf } from './import-pdf.ts';

// Whatever the bytes, importPdf resolves with forms or rejects with a FormatError.

/** A PDF drawn with pdfkit (no Chinese font needed). */
function makePdf(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** A small grey-striped RGB PNG, standing in for a scanned page. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    raw.fill(y % 8 < 4 ? 40 : 220, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function failure(bytes: Uint8Array, options?: Parameters<typeof importPdf>[2]): Promise<FormatError> {
  try {
    await importPdf(bytes, 'bad.pdf', options);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('importPdf accepted a bad file');
}

const code = async (bytes: Uint8Array, options?: Parameters<typeof importPdf>[2]): Promise<FormatErrorCode> =>
  (await failure(bytes, options)).code;

describe('importPdf on bad input', () => {
  let seed: Uint8Array;
  beforeAll(async () => {
    seed = await exportPdf(seedForm(), null);
  }, 120_000);
  afterEach(() => vi.restoreAllMocks());

  it('calls truncated, garbage and empty files corrupt', async () => {
    expect(await code(seed.slice(0, seed.length >> 1))).toBe('corrupt');
    expect(await code(seed.slice(0, seed.length - 300))).toBe('corrupt');
    expect(await code(new Uint8Array(4096).map((_, i) => (i * 7919) % 251))).toBe('corrupt');
    expect(await code(new Uint8Array(0))).toBe('corrupt');
    expect(await code(new TextEncoder().encode('%PDF-1.7\n'))).toBe('corrupt');
    const e = await failure(new TextEncoder().encode('项目名称,测试'));
    expect(e.message).toMatch(/^bad\.pdf：.*PDF/);
  }, 60_000);

  it('refuses a password-protected PDF', async () => {
    const rc4 = await makePdf({ userPassword: 'secret' }, (d) => d.text('hello'));
    const aes = await makePdf({ userPassword: 'secret', pdfVersion: '1.7ext3' }, (d) => d.text('hello'));
    for (const bytes of [rc4, aes]) {
      const e = await failure(bytes);
      expect(e.code).toBe('encrypted');
      expect(e.message).toContain('加密');
    }
  }, 60_000);

  it('refuses a PDF encrypted by qpdf', async (ctx) => {
    if (!onPath('qpdf') && !IN_CI) ctx.skip(); // CI installs qpdf: missing there fails
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-qpdf-'));
    try {
      writeFileSync(join(dir, 'in.pdf'), seed);
      const r = spawnSync('qpdf', [
        '--encrypt',
        'user',
        'owner',
        '256',
        '--',
        join(dir, 'in.pdf'),
        join(dir, 'out.pdf'),
      ]);
      expect(r.status).toBe(0);
      expect(await code(new Uint8Array(readFileSync(join(dir, 'out.pdf'))))).toBe('encrypted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses too many pages before reading them', async () => {
    const many = await makePdf({}, (d) => {
      for (let i = 1; i < 300; i++) d.addPage();
    });
    const start = performance.now();
    const e = await failure(many);
    expect(e.code).toBe('too-many-pages');
    expect(e.message).toContain('300 页');
    expect(performance.now() - start).toBeLessThan(5000);
    expect(await code(seed, { maxPages: 1 })).toBe('too-many-pages');
  }, 60_000);

  it('gives up after the time limit', async () => {
    expect(await code(seed, { timeoutMs: 1 })).toBe('timeout');
  }, 60_000);

  it('says a scan has no text layer', async () => {
    const scan = await makePdf({ size: 'A4', layout: 'landscape' }, (d) =>
      d.image(png(400, 280), 20, 20, { width: 800 }),
    );
    const e = await failure(scan);
    expect(e.code).toBe('not-a-form');
    expect(e.message).toContain('扫描件');
  }, 60_000);

  it('says a PDF with other content is not a form', async () => {
    const letter = await makePdf({}, (d) => d.text('Dear reader, this is a letter, not a table.'));
    expect(await code(letter)).toBe('not-a-form');
    expect(await code(await makePdf({}, () => {}))).toBe('not-a-form');
  }, 60_000);

  it('never throws anything but FormatError, and prints nothing, on damaged bytes', async () => {
    const spies = (['log', 'warn', 'error', 'info'] as const).map((m) => vi.spyOn(console, m));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.integer({ min: 0, max: seed.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 40,
        }),
        async (edits) => {
          const bytes = seed.slice();
          for (const [at, value] of edits) bytes[at] = value;
          try {
            const results = await importPdf(bytes, 'damaged.pdf');
            expect(Array.isArray(results)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(FormatError);
          }
        },
      ),
      { numRuns: 6 },
    );
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  }, 300_000);
});
