import { describe, expect, it, vi } from 'vitest';

// A machine without fonts-noto-cjk: the exporter says what to install instead of failing inside pdfkit.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, existsSync: (p: string) => !/NotoS(erif|ans)CJK/.test(String(p)) && fs.existsSync(p) };
});

const { exportPdf } = await import('./export-pdf.ts');
const { form } = await import('../../../test/fixtures/build-form.ts');

describe('exportPdf without the Chinese font', () => {
  it('throws a message that names the package to install', async () => {
    const saved = process.env['JIXIAO_PDF_FONT'];
    delete process.env['JIXIAO_PDF_FONT'];
    try {
      await expect(exportPdf(form([]), null)).rejects.toThrow(/fonts-noto-cjk/);
    } finally {
      if (saved !== undefined) process.env['JIXIAO_PDF_FONT'] = saved;
    }
  });
});
