import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server/start.ts';
import { configFromEnv, decideDemo, isLoopback } from '../src/services/config-env.ts';
import { DEFAULT_CONFIG } from '../src/services/context.ts';
import { migrate, migrateTo, openStore } from '../src/store/index.ts';

// Issue 13, safe defaults at start: loopback unless HOST says otherwise, demo mode only on
// loopback unless asked for, the security settings from the environment (checked), and a
// database schema this program does not know — or one that needs `jixiao migrate` — refused.

describe('server start', () => {
  let dir: string;
  let server: RunningServer | null = null;
  const saved = { ...process.env };
  afterEach(async () => {
    await server?.close();
    server = null;
    process.env = { ...saved };
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const start = (options: Parameters<typeof startServer>[0] = {}) => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
    delete process.env['HOST'];
    delete process.env['JIXIAO_DEMO'];
    delete process.env['DATABASE_URL'];
    return startServer({
      port: 0,
      dataDir: dir,
      logger: false,
      workers: false,
      webDir: '/nonexistent',
      ...options,
    });
  };
  const otherAddress = (): string | null => {
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
    return null;
  };

  it('listens on 127.0.0.1 by default and runs the demo there', async () => {
    server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.ctx.config.demoMode).toBe(true);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, demo: true });
    const login = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'danwei', password: 'jixiao-demo' }),
    });
    expect(login.status).toBe(200);
    // not reachable on the machine's other addresses
    const other = otherAddress();
    if (other) {
      const port = new URL(server.url).port;
      await expect(fetch(`http://${other}:${port}/api/health`)).rejects.toThrow();
    }
  });

  it('beyond loopback it refuses demo mode unless asked for explicitly', async () => {
    server = await start({ host: '0.0.0.0' });
    expect(server.ctx.config.demoMode).toBe(false);
    const health = (await (
      await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/health`)
    ).json()) as { demo: boolean };
    expect(health.demo).toBe(false);
    const r = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'danwei', password: 'jixiao-demo' }),
    });
    expect(r.status).toBe(401); // no demo data was seeded
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    process.env['JIXIAO_DEMO'] = '1';
    dir = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
    server = await startServer({ port: 0, host: '0.0.0.0', dataDir: dir, logger: false, workers: false });
    expect(server.ctx.config.demoMode).toBe(true);
  });

  it('decides demo mode and loopback as documented', () => {
    for (const h of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(isLoopback(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.1.2.3', 'example.org']) expect(isLoopback(h), h).toBe(false);
    expect(decideDemo(undefined, '127.0.0.1')).toBe(true);
    expect(decideDemo(undefined, '0.0.0.0')).toBe(false);
    expect(decideDemo(true, '0.0.0.0')).toBe(true);
    expect(decideDemo(false, '127.0.0.1')).toBe(false);
  });

  it('reads the security settings from the environment, within bounds', () => {
    const c = configFromEnv({
      JIXIAO_IDLE_TIMEOUT_MINUTES: '15',
      JIXIAO_SESSION_MAX_HOURS: '4',
      JIXIAO_LOGIN_MAX_FAILURES: '3',
      JIXIAO_PASSWORD_MIN_LENGTH: '12',
      JIXIAO_PASSWORD_MAX_AGE_DAYS: '0',
    });
    expect(c).toMatchObject({
      idleTimeoutMs: 15 * 60_000,
      sessionMaxAgeMs: 4 * 3600_000,
      maxLoginFailuresPerUser: 3,
      password: { minLength: 12, minClasses: 3, history: 5, maxAgeDays: 0 },
    });
    expect(configFromEnv({})).toEqual(DEFAULT_CONFIG);
    expect(() => configFromEnv({ JIXIAO_PASSWORD_MIN_LENGTH: '6' })).toThrow(
      '环境变量 JIXIAO_PASSWORD_MIN_LENGTH（密码最短长度）应为 8–64 的整数，实为“6”',
    );
    expect(() => configFromEnv({ JIXIAO_IDLE_TIMEOUT_MINUTES: 'abc' })).toThrow(
      /JIXIAO_IDLE_TIMEOUT_MINUTES/,
    );
  });

  it('refuses a schema it does not know, and one with pending migrations until `jixiao migrate`', async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-start-'));
    const store = await openStore({ dataDir: dir, migrate: false });
    await migrateTo(store, '0004-list-index');
    await sql`insert into orgs (id, parent_id, name, kind, path, depth, profile_id, created_at, updated_at)
      values ('o', null, '财政局', 'finance', '/o/', 0, null, 'x', 'x')`.execute(store.db);
    await store.close();
    const opts = { port: 0, dataDir: dir, logger: false as const, workers: false as const };
    await expect(startServer(opts)).rejects.toThrow(
      /数据库结构需要升级（待执行的迁移：0005-account-security、0006-audit-chain、0007-lifecycle、0008-job-item-claims、0009-missed-by-org、0010-dashboard-year-families）/,
    );
    await expect(startServer({ ...opts, autoMigrate: true }).then((s) => (server = s))).resolves.toBeTruthy();
    await server?.close();
    server = null;

    const again = await openStore({ dataDir: dir, migrate: false });
    await migrate(again);
    await sql`insert into kysely_migration (name, timestamp) values ('0099-newer', '2030-01-01')`.execute(
      again.db,
    );
    await again.close();
    await expect(startServer(opts)).rejects.toThrow(
      /数据库结构比本程序新（有本程序不认识的迁移 0099-newer）/,
    );
  });
});
