import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../core/form/schema.ts';
import { commitImport, readImport } from '../../services/imports.ts';
import { runJobItems } from '../../services/job-runner.ts';
import { actorFor, createTestApp, multipart, type Session, type TestApp, testDialects } from '../testing.ts';

// Issue 13: a 10 MB line that starts with 项目名称 is read (the reader is robust) but not stored;
// a form with neither funds nor indicators is not stored; every text cell has a cap, and the error
// names the field in Chinese — through the API, the import commit and the batch import.

const dialects = await testDialects();
const HUGE = `项目名称${'某'.repeat(9996)}`;

describe.each(dialects)('what a form must be to be stored (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  let seed: { id: string; revision: number; form: Form };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    unit = await t.login('danwei');
    const id = (await unit.get('/api/forms')).json().items[0].id;
    seed = (await unit.get(`/api/forms/${id}`)).json();
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async () => (await unit.get('/api/forms')).json().total as number;

  it('refuses the 10 MB 项目名称 line at import commit, naming the field', async () => {
    const [read] = await readImport(Buffer.from(HUGE.repeat(1)), 'huge.txt');
    expect(read!.form.projectName.length).toBe(9996);
    const before = await count();
    const actor = await actorFor(t.ctx, 'danwei');
    await expect(
      commitImport(t.ctx, actor, { form: read!.form, onExisting: 'fail', orgId: 'demo-zgc-bj' }),
    ).rejects.toThrow(
      '无法保存：自评表没有内容：至少要有资金情况（年度资金总额等）或一行绩效指标，才能保存；“项目名称”（projectName）超过 200 字的上限（实为 9,996 字）',
    );
    expect(await count()).toBe(before);
  });

  it('fails the batch import item with the same message, storing nothing', async () => {
    const before = await count();
    const m = multipart({ orgId: 'demo-zgc-bj', onExisting: 'fail' }, [
      { field: 'files', name: 'huge.txt', content: `${HUGE}\n`, type: 'text/plain' },
    ]);
    const job = await unit.request('POST', '/api/jobs/imports', m.payload, m.headers);
    expect(job.statusCode).toBe(202);
    expect(await runJobItems(t.ctx, 'test-worker')).toBe(true);
    const items = (await unit.get(`/api/jobs/${job.json().id}/items`)).json().items;
    expect(items[0]).toMatchObject({ status: 'failed' });
    expect(items[0].error).toContain('“项目名称”（projectName）超过 200 字的上限');
    expect(await count()).toBe(before);
  });

  it('refuses an empty form and an over-long cell through the API, with 400 and the field', async () => {
    const empty: Form = {
      ...seed.form,
      projectName: '空表',
      indicators: [],
      funds: { total: null, fiscal: null, carryover: null, other: null },
    };
    const r = await unit.post('/api/forms', { form: empty, orgId: 'demo-zgc-bj' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('至少要有资金情况（年度资金总额等）或一行绩效指标');
    const long = structuredClone(seed.form);
    long.indicators[1]!.deviation = '偏'.repeat(2001);
    const put = await unit.put(`/api/forms/${seed.id}`, { form: long }, { 'if-match': `"${seed.revision}"` });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.message).toBe(
      '无法保存：第 2 行指标的“偏差原因分析及改进措施”（indicators[1].deviation）超过 2000 字的上限（实为 2,001 字）',
    );
    expect(put.json().error.details.issues[0].path).toBe('indicators[1].deviation');
    expect((await unit.get(`/api/forms/${seed.id}`)).json().revision).toBe(seed.revision);
    // only funds, or only indicators, is enough
    const fundsOnly = { ...seed.form, projectName: '只有资金', indicators: [] };
    expect((await unit.post('/api/forms', { form: fundsOnly, orgId: 'demo-zgc-bj' })).statusCode).toBe(201);
  });
});
