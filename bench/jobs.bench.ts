// Issue 12 items 1, 2, 4: batch import on every core, across worker processes, and a server that
// answers while it works. Each row beside its baseline measured in the same run:
//   jobs-pool    a folder read by the parse pool vs one thread (CLI `import DIR`)
//   jobs-workers items/s of a batch with 1, 2, 4 `jixiao worker` processes on PostgreSQL
//                (TEST_DATABASE_URL or BENCH_DATABASE_URL); 1 worker is the baseline
//   jobs-health  /api/health p99 while a 2,000-file job runs and while 8 lying archives are
//                uploaded at once, vs the idle server; the server's memory around the uploads
// BENCH_JOB_FILES (default 300) sets the batch size of jobs-workers.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportDocx } from '../src/formats/docx/export-docx.ts';
import { exportPdf } from '../src/formats/pdf/export-pdf.ts';
import { exportXlsx } from '../src/formats/xlsx/export-xlsx.ts';
import { httpSession, spawnServer, withSearchPath } from '../src/server/spawn-server.ts';
import { DEMO_PASSWORD } from '../src/services/demo-seed.ts';
import { importFiles } from '../src/services/import-files.ts';
import { createImportJob } from '../src/services/jobs.ts';
import { createParsePool } from '../src/services/parse-pool.ts';
import { actorFor, createTestContext, seedCopy } from '../src/services/testing.ts';
import { jobs } from '../src/store/index.ts';
import { profile, seedForm } from '../test/fixtures/build-form.ts';
import { lyingWorkbook } from '../test/fixtures/lying-zip.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CORES = availableParallelism();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** Forms as xlsx, docx and PDF (our exporters), each under its own project name. */
async function folder(n: number): Promise<{ dir: string; files: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-jobs-bench-'));
  const p = profile('beijing');
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const form = { ...seedForm(), projectName: `并行基准项目${i}` };
    const kind = ['xlsx', 'docx', 'pdf'][i % 3]!;
    const bytes =
      kind === 'xlsx'
        ? await exportXlsx(form, p)
        : kind === 'docx'
          ? await exportDocx(form, p)
          : await exportPdf(form, p);
    const file = join(dir, `f${String(i).padStart(3, '0')}.${kind}`);
    writeFileSync(file, bytes);
    files.push(file);
  }
  return { dir, files };
}

