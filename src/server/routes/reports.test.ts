import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POPPLER_MISSING, poppler, popplerAvailable } from '../../../test/fixtures/pdf/poppler.ts';
import { IN_CI } from '../../../test/fixtures/tools.ts';
import { formEtag } from '../../contract/forms.ts';
import type { Form } from '../../core/form/schema.ts';
import { createTestApp, type Session, type TestApp, testDialects } from '../testing.ts';

// The two reports through the API: a unit's 自评报告 with its edited narrative kept in the form's
// revisions, and the finance bureau's 抽查报告 over its scope, filtered.

const dialects = await testDialects();
const poppled = popplerAvailable();
if (!poppled && !IN_CI) console.warn(`跳过报告 PDF 文字检查：${POPPLER_MISSING}`);

const MEASURES =
  '（一）改进措施\n1. 定额工作经费改为每年三月底前拨付，由财务科负责。\n（二）结果应用\n2. 评价结果用于调整下一年度预算。';
const dir = mkdtempSync(join(tmpdir(), 'jixiao-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(bytes: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).replace(/\s+/g, '');
}

const docxText = (bytes: Buffer): string =>
  strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']!)
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, '');

describe.each(dialects)('reports API (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  let finance: Session;
  let id = '';
  beforeAll(async () => {
    t = await createTestApp(dialect);
    unit = await t.login('danwei');
    finance = await t.login('caizheng');
    id = (await unit.get('/api/forms')).json().items[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps an edited narrative in the revision it was saved with and prints it in the export', async () => {
    const before = (await unit.get(`/api/forms/${id}`)).json();
    const edited: Form = { ...before.form, report: { measures: MEASURES } };
    const saved = await unit.put(
      `/api/forms/${id}`,
      { form: edited },
      { 'if-match': formEtag(before.revision) },
    );
    expect(saved.statusCode).toBe(200);
    const revision = saved.json().revision as number;
    // a later save that changes something else keeps the narrative
    const later: Form = {
      ...saved.json().form,
      goals: { ...edited.goals, actual: `${edited.goals.actual}（已核实）` },
    };
    const again = await unit.put(`/api/forms/${id}`, { form: later }, { 'if-match': formEtag(revision) });
    expect(again.statusCode).toBe(200);
    expect(again.json().form.report).toEqual({ measures: MEASURES });
    expect((await unit.get(`/api/forms/${id}/revisions/${revision}`)).json().form.report).toEqual({
      measures: MEASURES,
    });
    expect(
      (await unit.get(`/api/forms/${id}/revisions/${before.revision}`)).json().form.report,
    ).toBeUndefined();

    const docx = await unit.get(`/api/forms/${id}/report?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain('绩效自评报告.docx');
    const words = docxText(docx.rawPayload);
    expect(words).toContain('定额工作经费改为每年三月底前拨付，由财务科负责。');
    expect(words).toContain('六、改进措施及结果应用');
    // the revision before the edit has the drafted measures
    const old = docxText(
      (await unit.get(`/api/forms/${id}/report?format=docx&revision=${before.revision}`)).rawPayload,
    );
    expect(old).not.toContain('三月底前拨付');
    expect(old).toContain('【请填写：');

    if (poppled || IN_CI) {
      const pdf = await unit.get(`/api/forms/${id}/report?format=pdf`);
      expect(pdf.statusCode).toBe(200);
      const text = pdfText(pdf.rawPayload, 'edited.pdf');
      expect(text).toContain('定额工作经费改为每年三月底前拨付，由财务科负责。');
      expect(text).toContain('2021年中关村海外联络工作支持资金项目');
      expect(text).toContain('93.51%');
    }
  });

  it('refuses a format the self-evaluation report has not', async () => {
    expect((await unit.get(`/api/forms/${id}/report?format=xlsx`)).statusCode).toBe(400);
  });

  it('gives the finance bureau a workbook of its scope with every finding, filtered by status', async () => {
    const r = await finance.get('/api/reports/spot-check?format=xlsx&year=2021');
    expect(r.statusCode).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('抽查报告-2021年度.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '各单位', '抽查排序', '问题清单', '自评表']);
    const findings = wb.getWorksheet('问题清单')!;
    const codes = new Set<string>();
    findings.eachRow((row, n) => {
      if (n > 1) codes.add(String(row.getCell(7).value));
    });
    expect(codes).toContain('scoring.late-full-marks');
    expect(String(findings.getRow(1).getCell(11).value)).toBe('依据');
    const forms = wb.getWorksheet('自评表')!;
    expect(forms.rowCount).toBeGreaterThan(1);

    const none = await finance.get('/api/reports/spot-check?format=xlsx&status=published&year=2021');
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load(none.rawPayload as unknown as ArrayBuffer);
    expect(empty.getWorksheet('自评表')!.rowCount).toBe(1);
    expect(String(empty.getWorksheet('汇总')!.getRow(2).getCell(2).value)).toContain('状态：已公开');
  });

  it('draws the spot-check PDF with the ranking and says who may not have it', async () => {
    if (poppled || IN_CI) {
      const r = await finance.get('/api/reports/spot-check?format=pdf');
      expect(r.statusCode).toBe(200);
      const text = pdfText(r.rawPayload, 'spot.pdf');
      for (const s of [
        '项目支出绩效自评抽查报告',
        '预算执行率分布',
        '四、抽查建议（按风险排序）',
        '2021年中关村海外联络工作支持资金项目',
      ])
        expect(text).toContain(s);
    }
    expect((await unit.get('/api/reports/spot-check?format=pdf')).statusCode).toBe(403);
  });
});
