import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../services/demo-seed.ts';
import { createTestContext, seedCopy, type TestContext } from '../services/testing.ts';
import { httpSession, type SpawnedServer, spawnServer, withSearchPath } from './spawn-server.ts';
import { testDialects } from './testing.ts';

// Several stateless app servers on one PostgreSQL: sessions, revisions and jobs live in the
// database, so any server answers any request.

const dialects = (await testDialects()).filter((d) => d === 'postgres');

if (dialects.length === 0)
  it.skip('two server processes on one PostgreSQL (PostgreSQL 不可用)', () => undefined);

describe.each(dialects)('two server processes on one database (%s)', () => {
  let t: TestContext;
  let a: SpawnedServer;
  let b: SpawnedServer;
  beforeAll(async () => {
    t = await createTestContext('postgres');
    const env = {
      JIXIAO_DATA_DIR: t.store.dataDir,
      DATABASE_URL: withSearchPath(t.store.databaseUrl!, t.store.schema!),
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await t?.cleanup();
  });

  it('shares sessions, refuses a stale save across servers, and runs jobs on either', async () => {
    const s = await httpSession(a.url, 'danwei', DEMO_PASSWORD);
    const onB = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
      s.request(method, path, body, headers, b.url);
    const list = (await (await onB('GET', '/api/forms')).json()) as { items: Array<{ id: string }> };
    const id = list.items[0]!.id;
    const detail = (await (await s.request('GET', `/api/forms/${id}`)).json()) as {
      form: Record<string, unknown>;
      revision: number;
    };
    const ifMatch = { 'if-match': `"${detail.revision}"` };
    const [ra, rb] = await Promise.all([
      s.request('PUT', `/api/forms/${id}`, { form: { ...detail.form, projectLead: '甲' } }, ifMatch),
      onB('PUT', `/api/forms/${id}`, { form: { ...detail.form, projectLead: '乙' } }, ifMatch),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);

    const body = new FormData();
    for (let i = 0; i < 6; i++) body.append('files', new Blob([seedCopy(`双进程项目${i}`)]), `m${i}.txt`);
    const job = (await (await s.request('POST', '/api/jobs/imports', body)).json()) as { id: string };
    const events = await onB('GET', `/api/jobs/${job.id}/events`);
    const text = await events.text();
    expect(text).toContain('event: done');
    const done = JSON.parse(text.split('event: done\ndata: ')[1]!.split('\n')[0]!) as {
      status: string;
      succeeded: number;
    };
    expect(done).toMatchObject({ status: 'done', succeeded: 6 });

    expect((await onB('DELETE', '/api/session')).status).toBe(204);
    expect((await s.request('GET', '/api/session')).status).toBe(401);
  }, 120_000);
});
