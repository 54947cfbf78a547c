import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, chainHash, migrate, migrateTo, transaction } from '../store/index.ts';
import { openTestStore } from '../store/testing.ts';
import { recordEvent } from './audit-trail.ts';
import { pruneAuditLog, retentionCutoff, verifyAuditChain } from './audit-verify.ts';
import { createContext } from './context.ts';
import { login } from './sessions.ts';
import { createTestContext, type TestContext, testDialects } from './testing.ts';

// Issue 13, tamper-evident log: an UPDATE, DELETE or INSERT made in the database around the
// program breaks the hash chain, and verify names the first broken link. Appends from parallel
// transactions chain in order; pruning keeps six months at least.

const dialects = await testDialects();
const who = { userId: null, username: '测试', ip: '10.0.0.9' };

describe.each(dialects)('audit log hash chain (%s)', (dialect) => {
  let t: TestContext;
  afterEach(async () => {
    await t?.cleanup();
  });

  const raw = (q: ReturnType<typeof sql>) => q.execute(t.ctx.store.db);

  const seedEvents = async (n: number) => {
    for (let i = 0; i < n; i++)
      await transaction(t.ctx.store.db, (trx) =>
        recordEvent(
          trx,
          t.ctx,
          who,
          'test.event',
          { type: 'test', id: String(i) },
          { i },
          t.clock.now.toISOString(),
        ),
      );
  };

  it('verifies an intact chain (the demo seed and sign-ins)', async () => {
    t = await createTestContext(dialect);
    await login(t.ctx, 'danwei', 'jixiao-demo', '10.0.0.1');
    await login(t.ctx, 'danwei', 'wrong', '10.0.0.1').catch(() => undefined);
    const r = await verifyAuditChain(t.ctx);
    expect(r).toMatchObject({ ok: true, firstSeq: 1, broken: null });
    expect(r.entries).toBeGreaterThan(3);
    expect(r.lastSeq).toBe(r.entries);
  });

  it('finds an UPDATE of one entry, naming it', async () => {
    t = await createTestContext(dialect);
    await seedEvents(5);
    const total = (await auditLog.head(t.ctx.store.db))!.seq;
    await raw(sql`update audit_log set after = ${'{"i":99}'} where seq = ${total - 2}`);
    const r = await verifyAuditChain(t.ctx);
    expect(r.ok).toBe(false);
    expect(r.broken).toMatchObject({ seq: total - 2 });
    expect(r.broken!.reason).toBe(`第 ${total - 2} 条的内容与其哈希不符：记录被改动`);
    expect(r.entries).toBe(total - 3);
  });

  it('finds an UPDATE that also recomputed the entry hash, at the next link', async () => {
    t = await createTestContext(dialect);
    await seedEvents(4);
    const db = t.ctx.store.db;
    const total = (await auditLog.head(db))!.seq;
    const [victim] = await auditLog.chainPage(db, total - 3, 1);
    const forged = { ...victim!, actorName: '别人' };
    await raw(
      sql`update audit_log set actor_name = ${'别人'}, hash = ${chainHash(victim!.prevHash!, forged)} where seq = ${victim!.seq}`,
    );
    const r = await verifyAuditChain(t.ctx);
    expect(r.broken?.seq).toBe(victim!.seq + 1);
    expect(r.broken?.reason).toContain(`与第 ${victim!.seq} 条不符`);
  });

  it('finds a deleted entry, a deleted tail, a head rewound and an entry written around the program', async () => {
    t = await createTestContext(dialect);
    await seedEvents(6);
    const db = t.ctx.store.db;
    const total = (await auditLog.head(db))!.seq;
    await raw(sql`delete from audit_log where seq = ${total - 3}`);
    expect((await verifyAuditChain(t.ctx)).broken).toMatchObject({
      seq: total - 3,
      reason: `第 ${total - 3} 条缺失：记录被删除`,
    });
    await t.cleanup();

    t = await createTestContext(dialect);
    await seedEvents(3);
    const n = (await auditLog.head(t.ctx.store.db))!.seq;
    await raw(sql`delete from audit_log where seq >= ${n - 1}`);
    expect((await verifyAuditChain(t.ctx)).broken?.reason).toBe(`第 ${n - 1}–${n} 条缺失：链尾记录被删除`);
    // rewinding the head to hide the deletion leaves its hash unequal to the last entry's
    await raw(sql`update audit_head set seq = ${n - 2}`);
    expect((await verifyAuditChain(t.ctx)).broken?.reason).toContain('链头');
    await t.cleanup();

    t = await createTestContext(dialect);
    await raw(
      sql`insert into audit_log (id, at, actor_id, action, entity_type, entity_id, before, after)
          values ('forged', '2024-01-01T00:00:00.000Z', null, 'user.update', 'user', 'x', null, '{}')`,
    );
    const r = await verifyAuditChain(t.ctx);
    expect(r.broken).toMatchObject({ seq: null, id: 'forged' });
    expect(r.broken?.reason).toContain('绕过程序');
  });

  it('chains appends from parallel transactions without a gap', async () => {
    t = await createTestContext(dialect, { demo: false });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        transaction(t.ctx.store.db, async (trx) => {
          await recordEvent(
            trx,
            t.ctx,
            who,
            'test.a',
            { type: 'test', id: String(i) },
            null,
            new Date().toISOString(),
          );
          await recordEvent(
            trx,
            t.ctx,
            who,
            'test.b',
            { type: 'test', id: String(i) },
            null,
            new Date().toISOString(),
          );
        }),
      ),
    );
    const r = await verifyAuditChain(t.ctx);
    expect(r).toMatchObject({ ok: true, entries: 60, lastSeq: 60 });
    // the two entries of one transaction are neighbours
    const page = await auditLog.chainPage(t.ctx.store.db, 0, 100);
    for (let k = 0; k < 60; k += 2) expect(page[k]!.entityId).toBe(page[k + 1]!.entityId);
  });

  it('keeps six months: a younger prune is refused, an older one keeps the chain verifiable', async () => {
    t = await createTestContext(dialect, { demo: false });
    await seedEvents(3);
    await expect(pruneAuditLog(t.ctx, who, new Date(Date.now() - 100 * 86_400_000))).rejects.toThrow(
      /至少保存六个月/,
    );
    const early = new Date();
    t.clock.advance(200 * 86_400_000);
    await seedEvents(2);
    expect(retentionCutoff(t.clock.now).getTime()).toBeGreaterThan(early.getTime());
    const r = await pruneAuditLog(t.ctx, who, new Date(early.getTime() + 1000));
    expect(r).toEqual({ removed: 3, throughSeq: 3 });
    const v = await verifyAuditChain(t.ctx);
    expect(v).toMatchObject({ ok: true, firstSeq: 4, lastSeq: 6, entries: 3 }); // 2 events and the prune itself
  });
});

describe.each(dialects)('migration 0006 chains an existing log (%s)', (dialect) => {
  it('entries written before the chain existed verify afterwards', async () => {
    const store = await openTestStore(dialect, { migrate: false });
    try {
      await migrateTo(store, '0005-account-security');
      for (let i = 0; i < 5; i++)
        await sql`insert into audit_log (id, at, actor_id, action, entity_type, entity_id, before, after)
          values (${`old${i}`}, ${`2024-01-0${i + 1}T00:00:00.000Z`}, null, 'form.save', 'form', 'f', null, ${`{"n":${i}}`})`.execute(
          store.db,
        );
      await migrate(store);
      const ctx = createContext(store, store.dataDir);
      expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, entries: 5, lastSeq: 5 });
      await transaction(store.db, (trx) =>
        recordEvent(trx, ctx, who, 'test.after', { type: 't', id: '1' }, null, '2024-02-01T00:00:00.000Z'),
      );
      expect(await verifyAuditChain(ctx)).toMatchObject({ ok: true, entries: 6 });
    } finally {
      await store.cleanup();
    }
  });
});
