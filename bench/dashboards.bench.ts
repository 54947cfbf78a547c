// Issue 4 §7: the dashboard aggregates on BENCH_FORMS synthetic forms (default 10,000; the issue's
// goal is stated at 100,000: `BENCH_FORMS=100000 npx tsx bench/dashboards.bench.ts`), timed on
// SQLite and on PostgreSQL (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set), with the bulk load.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Actor } from '../src/services/context.ts';
import { createContext } from '../src/services/context.ts';
import { getDashboard } from '../src/services/dashboards.ts';
import { listForms } from '../src/services/form-read.ts';
import { type DashboardFilter, dashboard, dropSchema, openStore, type Store } from '../src/store/index.ts';
import { bulkLoad } from './bulk-load.ts';

const FORMS = Number(process.env['BENCH_FORMS'] ?? 10_000);

/** Median wall time and median CPU time of this process (on SQLite the query runs in it). */
async function median(fn: () => Promise<unknown>, runs = 5): Promise<{ wall: number; cpu: number }> {
  await fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    walls.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpus.push((d.user + d.system) / 1000);
  }
  const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: mid(walls), cpu: mid(cpus) };
}

const actor = (orgId: string, orgPath: string, role: Actor['role']): Actor => ({
  ip: null,
  passwordChange: null,
  userId: 'syn-admin',
  username: 'syn-admin',
  displayName: '压测',
  role,
  orgId,
  orgName: '',
  orgKind: 'finance',
  orgPath,
  sessionId: '',
  csrfToken: '',
});

export async function timeDashboards(store: Store, label: string, forms = FORMS): Promise<string[]> {
  const ctx = createContext(store, tmpdir());
  const root = actor('syn-root', '/syn-root/', 'finance-reviewer');
  const all: DashboardFilter = { scopePath: '/syn-root/' };
  const year: DashboardFilter = { scopePath: '/syn-root/', year: 2022 };
  const dept: DashboardFilter = { scopePath: '/syn-root/syn-d3/' };
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['按状态与等级：数量、平均分、审核发现类别（全部）', () => dashboard.summary(store.db, all)],
    ['执行率与自评−规则分分布（全部）', () => dashboard.distributions(store.db, all)],
    ['按单位与年度（全部）', () => dashboard.byOrgYear(store.db, all)],
    ['按状态与等级（2022 年）', () => dashboard.summary(store.db, year)],
    ['按单位与年度（一个主管部门）', () => dashboard.byOrgYear(store.db, dept)],
    ['最常未达标指标（全部）', () => dashboard.mostMissed(store.db, all, 10)],
    ['最常未达标指标（2022 年）', () => dashboard.mostMissed(store.db, year, 10)],
    ['最常未达标指标（一个主管部门）', () => dashboard.mostMissed(store.db, dept, 10)],
    ['整个看板接口 GET /api/dashboard（全部）', () => getDashboard(ctx, root, {})],
    ['整个看板接口（2022 年）', () => getDashboard(ctx, root, { year: 2022 })],
    [
      '自评表列表第一页（全部，含总数）',
      () => listForms(ctx, root, { sort: 'updated-desc', page: 1, pageSize: 50 }),
    ],
    [
      '按等级与有审核发现筛选（2022 年）',
      () =>
        listForms(ctx, root, {
          year: 2022,
          grade: '良',
          hasFindings: true,
          sort: 'score-desc',
          page: 1,
          pageSize: 50,
        }),
    ],
  ];
  const rows: string[] = [];
  for (const [name, fn] of cases) {
    const { wall, cpu } = await median(fn);
    // On a shared machine the wall time includes waiting for a core; on SQLite the CPU time is the
    // query's own cost (on PostgreSQL it is spent in the server, not here).
    const cpuNote = store.dialect === 'sqlite' ? `（本进程 CPU ${cpu.toFixed(1)} ms）` : '';
    rows.push(
      `| 看板：${name}（${label}，${forms.toLocaleString('en-US')} 张表） | ${wall.toFixed(1)} ms${cpuNote} | — | — | < 200 ms ${wall < 200 ? '✓' : '✗'} |`,
    );
  }
  return rows;
}

export async function benchDashboards(print: (line: string) => void = () => undefined): Promise<string[]> {
  const rows: string[] = [];
  const push = rows.push.bind(rows);
  rows.push = (...lines: string[]) => {
    for (const l of lines) print(l);
    return push(...lines);
  };
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-dash-'));
  try {
    const sqlite = await openStore({ dataDir: dir });
    const load = await bulkLoad(sqlite, FORMS);
    await sql`analyze`.execute(sqlite.db);
    rows.push(
      `| 批量载入 ${FORMS.toLocaleString('en-US')} 张合成自评表（SQLite，含评分审核） | ${load.seconds.toFixed(0)} s | — | — | < 5 min（10 万张） ${load.seconds < 300 * (FORMS / 100_000) ? '✓' : '✗'} |`,
    );
    rows.push(...(await timeDashboards(sqlite, 'SQLite')));
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (url) {
    const schema = `bench_${Date.now().toString(36)}`;
    const pg = await openStore({ databaseUrl: url, schema });
    try {
      const load = await bulkLoad(pg, FORMS);
      rows.push(
        `| 批量载入 ${FORMS.toLocaleString('en-US')} 张合成自评表（PostgreSQL，含评分审核） | ${load.seconds.toFixed(0)} s | — | — | < 5 min（10 万张） ${load.seconds < 300 * (FORMS / 100_000) ? '✓' : '✗'} |`,
      );
      // What autovacuum does after a bulk load: statistics, and the visibility map for index-only scans.
      await sql`vacuum analyze`.execute(pg.db);
      rows.push(...(await timeDashboards(pg, 'PostgreSQL')));
    } finally {
      await pg.close();
      await dropSchema(url, schema);
    }
  } else
    rows.push('| 看板（PostgreSQL） | 未测：未设置 BENCH_DATABASE_URL / TEST_DATABASE_URL | — | — | — |');
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchDashboards((line) => console.log(line));
}
