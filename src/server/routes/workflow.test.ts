import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('workflow API (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  let dept: Session;
  let finance: Session;
  let id: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    [unit, dept, finance] = [await t.login('danwei'), await t.login('zhuguan'), await t.login('caizheng')];
    id = (await unit.get('/api/forms')).json().items[0].id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const act = (s: Session, action: string, comment?: string, headers?: Record<string, string>) =>
    s.post(`/api/forms/${id}/transitions`, { action, ...(comment ? { comment } : {}) }, headers);

  it('runs draft → submitted → returned → submitted → approved → published', async () => {
    const submitted = await act(unit, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', canEdit: false, allowedActions: [] });
    expect((await dept.get(`/api/forms/${id}`)).json().allowedActions).toEqual(['return', 'approve']);

    const { form, revision } = (await unit.get(`/api/forms/${id}`)).json();
    const locked = await unit.put(`/api/forms/${id}`, { form }, { 'if-match': `"${revision}"` });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toMatchObject({
      code: 'not-editable',
      message: expect.stringContaining('已提交'),
    });

    const noComment = await act(dept, 'return');
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error.message).toContain('退回意见');
    expect((await act(dept, 'return', '请补充第 3 行的佐证材料')).json().status).toBe('returned');

    const saved = await unit.put(
      `/api/forms/${id}`,
      { form: { ...form, projectLead: '新负责人' } },
      { 'if-match': `"${revision}"` },
    );
    expect(saved.statusCode).toBe(200);
    expect((await act(unit, 'submit')).json().status).toBe('submitted');
    const publishTooEarly = await act(finance, 'publish');
    expect(publishTooEarly.statusCode).toBe(409);
    expect(publishTooEarly.json().error.code).toBe('invalid-transition');
    expect((await act(dept, 'approve')).json().status).toBe('approved');
    const deptPublish = await act(dept, 'publish');
    expect(deptPublish.statusCode).toBe(403);
    expect((await act(finance, 'publish')).json()).toMatchObject({ status: 'published', allowedActions: [] });

    const history = (await unit.get(`/api/forms/${id}/comments`))
      .json()
      .items.filter((c: { action: string | null }) => c.action);
    expect(history.map((c: { action: string; toStatus: string }) => `${c.action}→${c.toStatus}`)).toEqual([
      'submit→submitted',
      'return→returned',
      'submit→submitted',
      'approve→approved',
      'publish→published',
    ]);
    expect(history[1].body).toBe('请补充第 3 行的佐证材料');
    const log = (await unit.get(`/api/forms/${id}/audit-log`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(log).toEqual(
      expect.arrayContaining([
        'form.create',
        'form.submit',
        'form.return',
        'form.save',
        'form.approve',
        'form.publish',
      ]),
    );
  });

  it('refuses a transition on a stale revision when If-Match is given', async () => {
    const other = await unit.post('/api/forms', {
      form: { ...(await unit.get(`/api/forms/${id}`)).json().form, projectName: '流程测试二' },
      orgId: 'demo-zgc-bj',
    });
    const otherId = other.json().id;
    const r = await unit.post(
      `/api/forms/${otherId}/transitions`,
      { action: 'submit' },
      { 'if-match': '"7"' },
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'stale-revision', details: { currentRevision: 1 } });
    expect(
      (await unit.post(`/api/forms/${otherId}/transitions`, { action: 'submit' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(200);
    const bad = await unit.post(`/api/forms/${otherId}/transitions`, { action: 'archive' });
    expect(bad.statusCode).toBe(400);
  });
});
