import { describe, expect, it } from 'vitest';
import { pdfjs } from './pdfjs-loader.ts';

describe('pdfjs loader', () => {
  it('leaves the native built-ins in place and keeps what pdfjs adds', async () => {
    const natives = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    const lib = await pdfjs();
    expect(typeof lib.getDocument).toBe('function');
    expect(Array.prototype.push).toBe(natives.push);
    expect(JSON.stringify).toBe(natives.stringify);
    expect(JSON.parse).toBe(natives.parse);
    expect(Function.prototype.toString.call(JSON.stringify)).toContain('[native code]');
    // pdfjs needs these on Node 20, where they are missing.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
    expect(await pdfjs()).toBe(lib);
  }, 60_000);
});

describe('pdfjs as loaded for reading', () => {
  it('does not load the canvas native module nor leave its placeholder globals behind', async () => {
    const { createRequire } = await import('node:module');
    await pdfjs();
    const cache = createRequire(import.meta.url).cache;
    expect(Object.keys(cache).filter((k) => k.includes('@napi-rs/canvas'))).toEqual([]);
    const g = globalThis as Record<string, unknown>;
    expect([g['DOMMatrix'], g['ImageData'], g['Path2D']]).toEqual([undefined, undefined, undefined]);
  }, 60_000);

  // patch-package applies patches/pdfjs-dist+*.patch on install; an install that skipped scripts
  // would read PDFs correctly but slower (about twice the CPU), so say so here rather than in a benchmark.
  it('runs the patched pdfjs worker (install scripts ran)', async () => {
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const file = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const source = readFileSync(file, 'utf8');
    expect(source).toContain('Object.assign(Object.create(Object.getPrototypeOf(this)), this)');
    expect(source).not.toContain('this.data.push(...data)');
    // textOnly (pdf-document.ts) and content streams inflated by node:zlib, not web streams
    expect(source).toContain('this.textOnly = evaluatorOptions.textOnly === true;');
    expect(source).toContain('zlib.inflateSync(bytes)');
    expect(source).toContain('type: "path",');
    const display = readFileSync(
      createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'),
      'utf8',
    );
    expect(display).toContain('textOnly: src.textOnly === true');
  });
});