export async function benchPool(): Promise<string[]> {
  const { dir, files } = await folder(30);
  const pool = createParsePool();
  try {
    // Warm both sides: the readers on this thread, and every worker thread (each loads the
    // readers itself on first use; timed apart, as the start-up a long batch pays once).
    await importFiles(files.slice(0, 3));
    let t = performance.now();
    for (let k = 0; k < 3; k++) await importFiles(Array(pool.size).fill(files[k]!), undefined, pool);
    const boot = performance.now() - t;
    const runs: Array<{ single: number; pool: number }> = [];
    for (let r = 0; r < 2; r++) {
      t = performance.now();
      const one = await importFiles(files);
      const single = performance.now() - t;
      t = performance.now();
      const many = await importFiles(files, undefined, pool);
      runs.push({ single, pool: performance.now() - t });
      if (one.some((o) => !o.ok) || many.some((o) => !o.ok)) throw new Error('a bench file failed to import');
    }
    const best = (k: 'single' | 'pool') => Math.min(...runs.map((x) => x[k]));
    return [
      `| 批量导入 ${files.length} 个文件（xlsx/docx/PDF 各 1/3），解析线程池 ${pool.size} 线程，墙钟（线程启动另计 ${ms(boot)}） | ${ms(best('pool'))}（两轮 ${runs.map((x) => ms(x.pool)).join('、')}） | 单线程 ${ms(best('single'))}（${runs.map((x) => ms(x.single)).join('、')}） | ${(best('single') / best('pool')).toFixed(2)}× | 用满 ${CORES} 核 |`,
    ];
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Proc = { child: ChildProcess; exited: Promise<number | null> };

function worker(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'jixiao'), 'worker', '--once', '--threads', '1'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return { child, exited: new Promise((r) => child.once('exit', (c) => r(c))) };
}

const TICK_MS = 10; // USER_HZ = 100 on Linux

/** CPU (ms) of a process from /proc: its own and, with `children`, that of its reaped children. */
function procCpuMs(pid: number | 'self', children = false): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    // fields 14–17 of stat: utime stime cutime cstime (rest starts at field 3)
    const [ut, st, cut, cst] = [11, 12, 13, 14].map((i) => Number(rest[i]));
    return ((ut ?? 0) + (st ?? 0) + (children ? (cut ?? 0) + (cst ?? 0) : 0)) * TICK_MS;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/**
 * The PostgreSQL server's CPU (ms) when it runs on this machine: every postgres process's own time
 * plus the postmaster's reaped children (the backends of connections that have closed). null when
 * the server is not a local process.
 */
function postgresCpuMs(): number | null {
  let total = 0;
  let found = false;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let comm = '';
    try {
      comm = readFileSync(`/proc/${name}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm !== 'postgres') continue;
    found = true;
    const ppidField = readFileSync(`/proc/${name}/stat`, 'utf8');
    const ppid = Number(ppidField.slice(ppidField.lastIndexOf(')') + 2).split(' ')[1]);
    const parentIsPostgres = (() => {
      try {
        return readFileSync(`/proc/${ppid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })();
    total += procCpuMs(Number(name), !parentIsPostgres);
  }
  return found ? total : null;
}

export async function benchWorkers(): Promise<string[]> {
  const n = Number(process.env['BENCH_JOB_FILES'] ?? 300);
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!url) return ['| 多进程批量导入（PostgreSQL） | 跳过：需要 TEST_DATABASE_URL | | | |'];
  const rates: Array<{
    workers: number;
    rate: number;
    wall: number;
    workerCpu: number;
    pgCpu: number | null;
  }> = [];
  for (const count of [1, 2, 4]) {
    const t = await createTestContext('postgres');
    try {
      const actor = await actorFor(t.ctx, 'danwei');
      const files = Array.from({ length: n }, (_, i) => ({
        fileName: `f${i}.txt`,
        bytes: new TextEncoder().encode(seedCopy(`多进程基准项目${count}-${i}`)),
      }));
      const job = await createImportJob(t.ctx, actor, { onExisting: 'new-revision', files });
      const env = {
        DATABASE_URL: withSearchPath(t.store.databaseUrl!, t.store.schema!),
        JIXIAO_DATA_DIR: t.store.dataDir,
      };
      const started = performance.now();
      const cpuBefore = { workers: procCpuMs('self', true) - procCpuMs('self'), pg: postgresCpuMs() };
      const procs = Array.from({ length: count }, () => worker(env));
      // Timed from the first file finished to the last: process start-up is not batch throughput.
      let first: { at: number; processed: number } | null = null;
      let j = await jobs.get(t.ctx.store.db, job.id);
      while (j!.status !== 'done') {
        await sleep(50);
        j = await jobs.get(t.ctx.store.db, job.id);
        if (!first && j!.processed > 0) first = { at: performance.now(), processed: j!.processed };
      }
      const end = performance.now();
      await Promise.all(procs.map((p) => p.exited));
      const pgAfter = postgresCpuMs();
      rates.push({
        workers: count,
        rate: ((n - first!.processed) * 1000) / (end - first!.at),
        wall: end - started,
        // per file, start-up included: the workers are this process's only children meanwhile
        workerCpu: (procCpuMs('self', true) - procCpuMs('self') - cpuBefore.workers) / n,
        pgCpu: pgAfter !== null && cpuBefore.pg !== null ? (pgAfter - cpuBefore.pg) / n : null,
      });
    } finally {
      await t.cleanup();
    }
  }
  const base = rates[0]!.rate;
  const cpuNote = (r: (typeof rates)[number]) =>
    `；每个文件 CPU：worker ${r.workerCpu.toFixed(1)} ms${r.pgCpu !== null ? `，PostgreSQL ${r.pgCpu.toFixed(1)} ms` : ''}`;
  const rows = rates.map(
    (r) =>
      `| 批量导入 ${n} 个文本文件，${r.workers} 个 jixiao worker 进程（各 1 解析线程）同一 PostgreSQL | ${r.rate.toFixed(1)} 个/秒（首个文件之后；全程墙钟 ${(r.wall / 1000).toFixed(1)} s${cpuNote(r)}） | 1 个进程 ${base.toFixed(1)} 个/秒 | ${(r.rate / base).toFixed(2)}× | 本机 ${CORES} 核 |`,
  );
  // Workers and the database share this machine's cores, so adding workers here only divides them;
  // across machines each worker brings its own cores and only the database's cost is shared.
  const one = rates[0]!;
  if (one.pgCpu !== null && one.pgCpu > 0) {
    const here = (CORES * 1000) / (one.workerCpu + one.pgCpu);
    const perWorker = 1000 / one.workerCpu;
    const dbCeiling = (CORES * 1000) / one.pgCpu;
    rows.push(
      `| 推算：多台机器（由上表 1 个进程时每个文件的 CPU） | 本机 ${CORES} 核由 worker 与数据库分用：上限约 ${here.toFixed(0)} 个/秒；每台 ${CORES} 核 worker 机器约 ${(perWorker * CORES).toFixed(0)} 个/秒，N 台约 N × ${(perWorker * CORES).toFixed(0)} 个/秒，直到数据库（${CORES} 核）约 ${dbCeiling.toFixed(0)} 个/秒的上限 | 1 个进程实测 ${base.toFixed(1)} 个/秒 | — | — |`,
    );
  }
  return rows;
}

