import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from './open-store.ts';
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
