import { afterEach, describe, expect, it } from 'vitest';
import { migrate, sql } from './open-store.ts';
import { sessions } from './repositories/sessions.ts';
import { openTestStore, type TestStore, testDialects } from './testing.ts';

const dialects = await testDialects();

describe.each(dialects)('openStore (%s)', (dialect) => {
  let store: TestStore | null = null;
  afterEach(async () => {
    await store?.cleanup();
    store = null;
  });

  it('migrates a fresh database and is idempotent', async () => {
    store = await openTestStore(dialect);
    expect(store.dialect).toBe(dialect);
    expect(await migrate(store)).toEqual([]);
    const orgs = await store.db.selectFrom('orgs').selectAll().execute();
    expect(orgs).toEqual([]);
  });

  // The dashboard's summary sums every finding family from a covering index; a family column missing
  // from one of them sends every summary back to the table rows (0009 was built without the three
  // lifecycle families — see 0010).
  it('covers every finding-family column in both dashboard indexes', async () => {
    store = await openTestStore(dialect);
    const columnsOf = async (index: string): Promise<string[]> =>
      dialect === 'postgres'
        ? (
            await sql<{ name: string }>`select a.attname as name from pg_index i
              join pg_class c on c.oid = i.indexrelid
              join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
              where c.relname = ${index}`.execute(store!.db)
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select name from pragma_index_info(${index})`.execute(store!.db)
          ).rows.map((r) => r.name);
    const formColumns =
      dialect === 'postgres'
        ? (
            await sql<{ name: string }>`select column_name as name from information_schema.columns
              where table_name = 'forms' and table_schema = current_schema()`.execute(store.db)
          ).rows.map((r) => r.name)
        : (
            await sql<{ name: string }>`select name from pragma_table_info('forms')`.execute(store.db)
          ).rows.map((r) => r.name);
    const families = formColumns.filter((c) => c.startsWith('f_')).sort();
    expect(families).toHaveLength(9);
    for (const index of ['forms_dashboard', 'forms_dashboard_year']) {
      const covered = await columnsOf(index);
      expect(
        families.filter((f) => !covered.includes(f)),
        index,
      ).toEqual([]);
    }
  });

  it('round-trips blobs, reals and ISO text', async () => {
    store = await openTestStore(dialect);
    const now = new Date(0).toISOString();
    await store.db
      .insertInto('orgs')
      .values({
        id: 'o',
        parent_id: null,
        name: '财政局',
        kind: 'finance',
        path: '/o/',
        depth: 0,
        profile_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await store.db
      .insertInto('users')
      .values({
        id: 'u',
        username: 'a',
        display_name: 'A',
        password_hash: 'x',
        role: 'admin',
        org_id: 'o',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await store.db
      .insertInto('jobs')
      .values({
        id: 'j',
        kind: 'import',
        status: 'queued',
        total: 1,
        processed: 0,
        succeeded: 0,
        failed: 0,
        org_id: null,
        on_existing: 'fail',
        error: null,
        created_by: 'u',
        created_at: now,
        updated_at: now,
        finished_at: null,
        lease_owner: null,
        lease_expires_at: null,
      })
      .execute();
    const bytes = new Uint8Array([0, 1, 2, 255]);
    await store.db
      .insertInto('job_items')
      .values({
        job_id: 'j',
        position: 0,
        file_name: 'a.txt',
        content: bytes,
        status: 'pending',
        form_id: null,
        error: null,
        warning_count: 0,
      })
      .execute();
    const item = await store.db.selectFrom('job_items').select('content').executeTakeFirstOrThrow();
    expect([...new Uint8Array(item.content)]).toEqual([0, 1, 2, 255]);
    const org = await store.db.selectFrom('orgs').select(['depth', 'created_at']).executeTakeFirstOrThrow();
    expect(org).toEqual({ depth: 0, created_at: now });
  });
});

describe.runIf(dialects.includes('postgres'))('openStore (postgres): named statements', () => {
  let store: TestStore | null = null;
  afterEach(async () => {
    await store?.cleanup();
    store = null;
  });

  it('sends the hot-path queries as named statements, parsed once per connection, and others unnamed', async () => {
    // One connection, so the catalogue read below sees the statements that connection prepared.
    store = await openTestStore('postgres', { poolSize: 1 });
    const now = new Date(0).toISOString();
    expect(await sessions.getActive(store.db, 'no-such-session', now)).toBeNull();
    expect(await sessions.getActive(store.db, 'still-none', now)).toBeNull();
    await store.db.selectFrom('orgs').select('id').where('id', 'in', ['a', 'b']).execute();
    const { rows } = await sql<{
      name: string;
      statement: string;
    }>`select name, statement from pg_prepared_statements`.execute(store.db);
    const session = rows.filter((r) => r.statement.includes('from "sessions" as "s"'));
    expect(session).toHaveLength(1);
    expect(session[0]!.name).toMatch(/^jixiao_\d+$/);
    expect(rows.some((r) => r.statement.includes('"id" in'))).toBe(false);
  });

  it('turns parallel query off on its connections unless JIXIAO_PG_PARALLEL_WORKERS says otherwise', async () => {
    const show = async () =>
      (
        await sql<{
          max_parallel_workers_per_gather: string;
        }>`show max_parallel_workers_per_gather`.execute(store!.db)
      ).rows[0]?.max_parallel_workers_per_gather;
    store = await openTestStore('postgres');
    expect(await show()).toBe('0');
    await store.cleanup();
    process.env['JIXIAO_PG_PARALLEL_WORKERS'] = '3';
    try {
      store = await openTestStore('postgres');
      expect(await show()).toBe('3');
      await store.cleanup();
      store = null;
      process.env['JIXIAO_PG_PARALLEL_WORKERS'] = 'many';
      await expect(openTestStore('postgres')).rejects.toThrow(/JIXIAO_PG_PARALLEL_WORKERS/);
    } finally {
      delete process.env['JIXIAO_PG_PARALLEL_WORKERS'];
    }
  });
});