function procMemory(pid: number): { rssMb: number; peakMb: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Sequential health checks until `until()` says stop; latencies in ms. */
async function probeHealth(url: string, until: () => boolean, gapMs = 20): Promise<number[]> {
  const out: number[] = [];
  while (!until()) {
    const t = performance.now();
    const r = await fetch(`${url}/api/health`);
    await r.arrayBuffer();
    out.push(performance.now() - t);
    await sleep(gapMs);
  }
  return out;
}

export async function benchHealth(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-health-bench-'));
  const server = await spawnServer({ JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '' });
  const rows: string[] = [];
  try {
    const s = await httpSession(server.url, 'danwei', DEMO_PASSWORD);
    let count = 0;
    const idle = await probeHealth(server.url, () => ++count > 200, 5);

    const body = new FormData();
    body.set('onExisting', 'new-revision');
    for (let i = 0; i < 2000; i++)
      body.append('files', new Blob([seedCopy(`健康基准项目${i}`)]), `h${i}.txt`);
    const created = await s.request('POST', '/api/jobs/imports', body);
    if (created.status !== 202) throw new Error(`job upload: ${created.status}`);
    const jobId = ((await created.json()) as { id: string }).id;
    let done = false;
    let processed = 0;
    const started = performance.now();
    const watch = (async () => {
      while (!done) {
        await sleep(500);
        const j = (await (await s.request('GET', `/api/jobs/${jobId}`)).json()) as {
          status: string;
          processed: number;
        };
        processed = j.processed;
        if (j.status === 'done' || performance.now() - started > 90_000) done = true;
      }
    })();
    const during = await probeHealth(server.url, () => done);
    await watch;
    rows.push(
      `| /api/health p99，2,000 个文件的批量任务运行时（SQLite，${CORES} 解析线程；测 ${((performance.now() - started) / 1000).toFixed(0)} s，期间处理 ${processed} 个） | p99 ${ms(q(during, 0.99))}，最长 ${ms(Math.max(...during))}（${during.length} 次） | 空闲 p99 ${ms(q(idle, 0.99))} | — | p99 < 100 ms ${q(during, 0.99) < 100 ? '✓' : '✗'} |`,
    );
    // Let the job finish (or stop) before the archive test: cancel what is left.
    await s.request('POST', `/api/jobs/${jobId}/cancel`);
    await sleep(1000);

    const bomb = lyingWorkbook(300);
    const before = procMemory(server.process.pid!);
    let uploading = true;
    const uploads = Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const m = new FormData();
        m.set('file', new Blob([bomb]), `谎报${i}.xlsx`);
        const r = await s.request('POST', '/api/imports/preview', m);
        return r.status;
      }),
    ).finally(() => {
      uploading = false;
    });
    const bombs = await probeHealth(server.url, () => !uploading, 5);
    const statuses = await uploads;
    const peak = procMemory(server.process.pid!).peakMb;
    await sleep(2000);
    const after = procMemory(server.process.pid!);
    rows.push(
      `| /api/health p99，同时上传 8 个谎报大小的压缩包（${(bomb.length / 1024).toFixed(0)} KB，实为 300 MB；应答 ${[...new Set(statuses)].join('/')}） | p99 ${ms(q(bombs, 0.99))}（${bombs.length} 次）；服务进程峰值 ${before.peakMb > peak ? before.peakMb.toFixed(0) : peak.toFixed(0)} MB，之后 ${after.rssMb.toFixed(0)} MB | 空闲 p99 ${ms(q(idle, 0.99))}；上传前 ${before.rssMb.toFixed(0)} MB（峰值 ${before.peakMb.toFixed(0)} MB） | — | p99 < 100 ms ${q(bombs, 0.99) < 100 ? '✓' : '✗'} |`,
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}
