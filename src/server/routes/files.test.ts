import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalOle } from '../../../test/fixtures/minimal-ole.ts';
import { SEED_FORM } from '../../services/demo-seed.ts';
import { createTestApp, multipart, type Session, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();
const seedText = readFileSync(SEED_FORM);

describe.each(dialects)('evidence, import and export API (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  let dept: Session;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { evidenceMaxBytes: 64 * 1024, importMaxBytes: 256 * 1024 } });
    [unit, dept] = [await t.login('danwei'), await t.login('zhuguan')];
    id = (await unit.get('/api/forms')).json().items[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = (
    s: Session,
    fields: Record<string, string>,
    content: Uint8Array | string,
    name = '合同扫描件.pdf',
  ) => {
    const m = multipart(fields, [{ field: 'file', name, content, type: 'application/pdf' }]);
    return s.request('POST', `/api/forms/${id}/evidence`, m.payload, m.headers);
  };

  it('stores evidence per indicator under the data dir with its sha256', async () => {
    const content = Buffer.from('%PDF-1.4 佐证材料');
    const r = await upload(unit, { row: '2' }, content);
    expect(r.statusCode).toBe(201);
    const sha = createHash('sha256').update(content).digest('hex');
    expect(r.json()).toMatchObject({
      row: 2,
      fileName: '合同扫描件.pdf',
      size: content.length,
      sha256: sha,
      contentType: 'application/pdf',
      uploadedBy: { username: 'danwei' },
    });
    expect(existsSync(join(t.ctx.dataDir, 'evidence', sha.slice(0, 2), sha))).toBe(true);
    const list = (await dept.get(`/api/forms/${id}/evidence`)).json().items;
    expect(list).toHaveLength(1);
    const dl = await dept.get(`/api/evidence/${r.json().id}/content`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(content)).toBe(true);
    expect(dl.headers['content-disposition']).toContain("filename*=UTF-8''%E5%90%88%E5%90%8C");
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect((await dept.delete(`/api/evidence/${r.json().id}`)).statusCode).toBe(403);
    expect((await unit.delete(`/api/evidence/${r.json().id}`)).statusCode).toBe(204);
    expect(existsSync(join(t.ctx.dataDir, 'evidence', sha.slice(0, 2), sha))).toBe(false);
  });

  it('refuses oversize, empty, misplaced and non-multipart uploads, keeping nothing', async () => {
    const big = await upload(unit, { row: '0' }, Buffer.alloc(65 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('too-large');
    expect((await upload(unit, { row: '0' }, '')).statusCode).toBe(400);
    const row = await upload(unit, { row: '999' }, 'x');
    expect(row.statusCode).toBe(400);
    expect(row.json().error.message).toContain('指标序号 999 不存在');
    const json = await unit.post(`/api/forms/${id}/evidence`, { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect((await unit.get(`/api/forms/${id}/evidence`)).json().items).toHaveLength(0);
  });

  it('previews an upload without writing, then commits it', async () => {
    const m = multipart({}, [{ field: 'file', name: '种子.txt', content: seedText, type: 'text/plain' }]);
    const preview = await unit.request('POST', '/api/imports/preview', m.payload, m.headers);
    expect(preview.statusCode).toBe(200);
    const item = preview.json().items[0];
    expect(preview.json().fileName).toBe('种子.txt');
    expect(item.form.projectName).toBe('2021年中关村海外联络工作支持资金项目');
    expect(item.existing).toMatchObject({ formId: id });
    expect(item.suggestedOrgId).toBe('demo-zgc-bj');
    // the template family the reader recognised, by its file in templates/, with its rules profile
    expect(item.template).toMatchObject({ id: 'national-2020', profile: 'national' });
    expect(item.template.name).toContain('项目支出绩效自评表');
    expect(Array.isArray(item.warnings)).toBe(true);

    const conflict = await unit.post('/api/imports/commit', { form: item.form });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.details).toMatchObject({ formId: id });
    const skipped = await unit.post('/api/imports/commit', { form: item.form, onExisting: 'skip' });
    expect(skipped.json()).toMatchObject({ formId: id, outcome: 'skipped' });
    const revised = await unit.post('/api/imports/commit', {
      form: item.form,
      onExisting: 'new-revision',
      fileName: '种子.txt',
    });
    expect(revised.statusCode).toBe(201);
    expect(revised.json()).toMatchObject({ formId: id, outcome: 'new-revision' });
    const created = await unit.post('/api/imports/commit', { form: { ...item.form, year: 2022 } });
    expect(created.json().outcome).toBe('created');
    const revs = (await unit.get(`/api/forms/${id}/revisions`)).json().items;
    expect(revs[0].note).toBe('导入自 种子.txt');
  });

  it('answers unreadable and oversize imports with 422 / 413', async () => {
    const bad = multipart({}, [
      { field: 'file', name: 'x.txt', content: Buffer.from([0, 1, 2, 3, 255, 254]) },
    ]);
    const r = await unit.request('POST', '/api/imports/preview', bad.payload, bad.headers);
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({ code: 'format-error', message: expect.stringContaining('x.txt') });
    const kind = multipart({}, [{ field: 'file', name: 'x.exe', content: 'MZ' }]);
    expect((await unit.request('POST', '/api/imports/preview', kind.payload, kind.headers)).statusCode).toBe(
      422,
    );
    const big = multipart({}, [{ field: 'file', name: 'big.txt', content: Buffer.alloc(300 * 1024, 65) }]);
    const tooBig = await unit.request('POST', '/api/imports/preview', big.payload, big.headers);
    expect(tooBig.statusCode).toBe(413);
  });

  it('previews a web page upload: the HTML export of a stored form reads back as that form', async () => {
    const page = await dept.get(`/api/forms/${id}/export?format=html`);
    expect(page.statusCode).toBe(200);
    const stored = (await dept.get(`/api/forms/${id}`)).json().form;
    const m = multipart({}, [
      { field: 'file', name: '自评表.htm', content: page.rawPayload, type: 'text/html' },
    ]);
    const preview = await unit.request('POST', '/api/imports/preview', m.payload, m.headers);
    expect(preview.statusCode, preview.body.slice(0, 300)).toBe(200);
    expect(preview.json().items).toHaveLength(1);
    expect(preview.json().items[0].form).toEqual(stored);
  });

  it('answers an old .xls with 503 missing-component when LibreOffice is not installed', async () => {
    const saved = process.env['JIXIAO_SOFFICE'];
    process.env['JIXIAO_SOFFICE'] = join(t.ctx.dataDir, 'no-soffice-here');
    try {
      const m = multipart({}, [{ field: 'file', name: '旧表.xls', content: minimalOle('Workbook') }]);
      const r = await unit.request('POST', '/api/imports/preview', m.payload, m.headers);
      expect(r.statusCode).toBe(503);
      expect(r.json().error).toMatchObject({
        code: 'missing-component',
        message: expect.stringContaining('旧表.xls：缺少组件 LibreOffice'),
        details: { formatCode: 'missing-component' },
      });
    } finally {
      if (saved === undefined) delete process.env['JIXIAO_SOFFICE'];
      else process.env['JIXIAO_SOFFICE'] = saved;
    }
  });

  it('exports a stored form as xlsx, docx, pdf and html', async () => {
    for (const format of ['xlsx', 'docx', 'pdf', 'html'] as const) {
      const r = await dept.get(`/api/forms/${id}/export?format=${format}`);
      expect(r.statusCode, `${format}: ${r.body.slice(0, 200)}`).toBe(200);
      expect(r.headers['content-disposition']).toContain(`.${format}`);
      expect(r.rawPayload.length).toBeGreaterThan(100);
    }
    expect((await dept.get(`/api/forms/${id}/export?format=odt`)).statusCode).toBe(400);
  });
});
