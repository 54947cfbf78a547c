import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_FORM } from '../../services/demo-seed.ts';
import { runJobItems } from '../../services/job-runner.ts';
import { seedCopy } from '../../services/testing.ts';
import { createTestApp, multipart, type Session, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();
const seedText = readFileSync(SEED_FORM, 'utf8');

describe.each(dialects)('batch import jobs API (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    unit = await t.login('danwei');
  });
  afterAll(async () => {
    await t?.close();
  });

  const createJob = (
    files: Array<{ name: string; content: string | Uint8Array }>,
    fields: Record<string, string> = {},
  ) => {
    const m = multipart(
      fields,
      files.map((f) => ({ field: 'files', ...f })),
    );
    return unit.request('POST', '/api/jobs/imports', m.payload, m.headers);
  };

  it('stores the job, runs it and reports each file', async () => {
    const files = [
      { name: '甲.txt', content: seedCopy('批量项目甲') },
      { name: '乙.txt', content: seedCopy('批量项目乙') },
      { name: '坏.txt', content: new Uint8Array([0, 0, 0, 1, 2]) },
      { name: '种子.txt', content: seedText },
    ];
    const r = await createJob(files, { onExisting: 'skip' });
    expect(r.statusCode).toBe(202);
    const job = r.json();
    expect(job).toMatchObject({
      status: 'queued',
      total: 4,
      processed: 0,
      onExisting: 'skip',
      createdBy: { username: 'danwei' },
    });

    const events = unit.get(`/api/jobs/${job.id}/events`);
    expect(await runJobItems(t.ctx, 'test-worker')).toBe(true);
    const sse = await events;
    expect(sse.headers['content-type']).toContain('text/event-stream');
    const done = sse.body.split('\n\n').filter((b) => b.startsWith('event: done'));
    expect(done).toHaveLength(1);
    expect(JSON.parse(done[0]!.split('data: ')[1]!)).toMatchObject({
      status: 'done',
      processed: 4,
      succeeded: 3,
      failed: 1,
    });

    const items = (await unit.get(`/api/jobs/${job.id}/items`)).json().items;
    expect(items.map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'failed', 'skipped']);
    expect(items[2].error).toContain('坏.txt');
    const list = (await unit.get('/api/forms?pageSize=50')).json();
    expect(list.items.map((f: { projectName: string }) => f.projectName).sort()).toEqual(
      ['2021年中关村海外联络工作支持资金项目', '批量项目乙', '批量项目甲'].sort(),
    );
    expect(await runJobItems(t.ctx, 'test-worker')).toBe(false);
    expect((await unit.get('/api/jobs')).json().total).toBe(1);
  });

  it('resolves the unit from the form or the orgId field, and validates fields', async () => {
    const bad = await createJob([{ name: 'a.txt', content: seedCopy('x') }], { onExisting: 'replace' });
    expect(bad.statusCode).toBe(400);
    const none = await createJob([]);
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain('没有上传文件');
    const other = await createJob([{ name: 'a.txt', content: seedCopy('x') }], { orgId: 'demo-jw-bj' });
    expect(other.statusCode).toBe(404);
  });

  it('cancels a queued job; a cancelled job is not run', async () => {
    const job = (await createJob([{ name: 'c.txt', content: seedCopy('取消的项目') }])).json();
    const cancelled = await unit.post(`/api/jobs/${job.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
    expect(await runJobItems(t.ctx, 'test-worker')).toBe(false);
    expect((await unit.post(`/api/jobs/${job.id}/cancel`)).statusCode).toBe(409);
    expect((await unit.get(`/api/forms?q=${encodeURIComponent('取消的项目')}`)).json().total).toBe(0);
  });
});
