import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../core/form/schema.ts';
import { createTestApp, type Session, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('forms API (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  let seedId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    unit = await t.login('danwei');
    const list = await unit.get('/api/forms');
    seedId = list.json().items[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the seed form with its score and findings (acceptance)', async () => {
    const r = await unit.get(`/api/forms/${seedId}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers.etag).toBe('"1"');
    const detail = r.json();
    expect(detail.form.projectName).toBe('2021年中关村海外联络工作支持资金项目');
    expect(detail.selfTotal).toBe(99.35);
    expect(detail.evaluated).toBe(true);
    expect(detail.canEdit).toBe(true);
    expect(detail.allowedActions).toEqual(['submit']);
    const ev = await unit.get(`/api/forms/${seedId}/evaluation`);
    expect(ev.statusCode).toBe(200);
    const body = ev.json();
    expect(body.score.selfTotal).toBe(99.35);
    expect(body.profile.id).toBe('beijing');
    expect(body.findings.length).toBeGreaterThan(0);
    expect(body.findings[0]).toMatchObject({
      code: expect.any(String),
      family: expect.any(String),
      message: expect.any(String),
    });
    const national = await unit.get(`/api/forms/${seedId}/evaluation?profile=national`);
    expect(national.json().profile.id).toBe('national');
    const unknown = await unit.get(`/api/forms/${seedId}/evaluation?profile=nowhere`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('未知的规则配置');
  });

  it('lists with filters and pagination', async () => {
    const all = await unit.get('/api/forms?year=2021&status=draft&hasFindings=true&pageSize=10');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect((await unit.get('/api/forms?year=2020')).json().total).toBe(0);
    expect((await unit.get('/api/forms?grade=差')).json().total).toBe(0);
    expect((await unit.get(`/api/forms?q=${encodeURIComponent('海外联络')}`)).json().total).toBe(1);
    expect((await unit.get(`/api/forms?q=${encodeURIComponent('100%_')}`)).json().total).toBe(0);
    const bad = await unit.get('/api/forms?pageSize=100000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad-request');
  });

  it('saves with If-Match; a stale save gets 409 with the current revision', async () => {
    const { form, revision } = (await unit.get(`/api/forms/${seedId}`)).json() as {
      form: Form;
      revision: number;
    };
    const edited = { ...form, projectLead: '测试人' };
    const missing = await unit.put(`/api/forms/${seedId}`, { form: edited });
    expect(missing.statusCode).toBe(428);
    const ok = await unit.put(
      `/api/forms/${seedId}`,
      { form: edited, note: '改负责人' },
      { 'if-match': `"${revision}"` },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${revision + 1}"`);
    expect(ok.json().form.projectLead).toBe('测试人');
    expect(ok.json().evaluated).toBe(false);
    const minimal = await unit.put(
      `/api/forms/${seedId}`,
      { form: edited },
      { 'if-match': `"${revision + 1}"`, prefer: 'return=minimal' },
    );
    expect(minimal.statusCode).toBe(200);
    expect(minimal.headers['preference-applied']).toBe('return=minimal');
    expect(minimal.json()).toMatchObject({ id: seedId, revision: revision + 2, canEdit: true });
    expect(minimal.json().form).toBeUndefined();
    const stale = await unit.put(`/api/forms/${seedId}`, { form }, { 'if-match': `"${revision}"` });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'stale-revision',
      details: { currentRevision: revision + 2 },
    });
    const revs = (await unit.get(`/api/forms/${seedId}/revisions`)).json().items;
    expect(revs.map((r: { revision: number }) => r.revision)).toEqual([revision + 2, revision + 1, revision]);
    const old = (await unit.get(`/api/forms/${seedId}/revisions/${revision}`)).json();
    expect(old.form.projectLead).toBe(form.projectLead);
    const log = (await unit.get(`/api/forms/${seedId}/audit-log`)).json().items;
    const save = log.find((e: { action: string }) => e.action === 'form.save');
    expect(save.after).toEqual({ projectLead: '测试人' });
    expect(save.before).toEqual({ projectLead: form.projectLead });
    expect(save.actor.username).toBe('danwei');
  });

  it('rejects bad input with 400/413 and writes nothing', async () => {
    const before = (await unit.get(`/api/forms/${seedId}`)).json();
    const ifMatch = { 'if-match': `"${before.revision}"`, 'content-type': 'application/json' };
    const malformed = await unit.put(`/api/forms/${seedId}`, '{"form": {', ifMatch);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toBe('请求体不是合法的 JSON');
    const wrongType = await unit.put(
      `/api/forms/${seedId}`,
      { form: { ...before.form, year: '二〇二一' } },
      ifMatch,
    );
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain('form.year');
    const huge = await unit.put(
      `/api/forms/${seedId}`,
      { form: { ...before.form, title: 'x'.repeat(3 * 1024 * 1024) } },
      ifMatch,
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('too-large');
    const after = (await unit.get(`/api/forms/${seedId}`)).json();
    expect(after.revision).toBe(before.revision);
  });

  it('comments on the form and on a cell; rejects unknown cells', async () => {
    const c = await unit.post(`/api/forms/${seedId}/comments`, {
      body: '请补充佐证',
      field: 'indicators[3].actual',
    });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({
      field: 'indicators[3].actual',
      body: '请补充佐证',
      author: { username: 'danwei' },
    });
    const bad = await unit.post(`/api/forms/${seedId}/comments`, {
      body: 'x',
      field: 'indicators[999].actual',
    });
    expect(bad.statusCode).toBe(400);
    const list = (await unit.get(`/api/forms/${seedId}/comments`)).json().items;
    expect(list.some((x: { field: string }) => x.field === 'indicators[3].actual')).toBe(true);
  });

  it('creates a form, then refuses a duplicate; deletes a draft', async () => {
    const { form } = (await unit.get(`/api/forms/${seedId}`)).json() as { form: Form };
    const copy = { ...form, projectName: '新建测试项目', year: 2022 };
    const created = await unit.post('/api/forms', { form: copy, orgId: 'demo-zgc-bj' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      revision: 1,
      status: 'draft',
      year: 2022,
      projectName: '新建测试项目',
      profileId: 'beijing',
    });
    const dup = await unit.post('/api/forms', { form: copy, orgId: 'demo-zgc-bj' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('conflict');
    const id = created.json().id;
    expect((await unit.delete(`/api/forms/${id}`)).statusCode).toBe(204);
    expect((await unit.get(`/api/forms/${id}`)).statusCode).toBe(404);
  });
});
