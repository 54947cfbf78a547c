// Issue 12 §5: GET a form on PostgreSQL against the same GET on SQLite, both servers started in this
// run on this machine (each in its own process, autocannon in this one). Goal: PostgreSQL ≥ 50%.
//   BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50); PostgreSQL from BENCH_DATABASE_URL
//   or TEST_DATABASE_URL.
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { httpSession, spawnServer } from '../src/server/spawn-server.ts';
import { benchDatabase } from './server.bench.ts';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);

type Run = { rps: number; p99: number; bad: number };

async function getRate(dialect: 'sqlite' | 'postgres'): Promise<Run> {
  const db = await benchDatabase(dialect);
  const server = await spawnServer(db.env);
  try {
    const s = await httpSession(server.url, 'danwei', 'jixiao-demo');
    const list = (await (await s.request('GET', '/api/forms')).json()) as { items: Array<{ id: string }> };
    const url = `${server.url}/api/forms/${list.items[0]!.id}`;
    const headers = { cookie: s.cookie };
    await autocannon({ url, headers, connections: 10, duration: 2 });
    const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: SECONDS });
    return { rps: r.requests.average, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
  } finally {
    await server.stop();
    await db.cleanup();
  }
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function benchReadPath(): Promise<string[]> {
  // SQLite, PostgreSQL, SQLite again: the baseline brackets the measurement on a shared machine.
  const a = await getRate('sqlite');
  const pg = await getRate('postgres');
  const b = await getRate('sqlite');
  const base = (a.rps + b.rps) / 2;
  const bad = (r: Run) => (r.bad ? `（非 2xx/错误 ${r.bad}）` : '');
  return [
    `| GET 自评表：PostgreSQL 对 SQLite（${CONNECTIONS} 连接，同机） | ${fmt(pg.rps)} 次/秒，p99 ${pg.p99} ms${bad(pg)} | SQLite ${fmt(a.rps)}–${fmt(b.rps)} 次/秒${bad(a)}${bad(b)} | ${((pg.rps / base) * 100).toFixed(1)}% | ≥ 50% ${pg.rps / base >= 0.5 ? '✓' : '✗'} |`,
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const line of await benchReadPath()) console.log(line);
}
