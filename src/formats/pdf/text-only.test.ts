import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { opListPaths } from '../../../test/fixtures/pdf/op-list-paths.ts';
import { pdfjsEverything } from '../../../test/fixtures/pdf/pdfjs-everything.ts';
import { printToPdf } from '../../../test/fixtures/soffice-pdf.ts';
import { IN_CI, onPath } from '../../../test/fixtures/tools.ts';
import { exportDocx } from '../docx/export-docx.ts';
import { exportXlsx } from '../xlsx/export-xlsx.ts';
import { exportPdf } from './export-pdf.ts';
import { pdfjs, readerWorker } from './pdfjs-loader.ts';

// Our pdfjs patch adds `textOnly` (pdf-document.ts reads with it): embedded fonts are parsed for
// their encodings and widths, but not rebuilt as OpenType nor traced into glyph outlines, and the
// text content also carries each painted path and image, so that one pass over a page gives both
// its text and its ruling lines. What pdfjs reads must not change: every text item and every
// operator with its arguments; and the added paths must be exactly the operator list's. Checked
// on PDFs with each kind of embedded font offices produce — Type 1 and TrueType (LibreOffice Calc
// and Writer) and CID-keyed CFF (our own exporter, through pdfkit).

const SOFFICE = onPath('soffice');
const IDENTICAL_TEXT_ITEMS_AT_LEAST = 100;

/** A one-page PDF whose page draws `content` with a form XObject /Fm1 drawing `form` (Helvetica /F1). */
function handMadePdf(content: string, form: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> /XObject << /Fm1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /XObject /Subtype /Form /BBox [0 0 300 300] /Matrix [1 0 0 1 10 20] /Resources << /Font << /F1 6 0 R >> >> /Length ${form.length} >>\nstream\n${form}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function readBothWays(
  bytes: Uint8Array,
  least: { texts: number; paths: number } = { texts: IDENTICAL_TEXT_ITEMS_AT_LEAST, paths: 1 },
): Promise<void> {
  const { OPS } = await pdfjs();
  const worker = await readerWorker();
  const full = await pdfjsEverything(bytes, { worker });
  const textOnly = await pdfjsEverything(bytes, { worker, textOnly: true });
  type Item = { str?: string; type?: string; paint?: number; path?: ArrayLike<number>; ctm?: number[] };
  const texts = (p: { items: unknown[] }) => (p.items as Item[]).filter((i) => typeof i.str === 'string');
  expect(full.flatMap(texts).length).toBeGreaterThanOrEqual(least.texts);
  // the text items are pdfjs's own
  expect(textOnly.map(texts)).toEqual(full.map((p) => p.items));
  // the operator list is unchanged (fonts are only not converted for drawing)
  expect(textOnly.map((p) => [p.fnArray, p.argsArray])).toEqual(full.map((p) => [p.fnArray, p.argsArray]));
  // and the painted paths the text content adds are the operator list's, in the same space
  let paths = 0;
  for (const [i, page] of textOnly.entries()) {
    const reference = opListPaths(OPS, full[i]!.fnArray, full[i]!.argsArray);
    const added = (page.items as Item[]).filter((x) => x.type === 'path');
    expect(added.map((x) => ({ paint: x.paint, path: Array.from(x.path!), ctm: x.ctm }))).toEqual(
      reference.paths,
    );
    expect((page.items as Item[]).filter((x) => x.type === 'image').length > 0).toBe(reference.images > 0);
    paths += added.length;
  }
  expect(paths).toBeGreaterThanOrEqual(least.paths);
}

describe('reading PDFs with textOnly', () => {
  it('reads what full font conversion reads on our exported PDF (CID CFF fonts)', async () => {
    await readBothWays(await exportPdf(seedForm(), profile()));
  }, 120_000);

  it('gives the paths of form XObjects, drawn twice, under nested transformations', async () => {
    // A form XObject (its own /Matrix, its own cm and q/Q) painted twice under different cm, and a
    // page-level rectangle: paths the operator list gives inside paintFormXObjectBegin/End.
    const form =
      '0.5 w 0 0 m 120 0 l S q 2 0 0 2 0 0 cm 0 10 m 0 40 l S Q 5 5 60 1 re f BT /F1 9 Tf 2 12 Td (form) Tj ET';
    const page =
      'q 1 0 0 1 40 700 cm /Fm1 Do Q q 0 1 -1 0 300 300 cm /Fm1 Do Q 10 10 200 100 re S BT /F1 12 Tf 50 50 Td (page text here) Tj ET';
    await readBothWays(handMadePdf(page, form), { texts: 3, paths: 7 });
  }, 60_000);

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
        printToPdf(files, dir, 180_000);
        for (const name of ['calc.pdf', 'writer.pdf']) {
          await readBothWays(new Uint8Array(readFileSync(join(dir, name))));
        }
      },
    );
  });
});
