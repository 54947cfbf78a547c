import { describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { pdfjsEverything } from '../../../test/fixtures/pdf/pdfjs-everything.ts';
import { exportPdf } from './export-pdf.ts';
import { readerWorker } from './pdfjs-loader.ts';

// The in-thread port hands pdfjs's messages over without cloning them (in-thread-port.ts). What a
// document reads through it must be what pdfjs's own cloning fake worker gives: every text item and
// every operator with its arguments, on every page — and the same again for a second document
// read at once through the same worker.

const everything = (bytes: Uint8Array, worker: unknown) => pdfjsEverything(bytes, { worker });

describe('the in-thread pdfjs port', () => {
  it('reads a multi-page PDF exactly as the cloning fake worker does, two documents at once', async () => {
    const seed = seedForm();
    const long = { ...seed, indicators: Array.from({ length: 6 }, () => seed.indicators).flat() };
    const [a, b] = [await exportPdf(seed, profile()), await exportPdf(long, profile())];
    const worker = await readerWorker();
    const [viaPortA, viaPortB] = await Promise.all([everything(a, worker), everything(b, worker)]);
    const [clonedA, clonedB] = [await everything(a, null), await everything(b, null)];
    expect(clonedB.length).toBeGreaterThan(1);
    expect(clonedB.flatMap((p: { items: unknown[] }) => p.items).length).toBeGreaterThan(100);
    expect(viaPortA).toEqual(clonedA);
    expect(viaPortB).toEqual(clonedB);
  }, 120_000);
});
