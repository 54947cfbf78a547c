// Issue 4 §7: autocannon on GET and PUT of a form against a bare Fastify hello-world route started
// in the same run (each server in its own process, autocannon in this one).
//   BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50), BENCH_DATABASE=sqlite|postgres.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import type { Form } from '../src/core/form/schema.ts';
import { httpSession, spawnServer, withSearchPath } from '../src/server/spawn-server.ts';
import { dropSchema, openStore } from '../src/store/index.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);

type Result = { rps: number; p99: number; non2xx: number; errors: number };

async function cannon(opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ connections: CONNECTIONS, duration: SECONDS, ...opts });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

function startHello(jsonBytes: number): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'hello-server.ts')], {
    cwd: ROOT,
    env: { ...process.env, JSON_BYTES: String(jsonBytes) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolveStart, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening (\S+)/.exec(out);
      if (m) resolveStart({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`hello server exited ${code}`)));
  });
}

/** A database for the benchmark server: a temp SQLite dir, or a fresh schema on BENCH_DATABASE_URL / TEST_DATABASE_URL. */
export async function benchDatabase(dialect: 'sqlite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  if (dialect === 'sqlite')
    return {
      env: { JIXIAO_DATA_DIR: dataDir, DATABASE_URL: '' },
      dataDir,
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('BENCH_DATABASE=postgres 需要 BENCH_DATABASE_URL 或 TEST_DATABASE_URL');
  const schema = `bench_${Date.now().toString(36)}`;
  const store = await openStore({ databaseUrl: url, schema });
  await store.close();
  return {
    env: { JIXIAO_DATA_DIR: dataDir, DATABASE_URL: withSearchPath(url, schema) },
    dataDir,
    schema,
    url,
    cleanup: async () => {
      await dropSchema(url, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const pct = (a: number, b: number): string => `${((a / b) * 100).toFixed(1)}%`;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

export async function benchServer(
  dialect: 'sqlite' | 'postgres' = (process.env['BENCH_DATABASE'] as 'postgres') ?? 'sqlite',
): Promise<string[]> {
  const db = await benchDatabase(dialect);
  const server = await spawnServer(db.env);
  let hello: { url: string; stop(): void } | null = null;
  try {
    const s = await httpSession(server.url, 'danwei', 'jixiao-demo');
    const list = (await (await s.request('GET', '/api/forms')).json()) as { items: Array<{ id: string }> };
    const seedId = list.items[0]!.id;
    const seed = ((await (await s.request('GET', `/api/forms/${seedId}`)).json()) as { form: Form }).form;
    const ids: string[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const r = await s.request('POST', '/api/forms', {
        form: { ...seed, projectName: `压测项目${i}` },
        orgId: 'demo-zgc-bj',
      });
      ids.push(((await r.json()) as { id: string }).id);
    }
    const bodyBytes = (await (await s.request('GET', `/api/forms/${seedId}`)).arrayBuffer()).byteLength;
    hello = await startHello(bodyBytes);
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' };

    // Warm both servers, then measure the baseline between the two jixiao runs.
    await autocannon({ url: `${hello.url}/hello`, connections: 10, duration: 2 });
    await autocannon({ url: `${server.url}/api/forms/${seedId}`, headers, connections: 10, duration: 2 });
    const helloA = await cannon({ url: `${hello.url}/hello` });
    const get = await cannon({ url: `${server.url}/api/forms/${seedId}`, headers });
    // Each request takes a form no other request is saving, with its current revision (If-Match).
    // A run's end aborts requests in flight, so each run starts from the revisions last seen, and a
    // 409 (a save that was aborted client-side but committed) teaches the current revision.
    const revs = new Map(ids.map((id) => [id, 1]));
    let n = 0;
    const putRequests = (prefer: Record<string, string>): autocannon.Request[] => {
      const free = [...revs.keys()];
      return [
        {
          method: 'PUT',
          setupRequest: (req, context) => {
            const id = free.shift() ?? ids[n % ids.length]!;
            context['id'] = id;
            n += 1;
            return {
              ...req,
              path: `/api/forms/${id}`,
              headers: { ...headers, ...prefer, 'if-match': `"${revs.get(id)}"` },
              body: JSON.stringify({ form: { ...seed, projectName: '压测项目', projectLead: `负责人${n}` } }),
            };
          },
          onResponse: (status, body, context, resHeaders) => {
            const id = context['id'] as string;
            if (status === 200) revs.set(id, Number(String(resHeaders['etag']).replace(/"/g, '')));
            if (status === 409)
              revs.set(
                id,
                (JSON.parse(body) as { error: { details: { currentRevision: number } } }).error.details
                  .currentRevision,
              );
            free.push(id);
          },
        },
      ];
    };
    await autocannon({ url: server.url, connections: 10, duration: 2, requests: putRequests({}) });
    const put = await cannon({ url: server.url, requests: putRequests({}) });
    const putMinimal = await cannon({ url: server.url, requests: putRequests({ prefer: 'return=minimal' }) });
    const staticBody = await cannon({ url: `${hello.url}/static` });
    const helloB = await cannon({ url: `${hello.url}/hello` });
    const base = (helloA.rps + helloB.rps) / 2;
    const label = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const ok = (r: Result) => (r.non2xx || r.errors ? `（非 2xx ${r.non2xx}，错误 ${r.errors}）` : '');
    return [
      `| GET 自评表（${label}，${CONNECTIONS} 连接） | ${fmt(get.rps)} 次/秒，p99 ${get.p99} ms${ok(get)} | hello-world ${fmt(base)} 次/秒 | ${pct(get.rps, base)} | ≥ 50%，p99 < 50 ms ${get.rps / base >= 0.5 && get.p99 < 50 ? '✓' : '✗'} |`,
      `| （参考）同样大小的静态 JSON（${(bodyBytes / 1024).toFixed(1)} KB，无数据库） | ${fmt(staticBody.rps)} 次/秒，p99 ${staticBody.p99} ms | hello-world ${fmt(base)} 次/秒 | ${pct(staticBody.rps, base)} | — |`,
      `| PUT 自评表（${label}，${CONNECTIONS} 连接，每连接一张表，回传整张表） | ${fmt(put.rps)} 次/秒，p99 ${put.p99} ms${ok(put)} | hello-world ${fmt(base)} 次/秒 | ${pct(put.rps, base)} | ≥ 30%，p99 < 50 ms ${put.rps / base >= 0.3 && put.p99 < 50 ? '✓' : '✗'} |`,
      `| PUT 自评表（同上，Prefer: return=minimal） | ${fmt(putMinimal.rps)} 次/秒，p99 ${putMinimal.p99} ms${ok(putMinimal)} | hello-world ${fmt(base)} 次/秒 | ${pct(putMinimal.rps, base)} | ≥ 30%，p99 < 50 ms ${putMinimal.rps / base >= 0.3 && putMinimal.p99 < 50 ? '✓' : '✗'} |`,
    ];
  } finally {
    hello?.stop();
    await server.stop();
    await db.cleanup();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const line of await benchServer()) console.log(line);
}
