import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/services/context.ts';
import { login } from '../src/services/sessions.ts';
import { openStore } from '../src/store/index.ts';

// The operations commands as an operator runs them (bin/jixiao on a real SQLite file): the first
// administrator of an empty deployment, password resets, disabling, the audit chain check finding
// an UPDATE made in the database, and migrate.

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');

describe('jixiao user / audit-log / migrate', () => {
  let dir: string;
  const run = (args: string[], input?: string) => {
    const r = spawnSync(BIN, [...args, '--data-dir', dir], {
      encoding: 'utf8',
      cwd: ROOT,
      timeout: 60_000,
      ...(input !== undefined ? { input } : {}),
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const withDb = async <T>(fn: (s: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> => {
    const store = await openStore({ dataDir: dir, migrate: false });
    try {
      return await fn(store);
    } finally {
      await store.close();
    }
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-ops-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the first administrator to an empty database, with a root org and a one-time password', async () => {
    const r = run(['user', 'add', 'chief', '--role', 'admin', '--org', '某市财政局', '--name', '系统管理员']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('已新建根机构“某市财政局”（财政部门');
    expect(r.out).toContain('已添加账号 chief（管理员，某市财政局');
    const password = /初始密码（只显示这一次[^）]*）：(\S+)/.exec(r.out)![1]!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    // the password works once, and must be changed
    const signedIn = await withDb(async (store) => {
      const ctx = createContext(store, dir, { config: { scryptCost: 16384 } });
      return login(ctx, 'chief', password, '127.0.0.1');
    });
    expect(signedIn.actor.passwordChange).toBe('initial');
  });

  it('adds users below, checks the role against the org, lists, resets, disables', () => {
    const weak = run(
      ['user', 'add', 'clerk', '--role', 'finance-reviewer', '--org', '某市财政局', '--password-stdin'],
      'abc123\n',
    );
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('错误：密码太短');
    expect(weak.err).not.toMatch(/\n\s+at /);
    const wrongKind = run(['user', 'add', 'filler', '--role', 'unit-filler', '--org', '某市财政局']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.err).toContain('单位填报人不能设在财政部门');
    const ok = run(
      ['user', 'add', 'clerk', '--role', 'finance-reviewer', '--org', '某市财政局', '--password-stdin'],
      'Ledger-pass-2024\n',
    );
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).not.toContain('初始密码（只显示');
    expect(run(['user', 'add', 'clerk', '--role', 'admin', '--org', '某市财政局']).err).toContain('已被使用');
    expect(run(['user', 'add', 'x1', '--role', 'admin', '--org', '不存在的机构']).err).toContain(
      '机构“不存在的机构”不存在',
    );

    const list = JSON.parse(run(['user', 'list', '--json']).out) as Array<Record<string, unknown>>;
    expect(list.map((u) => [u['username'], u['role'], u['mustChangePassword']])).toEqual([
      ['chief', 'admin', 'initial'],
      ['clerk', 'finance-reviewer', 'initial'],
    ]);
    const reset = run(['user', 'reset-password', 'clerk']);
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/已重置 clerk 的密码。\n初始密码/);
    expect(run(['user', 'reset-password', 'nobody']).err).toContain('用户“nobody”不存在');
    expect(run(['user', 'disable', 'clerk']).code).toBe(0);
    const table = run(['user', 'list']).out;
    expect(table).toMatch(/clerk\s+clerk\s+财政部门审核人\s+某市财政局\s+已停用/);
    expect(table).toContain('共 2 个账号');
    expect(run(['user', 'enable', 'clerk']).code).toBe(0);
  });

  it('audit-log verify passes, then names the entry an UPDATE in the database changed (exit 1)', async () => {
    const good = run(['audit-log', 'verify']);
    expect(good.code, good.err).toBe(0);
    expect(good.out).toMatch(/审计日志完整：第 1–\d+ 条/);
    const events = (JSON.parse(run(['audit-log', 'verify', '--json']).out) as { entries: number }).entries;
    // the CLI's own actions are in the log, with the operator and host
    const actions = await withDb(
      async (store) =>
        (
          await sql<{
            action: string;
            actor_name: string;
          }>`select action, actor_name from audit_log order by seq`.execute(store.db)
        ).rows,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'org.create',
        'user.create',
        'user.password-reset',
        'user.disable',
        'user.enable',
      ]),
    );
    expect(actions[0]!.actor_name).toMatch(/^命令行 \S+@\S+/);

    await withDb((store) =>
      sql`update audit_log set after = '{"role":"unit-filler"}' where seq = 2`.execute(store.db),
    );
    const bad = run(['audit-log', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('审计日志被篡改：第 2 条的内容与其哈希不符：记录被改动');
    expect(bad.err).toContain('此前 1 条校验通过');
    const json = JSON.parse(run(['audit-log', 'verify', '--json']).out);
    expect(json).toMatchObject({ ok: false, broken: { seq: 2 } });
    expect(events).toBeGreaterThan(4);
  });

  it('migrate reports the schema; every command refuses a schema newer than it knows', async () => {
    const status = run(['migrate', '--status']);
    expect(status.code).toBe(0);
    expect(status.out).toContain('没有待执行的迁移');
    expect(run(['migrate']).out).toContain('数据库结构已是最新');
    await withDb((store) =>
      sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
        store.db,
      ),
    );
    for (const args of [['migrate'], ['user', 'list'], ['backup', join(dir, 'b.zip')]]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain('9999-from-the-future');
    }
  });
});
