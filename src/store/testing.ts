import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DialectName } from './dialect.ts';
import { canReachPostgres, dropSchema, openStore, type Store, type StoreOptions } from './open-store.ts';

// Test databases: every store/service/API test runs on SQLite and PostgreSQL. Each test store is
// fresh: a temp SQLite file, or a random schema on the TEST_DATABASE_URL server, so parallel
// vitest workers never collide. Without a reachable PostgreSQL the postgres variant is skipped
// with a note — or, under CI=true, fails.

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];
export const ALL_DIALECTS: readonly DialectName[] = ['sqlite', 'postgres'];

let postgresState: Promise<{ ok: boolean; reason: string }> | null = null;

export function postgresStatus(): Promise<{ ok: boolean; reason: string }> {
  postgresState ??= (async () => {
    if (!TEST_DATABASE_URL) return { ok: false, reason: 'TEST_DATABASE_URL 未设置' };
    if (!(await canReachPostgres(TEST_DATABASE_URL)))
      return { ok: false, reason: `无法连接 ${redact(TEST_DATABASE_URL)}` };
    return { ok: true, reason: '' };
  })();
  return postgresState;
}

const redact = (url: string): string => url.replace(/:[^:@/]*@/, ':***@');

export type TestStore = Store & {
  dataDir: string;
  databaseUrl: string | undefined;
  schema: string | undefined;
  cleanup(): Promise<void>;
};

/** A fresh, migrated store of the dialect; `cleanup` closes it and removes its files/schema. */
export async function openTestStore(
  dialect: DialectName,
  extra: Partial<StoreOptions> = {},
): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  if (dialect === 'sqlite') {
    const store = await openStore({ dataDir, ...extra });
    return {
      ...store,
      dataDir,
      databaseUrl: undefined,
      schema: undefined,
      cleanup: async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const status = await postgresStatus();
  if (!status.ok || !TEST_DATABASE_URL) throw new Error(`PostgreSQL 不可用：${status.reason}`);
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: TEST_DATABASE_URL, schema, ...extra });
  return {
    ...store,
    dataDir,
    databaseUrl: TEST_DATABASE_URL,
    schema,
    cleanup: async () => {
      await store.close();
      await dropSchema(TEST_DATABASE_URL, schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The dialects this run tests: always sqlite; postgres when reachable. Under CI=true an
 * unreachable PostgreSQL is returned anyway so its tests fail loudly instead of being skipped.
 */
export async function testDialects(): Promise<DialectName[]> {
  const status = await postgresStatus();
  if (status.ok) return ['sqlite', 'postgres'];
  if (process.env['CI'] === 'true') return ['sqlite', 'postgres'];
  if (!noted) {
    noted = true;
    process.stderr.write(`注意：跳过 PostgreSQL 测试（${status.reason}）；设置 TEST_DATABASE_URL 以运行。\n`);
  }
  return ['sqlite'];
}
let noted = false;
