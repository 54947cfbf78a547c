import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSession, type SpawnedServer, spawnServer } from '../src/server/spawn-server.ts';
import { DEMO_PASSWORD } from '../src/services/demo-seed.ts';
import { seedCopy } from '../src/services/testing.ts';
import { lyingWorkbook } from './fixtures/lying-zip.ts';

// Issue 12 §4: the server keeps answering while it works — during a big batch job (files read in
// worker threads, a turn for requests between files) and while eight archives that lie about
// their sizes are uploaded at once (inflated streaming, stopped at the declared size). Behaviour
// only: how fast it answers is measured in the bench (npm run bench -- jobs-health).

const FILES = 400;

describe('the server answers during heavy work (sqlite)', () => {
  let server: SpawnedServer;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'jixiao-health-'));
    server = await spawnServer({ JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '', JIXIAO_JOB_THROTTLE_MS: '5' });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const health = async () => (await fetch(`${server.url}/api/health`)).status;

  it('answers /api/health while a batch job runs', async () => {
    const s = await httpSession(server.url, 'danwei', DEMO_PASSWORD);
    const body = new FormData();
    for (let i = 0; i < FILES; i++)
      body.append('files', new Blob([seedCopy(`应答测试项目${i}`)]), `h${i}.txt`);
    const created = await s.request('POST', '/api/jobs/imports', body);
    expect(created.status).toBe(202);
    const jobId = ((await created.json()) as { id: string }).id;
    const answers: Array<{ status: number; processed: number }> = [];
    let job = { status: 'queued', processed: 0 };
    for (let i = 0; i < 3000 && job.status !== 'done'; i++) {
      const status = await health();
      job = (await (await s.request('GET', `/api/jobs/${jobId}`)).json()) as typeof job;
      answers.push({ status, processed: job.processed });
    }
    expect(job.status).toBe('done');
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // answered at many points of the job, not only before it started or after it ended
    const during = new Set(
      answers.filter((a) => a.processed > 0 && a.processed < FILES).map((a) => a.processed),
    );
    expect(during.size).toBeGreaterThanOrEqual(5);
  }, 300_000);

  it('answers while eight lying archives are uploaded at once, and refuses each', async () => {
    const s = await httpSession(server.url, 'danwei', DEMO_PASSWORD);
    const bomb = lyingWorkbook(200);
    let uploading = true;
    const uploads = Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const m = new FormData();
        m.set('file', new Blob([bomb]), `谎报${i}.xlsx`);
        const r = await s.request('POST', '/api/imports/preview', m);
        return { status: r.status, body: (await r.json()) as { error: { code: string; message: string } } };
      }),
    ).finally(() => {
      uploading = false;
    });
    const answers: number[] = [];
    while (uploading) answers.push(await health());
    for (const u of await uploads) {
      expect(u.status).toBe(413);
      expect(u.body.error.message).toMatch(/超过声明的大小|压缩比异常/);
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a === 200)).toBe(true);
    expect(await health()).toBe(200);
  }, 300_000);
});
