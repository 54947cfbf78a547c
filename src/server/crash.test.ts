import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../services/demo-seed.ts';
import { createTestContext, integrityReport, seedCopy, type TestContext } from '../services/testing.ts';
import { httpSession, spawnServer, withSearchPath } from './spawn-server.ts';
import { testDialects } from './testing.ts';

// kill -9 the real server during a batch import, restart it: no partial form, and the job
// resumes where it stopped (no file imported twice).

const dialects = await testDialects();
const FILES = 40;

describe.each(dialects)('crash during a batch import (%s)', (dialect) => {
  let t: TestContext;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    env = {
      JIXIAO_DATA_DIR: t.store.dataDir,
      JIXIAO_JOB_THROTTLE_MS: '25',
      JIXIAO_JOB_LEASE_MS: '1500',
      DATABASE_URL: t.store.databaseUrl ? withSearchPath(t.store.databaseUrl, t.store.schema!) : '',
    };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('leaves whole forms only and resumes the job after restart', async () => {
    const first = await spawnServer(env);
    const s = await httpSession(first.url, 'danwei', DEMO_PASSWORD);
    const body = new FormData();
    body.set('onExisting', 'new-revision');
    for (let i = 0; i < FILES; i++)
      body.append('files', new Blob([seedCopy(`崩溃测试项目${String(i).padStart(2, '0')}`)]), `f${i}.txt`);
    const created = await s.request('POST', '/api/jobs/imports', body);
    expect(created.status).toBe(202);
    const jobId = ((await created.json()) as { id: string }).id;

    let processed = 0;
    for (let i = 0; i < 400 && processed < 8; i++) {
      await new Promise((r) => setTimeout(r, 20));
      processed = ((await (await s.request('GET', `/api/jobs/${jobId}`)).json()) as { processed: number })
        .processed;
    }
    await first.kill();
    expect(processed).toBeGreaterThanOrEqual(8);

    const atCrash = await integrityReport(t.ctx);
    const imported = atCrash.filter((f) => f.projectName.startsWith('崩溃测试项目'));
    expect(imported.length).toBeGreaterThanOrEqual(8);
    expect(imported.length).toBeLessThan(FILES);
    for (const f of atCrash) {
      expect(f.indicatorRows, f.projectName).toBe(f.indicatorsInJson);
      expect(f.revisions, f.projectName).toBe(f.revision);
    }

    const second = await spawnServer(env);
    try {
      const s2 = await httpSession(second.url, 'danwei', DEMO_PASSWORD);
      let job = { status: '', processed: 0, succeeded: 0, failed: 0 };
      for (let i = 0; i < 600 && job.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = (await (await s2.request('GET', `/api/jobs/${jobId}`)).json()) as typeof job;
      }
      expect(job).toMatchObject({ status: 'done', processed: FILES, succeeded: FILES, failed: 0 });
      const after = (await integrityReport(t.ctx)).filter((f) => f.projectName.startsWith('崩溃测试项目'));
      expect(after).toHaveLength(FILES);
      expect(new Set(after.map((f) => f.projectName)).size).toBe(FILES);
      // Imported once each: a file run twice would have made a second revision.
      expect(
        after.every((f) => f.revision === 1 && f.revisions === 1 && f.indicatorRows === f.indicatorsInJson),
      ).toBe(true);
      const ids = new Set(imported.map((f) => f.id));
      expect(after.filter((f) => ids.has(f.id))).toHaveLength(imported.length);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
