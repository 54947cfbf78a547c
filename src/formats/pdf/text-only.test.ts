import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { pdfjsEverything } from '../../../test/fixtures/pdf/pdfjs-everything.ts';
import { IN_CI, onPath } from '../../../test/fixtures/tools.ts';
import { exportDocx } from '../docx/export-docx.ts';
import { exportXlsx } from '../xlsx/export-xlsx.ts';
import { exportPdf } from './export-pdf.ts';
import { pdfjs, readerWorker } from './pdfjs-loader.ts';

// Our pdfjs patch adds `textOnly` (pdf-document.ts reads with it): embedded fonts are parsed for
// their encodings and widths, but not rebuilt as OpenType nor traced into glyph outlines, and the
// operator list leaves out the operators that show text (the text items have it). What is read
// must not change: every text item, and every other operator with its arguments, on PDFs with each
// kind of embedded font offices produce — Type 1 and TrueType (LibreOffice Calc and Writer) and
// CID-keyed CFF (our own exporter, through pdfkit).

const run = promisify(execFile);
const SOFFICE = onPath('soffice');
const IDENTICAL_TEXT_ITEMS_AT_LEAST = 100;

type Everything = Awaited<ReturnType<typeof pdfjsEverything>>;

/**
 * Each page's operators without those that show text and set its spacing (textOnly drops them),
 * and without `dependency` (repeated in each chunk of the list, whose bounds then move).
 */
async function withoutTextShowing(pages: Everything): Promise<Array<Array<[number, unknown]>>> {
  const { OPS } = await pdfjs();
  const text = new Set<number>([
    OPS.showText,
    OPS.showSpacedText,
    OPS.nextLineShowText,
    OPS.nextLineSetSpacingShowText,
    OPS.nextLine,
    OPS.setWordSpacing,
    OPS.setCharSpacing,
    OPS.dependency,
  ]);
  return pages.map((p) =>
    p.fnArray.flatMap((fn, i): Array<[number, unknown]> => (text.has(fn) ? [] : [[fn, p.argsArray[i]]])),
  );
}

async function readBothWays(bytes: Uint8Array): Promise<void> {
  const worker = await readerWorker();
  const full = await pdfjsEverything(bytes, { worker });
  const textOnly = await pdfjsEverything(bytes, { worker, textOnly: true });
  expect(full.flatMap((p) => p.items).length).toBeGreaterThan(IDENTICAL_TEXT_ITEMS_AT_LEAST);
  expect(textOnly.map((p) => p.items)).toEqual(full.map((p) => p.items));
  const { OPS } = await pdfjs();
  // the text is all in the text items: the operator list keeps every other operator, and no text
  expect(textOnly.flatMap((p) => p.fnArray)).not.toContain(OPS.showText);
  expect(full.flatMap((p) => p.fnArray)).toContain(OPS.showText);
  const [a, b] = [await withoutTextShowing(textOnly), await withoutTextShowing(full)];
  expect(a.flat().length).toBeGreaterThan(IDENTICAL_TEXT_ITEMS_AT_LEAST);
  expect(a).toEqual(b);
}

describe('reading PDFs with textOnly', () => {
  it('reads what full font conversion reads on our exported PDF (CID CFF fonts)', async () => {
    await readBothWays(await exportPdf(seedForm(), profile()));
  }, 120_000);

  describe.skipIf(SOFFICE === null && !IN_CI)('on PDFs printed by LibreOffice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-text-only-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('has soffice (CI must install libreoffice-calc and libreoffice-writer)', () => {
      expect(SOFFICE, 'soffice 未安装').not.toBeNull();
    });

    it.runIf(SOFFICE !== null)(
      'reads what full font conversion reads (Type 1 and TrueType fonts)',
      { timeout: 240_000 },
      async () => {
        const form = seedForm();
        writeFileSync(join(dir, 'calc.xlsx'), await exportXlsx(form, profile()));
        writeFileSync(join(dir, 'writer.docx'), await exportDocx(form, profile()));
        const files = [join(dir, 'calc.xlsx'), join(dir, 'writer.docx')];
        await run(
          SOFFICE!,
          [
            `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            dir,
            ...files,
          ],
          { timeout: 180_000 },
        );
        for (const name of ['calc.pdf', 'writer.pdf']) {
          await readBothWays(new Uint8Array(readFileSync(join(dir, name))));
        }
      },
    );
  });
});
