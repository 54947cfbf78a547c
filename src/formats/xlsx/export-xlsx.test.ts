import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { trickyForm } from '../../../test/fixtures/xlsx/forms.ts';
import { xlsxPart } from '../../../test/fixtures/xlsx/workbook.ts';
import { compareForms } from '../../core/form/compare.ts';
import type { Form } from '../../core/form/schema.ts';
import { exportXlsx, exportXlsxMany, sheetName } from './export-xlsx.ts';
import { importXlsx } from './import-xlsx.ts';

const unequal = (expected: Form, actual: Form) => compareForms(expected, actual).filter((c) => !c.equal);

describe('exportXlsx', () => {
  it('round-trips the seed: export, import, no unequal field, no warning', async () => {
    const [r, ...rest] = await importXlsx(await exportXlsx(seedForm(), profile('beijing')), 'seed.xlsx');
    expect(rest).toEqual([]);
    expect(unequal(seedForm(), r!.form)).toEqual([]);
    expect(r!.warnings).toEqual([]);
  });

  it('round-trips a form with several groups, null funds rows, 元, anhui labels and formula-like text', async () => {
    const f = trickyForm();
    const bytes = await exportXlsx(f, profile('anhui'));
    const shared = xlsxPart(bytes, 'xl/sharedStrings.xml');
    expect(shared).toContain('产出指标(50分)');
    expect(shared).toContain('其中：本年财政拨款');
    expect(shared).toContain('项目资金（元）');
    const [r] = await importXlsx(bytes, 'tricky.xlsx');
    expect(unequal(f, r!.form)).toEqual([]);
  });

  it('never writes a formula: user text beginning with = + - @ is a string cell', async () => {
    const bytes = await exportXlsx(trickyForm(), profile('national'));
    const sheet = xlsxPart(bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[\s>]/);
    const shared = xlsxPart(bytes, 'xl/sharedStrings.xml');
    for (const s of ['=SUM(A1:A2)', '+10个', '-5个', '@提醒：未完成', '@张三']) expect(shared).toContain(s);
  });

  it('quotes text that Excel would turn into a formula when edited (= + - @ tab): quotePrefix and Text format', async () => {
    const f = trickyForm();
    f.indicators[0]!.actual = '=HYPERLINK("http://evil.example","点击")';
    f.indicators[1]!.deviation = '\t=1+1';
    const bytes = await exportXlsx(f, profile('national'));
    const sheet = xlsxPart(bytes, 'xl/worksheets/sheet1.xml');
    const styles = xlsxPart(bytes, 'xl/styles.xml');
    const shared = [
      ...xlsxPart(bytes, 'xl/sharedStrings.xml').matchAll(/<si><t[^>]*>([\s\S]*?)<\/t><\/si>/g),
    ].map((m) => m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
    const xfs = [
      ...styles
        .split('<cellXfs')[1]!
        .split('</cellXfs>')[0]!
        .matchAll(/<xf\b[^>]*>/g),
    ].map((m) => m[0]);
    const cells = [...sheet.matchAll(/<c r="([A-Z]+\d+)" s="(\d+)" t="s"><v>(\d+)<\/v><\/c>/g)].map((m) => ({
      ref: m[1],
      xf: xfs[Number(m[2])]!,
      text: shared[Number(m[3])]!,
    }));
    const isRisky = (text: string) => /^[=+\-@\t]/.test(text) && text !== '-';
    const risky = cells.filter((c) => isRisky(c.text));
    expect(risky.map((c) => c.text)).toEqual(
      expect.arrayContaining([
        '=HYPERLINK("http://evil.example","点击")',
        '\t=1+1',
        '+10个',
        '=SUM(A1:A2)',
        '@张三',
      ]),
    );
    for (const c of risky) expect(c.xf, `${c.ref} ${c.text}`).toMatch(/numFmtId="49".*quotePrefix="1"/);
    // other text, and a lone dash standing for a blank, stays as it was
    for (const c of cells.filter((x) => !isRisky(x.text))) expect(c.xf).not.toContain('quotePrefix');
    expect(sheet).not.toMatch(/<f[\s>]/);
    // the quoted cells still read back as the same text
    const [r] = await importXlsx(bytes, 'quoted.xlsx');
    expect(r!.form.indicators[0]!.actual).toBe('=HYPERLINK("http://evil.example","点击")');
  });

  it('leaves a workbook without formula-like text as exceljs wrote it', async () => {
    const styles = xlsxPart(await exportXlsx(seedForm(), profile('beijing')), 'xl/styles.xml');
    expect(styles).not.toContain('quotePrefix');
  });

  it('writes numbers as numbers with the form’s formats, and the print setup', async () => {
    const bytes = await exportXlsx(seedForm(), profile('beijing'));
    const sheet = xlsxPart(bytes, 'xl/worksheets/sheet1.xml');
    const styles = xlsxPart(bytes, 'xl/styles.xml');
    const book = xlsxPart(bytes, 'xl/workbook.xml');
    // 执行率 stored as the fraction, shown as 93.51%.
    expect(sheet).toMatch(/<c r="H\d+" s="\d+"><v>0\.9351<\/v><\/c>/);
    expect(sheet).toMatch(/<c r="D\d+" s="\d+"><v>2926<\/v><\/c>/);
    // exceljs writes the two formats by their built-in ids: 10 is 0.00%, 4 is #,##0.00
    expect(styles).toMatch(/<xf numFmtId="10"[^>]*applyNumberFormat="1"/);
    expect(styles).toMatch(/<xf numFmtId="4"[^>]*applyNumberFormat="1"/);
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToHeight="0"/);
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toContain('<mergeCell ref="A1:I1"/>');
    // the indicator header row repeats on every printed page
    expect(book).toMatch(
      /<definedName name="_xlnm.Print_Titles"[^>]*>&apos;[^&]+&apos;!\$13:\$13<\/definedName>/,
    );
    // 产出指标 spans its 24 rows, 数量指标 its 8
    const merges = [...sheet.matchAll(/<mergeCell ref="B(\d+):B(\d+)"\/>/g)].map(
      (m) => Number(m[2]) - Number(m[1]) + 1,
    );
    expect(merges).toContain(24);
    const cMerges = [...sheet.matchAll(/<mergeCell ref="C(\d+):C(\d+)"\/>/g)].map(
      (m) => Number(m[2]) - Number(m[1]) + 1,
    );
    expect(cMerges).toContain(8);
  });

  it('gives wrapped narrative rows the height their text needs', async () => {
    const heights = (sheet: string) =>
      [...sheet.matchAll(/<row r="(\d+)"[^>]*\sht="([\d.]+)"/g)].map((m) => Number(m[2]));
    const seed = heights(
      xlsxPart(await exportXlsx(seedForm(), profile('beijing')), 'xl/worksheets/sheet1.xml'),
    );
    // the goals row holds ~700 characters in ~65 units of width: ~20 lines
    expect(Math.max(...seed)).toBeGreaterThan(250);
    expect(Math.max(...seed)).toBeLessThanOrEqual(409);
    // longer than Excel's 409 pt row limit: split over several sheet rows under one merge
    const long = seedForm();
    long.goals.actual = `${long.goals.actual}\n`.repeat(4);
    const bytes = await exportXlsx(long, profile('beijing'));
    const sheet = xlsxPart(bytes, 'xl/worksheets/sheet1.xml');
    const tall = heights(sheet).filter((h) => h > 250);
    expect(tall.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...tall)).toBeLessThanOrEqual(409);
    const spans = [...sheet.matchAll(/<mergeCell ref="F(\d+):I(\d+)"\/>/g)].map(
      (m) => Number(m[2]) - Number(m[1]),
    );
    expect(Math.max(...spans)).toBeGreaterThanOrEqual(2);
    const [r] = await importXlsx(bytes, 'long.xlsx');
    expect(unequal(long, r!.form)).toEqual([]);
  });

  it('writes several forms as several sheets, read back as several forms', async () => {
    const other = form([row({ target: '1个', actual: '1个' })], { projectName: '第二个项目', year: 2022 });
    const bytes = await exportXlsxMany([seedForm(), other], profile('national'));
    const results = await importXlsx(bytes, 'two.xlsx');
    expect(results).toHaveLength(2);
    expect(unequal(seedForm(), results[0]!.form)).toEqual([]);
    expect(unequal(other, results[1]!.form)).toEqual([]);
  });

  it('names sheets within Excel’s rules', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?e[f]g\\h', taken)).toBe('a b c d e f g h');
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(28);
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(26)}(2)`);
    expect(sheetName('', taken)).toBe('绩效自评表');
  });
});
