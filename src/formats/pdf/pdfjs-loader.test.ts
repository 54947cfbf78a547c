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
