import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withSearchPath } from '../src/server/spawn-server.ts';
import { drainJobs } from '../src/services/background.ts';
import { createImportJob } from '../src/services/jobs.ts';
import {
  actorFor,
  createTestContext,
  integrityReport,
  seedCopy,
  type TestContext,
} from '../src/services/testing.ts';
import { jobs } from '../src/store/index.ts';
import { testDialects } from '../src/store/testing.ts';

// Issue 12 acceptance: a 3,000-file batch is imported exactly once while `jixiao worker`
// processes claim its items — several at once on one PostgreSQL, one killed with SIGKILL mid-way
// whose held files the others take over; on SQLite a worker process killed the same way and the
// rest run in-process by the same code. "Exactly once": every file became one form at revision 1
// (onExisting new-revision: a file imported twice would have made a revision 2). An upload holds at
// most 2,000 files (JOB_LIMITS), so the batch is two jobs of 1,500, claimed from side by side.

const FILES = 3000;
const ROOT = join(import.meta.dirname, '..');
const PREFIX = '并行导入项目';

type Worker = { child: ChildProcess; exited: Promise<number | null>; output(): string };

function startWorker(env: Record<string, string>): Promise<Worker> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'jixiao'), 'worker', '--threads', '1'], {
    cwd: ROOT,
    env: { ...process.env, JIXIAO_JOB_LEASE_MS: '2000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('工作进程已启动')) {
        clearTimeout(timer);
        resolve({ child, exited, output: () => out });
      }
    });
    child.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    exited.then((code) => reject(new Error(`worker exited with ${code}:\n${out}`)));
  });
}

const name = (i: number) => `${PREFIX}${String(i).padStart(4, '0')}`;

async function createBatch(t: TestContext): Promise<string[]> {
  const actor = await actorFor(t.ctx, 'danwei');
  const ids: string[] = [];
  for (let part = 0; part < 2; part++) {
    const files = Array.from({ length: FILES / 2 }, (_, k) => {
      const i = part * (FILES / 2) + k;
      return { fileName: `f${i}.txt`, bytes: new TextEncoder().encode(seedCopy(name(i))) };
    });
    ids.push((await createImportJob(t.ctx, actor, { onExisting: 'new-revision', files })).id);
  }
  return ids;
}

type Progress = { processed: number; done: boolean };

async function progress(t: TestContext, jobIds: readonly string[]): Promise<Progress> {
  const all = await Promise.all(jobIds.map((id) => jobs.get(t.ctx.store.db, id)));
  return {
    processed: all.reduce((n, j) => n + j!.processed, 0),
    done: all.every((j) => j!.status === 'done'),
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms: number): Promise<T> {
  const until = Date.now() + ms;
  let v = await read();
  while (!done(v) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
}

/** Items pending and leased to the worker process `pid` (owner ids are host:pid:random). */
async function heldBy(t: TestContext, pid: number): Promise<Array<{ jobId: string; position: number }>> {
  const rows = await t.ctx.store.db
    .selectFrom('job_items')
    .select(['job_id', 'position', 'lease_owner'])
    .where('status', '=', 'pending')
    .execute();
  return rows
    .filter((r) => r.lease_owner?.split(':')[1] === String(pid))
    .map((r) => ({ jobId: r.job_id, position: Number(r.position) }));
}

async function expectExactlyOnce(t: TestContext, jobIds: readonly string[]): Promise<void> {
  for (const id of jobIds)
    expect(await jobs.get(t.ctx.store.db, id)).toMatchObject({
      status: 'done',
      processed: FILES / 2,
      succeeded: FILES / 2,
      failed: 0,
    });
  const items = (await Promise.all(jobIds.map((id) => jobs.items(t.ctx.store.db, id)))).flat();
  expect(items.filter((i) => i.status !== 'done')).toEqual([]);
  const forms = (await integrityReport(t.ctx)).filter((f) => f.projectName.startsWith(PREFIX));
  expect(forms).toHaveLength(FILES);
  expect(new Set(forms.map((f) => f.projectName)).size).toBe(FILES);
  expect(forms.filter((f) => f.revision !== 1 || f.revisions !== 1)).toEqual([]);
  expect(forms.filter((f) => f.indicatorRows !== f.indicatorsInJson)).toEqual([]);
  // each item names the form its file became, and no two items the same one
  expect(new Set(items.map((i) => i.formId)).size).toBe(FILES);
}

const dialects = await testDialects();
const workers: Worker[] = [];
afterAll(() => {
  for (const w of workers) w.child.kill('SIGKILL');
});

describe.each(dialects.filter((d) => d === 'postgres'))('batch import by worker processes (%s)', () => {
  it(`imports ${FILES} files exactly once with 3 workers, one killed -9 mid-way`, async () => {
    const t = await createTestContext('postgres');
    try {
      const jobIds = await createBatch(t);
      const env = {
        DATABASE_URL: withSearchPath(t.store.databaseUrl!, t.store.schema!),
        JIXIAO_DATA_DIR: t.store.dataDir,
      };
      const started = await Promise.all([startWorker(env), startWorker(env), startWorker(env)]);
      workers.push(...started);
      const [victim, ...others] = started as [Worker, Worker, Worker];
      const pid = victim.child.pid!;
      const job = () => progress(t, jobIds);
      await waitFor(job, (j) => j.processed >= FILES / 5, 240_000);
      const held = await waitFor(
        () => heldBy(t, pid),
        (h) => h.length > 0,
        10_000,
      );
      victim.child.kill('SIGKILL');
      await victim.exited;
      const atKill = await job();
      expect(held.length).toBeGreaterThan(0);
      expect(atKill.processed).toBeLessThan(FILES);

      await waitFor(job, (j) => j.done, 300_000);
      await expectExactlyOnce(t, jobIds);
      // what the killed worker held when it died was finished by the others
      for (const h of held) {
        const items = await jobs.items(t.ctx.store.db, h.jobId);
        expect(items[h.position]!.status).toBe('done');
      }
      for (const w of others) {
        w.child.kill('SIGTERM');
        expect(await w.exited).toBe(0);
      }
    } finally {
      await t.cleanup();
    }
  }, 600_000);
});

describe('batch import on SQLite', () => {
  it(`imports ${FILES} files exactly once: a worker process killed -9, the rest in-process`, async () => {
    const t = await createTestContext('sqlite');
    try {
      const jobIds = await createBatch(t);
      const worker = await startWorker({ JIXIAO_DATA_DIR: t.store.dataDir, DATABASE_URL: '' });
      workers.push(worker);
      const job = () => progress(t, jobIds);
      await waitFor(job, (j) => j.processed >= FILES / 10, 240_000);
      const held = await waitFor(
        () => heldBy(t, worker.child.pid!),
        (h) => h.length > 0,
        10_000,
      );
      const seen = await job();
      worker.child.kill('SIGKILL');
      await worker.exited;
      expect(held.length, `${JSON.stringify(seen)}\n${worker.output()}`).toBeGreaterThan(0);
      expect((await job()).processed).toBeLessThan(FILES);

      // Its leases (2 s) have run out by this clock: the in-process runner takes its files over.
      t.clock.advance(60_000);
      await drainJobs(t.ctx, { threads: 2 });
      await expectExactlyOnce(t, jobIds);
    } finally {
      await t.cleanup();
    }
  }, 600_000);
});
