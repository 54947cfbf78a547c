import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderFormText } from '../../../test/fixtures/lifecycle/render-text.ts';
import { compareForms } from '../../core/form/compare.ts';
import { formSchema } from '../../core/form/schema.ts';
import { readText } from '../read-text.ts';
import { exportXlsx } from '../xlsx/export-xlsx.ts';
import { importXlsx } from '../xlsx/import-xlsx.ts';
import { lifecycleForm } from './random-lifecycle-forms.ts';

// Random valid forms of each lifecycle kind (lifecycle.md §2) survive the text reader (laid out
// pdftotext -layout style) and the xlsx writer and reader: every field, and no field more.

const KINDS = ['project-target-declaration', 'project-monitoring', 'department-self-evaluation'] as const;

describe('lifecycle kinds round-trip (property)', () => {
  for (const kind of KINDS) {
    it(`${kind}: valid forms, text → Form JSON`, () => {
      fc.assert(
        fc.property(lifecycleForm(kind), (f) => {
          expect(formSchema.safeParse(f).success).toBe(true);
          const [r, ...rest] = readText(renderFormText(f));
          expect(rest).toEqual([]);
          expect(compareForms(f, r!.form).filter((c) => !c.equal)).toEqual([]);
        }),
        { numRuns: Number(process.env['LIFECYCLE_TEXT_RUNS'] ?? 60) },
      );
    });

    it(`${kind}: valid forms, xlsx → Form JSON`, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(lifecycleForm(kind), async (f) => {
          const [r, ...rest] = await importXlsx(await exportXlsx(f, null), 'p.xlsx');
          expect(rest).toEqual([]);
          expect(compareForms(f, r!.form).filter((c) => !c.equal)).toEqual([]);
        }),
        { numRuns: Number(process.env['XLSX_RUNS'] ?? 12) },
      );
    });
  }
});
