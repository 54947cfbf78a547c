import { type InferResult, PostgresAdapter, sql } from 'kysely';
import { type ChainedEntry, chainHash } from '../audit-chain.ts';
import type { Db } from '../open-store.ts';
import type { AuditRecord, Page } from '../records.ts';
import { startsWith } from '../sql-util.ts';

export type NewAuditEntry = {
  id: string;
  actorId: string | null;
  /** the username (or `命令行:<os user>`) as it is now. */
  actorName: string | null;
  /** where from: the client address. */
  ip: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The columns every audit-log read returns (one list, so the two queries cannot drift apart). */
const AUDIT_COLUMNS = [
  'a.id',
  'a.seq',
  'a.at',
  'a.actor_name',
  'a.ip',
  'a.action',
  'a.entity_type',
  'a.entity_id',
  'a.before',
  'a.after',
  'u.id as user_id',
  'u.username',
  'u.display_name',
] as const;

const select = (db: Db) =>
  db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_id').select(AUDIT_COLUMNS);

/** A row as the query above returns it (Kysely infers it from the table types). */
type Row = InferResult<ReturnType<typeof select>>[number];

const toEntry = (r: Row): AuditRecord => ({
  id: r.id,
  seq: r.seq === null ? null : Number(r.seq),
  at: r.at,
  actor: r.user_id ? { id: r.user_id, username: r.username ?? '', displayName: r.display_name ?? '' } : null,
  actorName: r.actor_name,
  ip: r.ip,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before === null ? null : (JSON.parse(r.before) as Record<string, unknown>),
  after: r.after === null ? null : (JSON.parse(r.after) as Record<string, unknown>),
});

export type AuditFilter = {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  entityIds?: readonly string[] | undefined;
};

type Pending = { entry: NewAuditEntry; at: string };

/**
 * Entries written inside `transaction()` (store/index.ts) wait here and are chained just before the
 * commit: the chain's head row is then locked only for the last statements of a transaction, and a
 * transaction holding it never waits for another lock (no deadlock with other writers).
 */
const pending = new WeakMap<Db, Pending[]>();

export async function withAuditBuffer<T>(trx: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  const buffer: Pending[] = [];
  pending.set(trx, buffer);
  try {
    const result = await fn(trx);
    if (buffer.length > 0) await appendChained(trx, buffer);
    return result;
  } finally {
    pending.delete(trx);
  }
}

/** Appends entries to the chain (inside a transaction: the head row stays locked until it commits). */
async function appendChained(trx: Db, entries: readonly Pending[]): Promise<void> {
  const head = await trx
    .updateTable('audit_head')
    .set({ seq: sql<number>`seq + ${entries.length}` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  if (!head) throw new Error('audit_head 缺失：数据库未完成迁移');
  let seq = Number(head.seq) - entries.length;
  let prev = head.hash;
  const rows = entries.map(({ entry: e, at }) => {
    seq += 1;
    const chained: ChainedEntry = {
      seq,
      id: e.id,
      at,
      actorId: e.actorId,
      actorName: e.actorName,
      ip: e.ip,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
    };
    const hash = chainHash(prev, chained);
    const row = {
      id: chained.id,
      seq,
      at,
      actor_id: chained.actorId,
      actor_name: chained.actorName,
      ip: chained.ip,
      action: chained.action,
      entity_type: chained.entityType,
      entity_id: chained.entityId,
      before: chained.before,
      after: chained.after,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  // PostgreSQL: the entries and the head's new hash in one statement (a data-modifying WITH), one
  // round trip less while the head row — which every writer queues for — is locked. SQLite has no
  // such WITH, and no round trips to save.
  if (rows.length <= 200 && trx.getExecutor().adapter instanceof PostgresAdapter) {
    await trx
      .with('entries', (db) => db.insertInto('audit_log').values(rows))
      .updateTable('audit_head')
      .set({ hash: prev })
      .where('id', '=', 1)
      .execute();
    return;
  }
  for (let i = 0; i < rows.length; i += 200) {
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 200))
      .execute();
  }
  await trx.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
}

/** A stored entry with every chained column, for verification and backups. */
export type StoredAuditEntry = ChainedEntry & { prevHash: string | null; hash: string | null };

export const auditLog = {
  /** Appends an entry: at the end of the surrounding `transaction()`, or in a transaction of its own. */
  async insert(db: Db, e: NewAuditEntry, now: string): Promise<void> {
    const buffer = pending.get(db);
    if (buffer) {
      buffer.push({ entry: e, at: now });
      return;
    }
    if (db.isTransaction) await appendChained(db, [{ entry: e, at: now }]);
    else await db.transaction().execute((trx) => appendChained(trx, [{ entry: e, at: now }]));
  },

  /** The chain's head: last sequence number and hash, and where it starts. */
  async head(db: Db): Promise<{ seq: number; hash: string; baseSeq: number; baseHash: string } | null> {
    const r = await db
      .selectFrom('audit_head')
      .select(['seq', 'hash', 'base_seq', 'base_hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    return r
      ? { seq: Number(r.seq), hash: r.hash, baseSeq: Number(r.base_seq), baseHash: r.base_hash }
      : null;
  },

  /** Entries in chain order after `afterSeq` (verification walks the chain a page at a time). */
  async chainPage(db: Db, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      ip: r.ip,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  },

  /** Entries outside the chain (no sequence number): written around the application. */
  async unchained(db: Db): Promise<Array<{ id: string; at: string; action: string }>> {
    return db
      .selectFrom('audit_log')
      .select(['id', 'at', 'action'])
      .where('seq', 'is', null)
      .orderBy('at')
      .limit(10)
      .execute();
  },

  /** The last entry at or before `at`, by sequence (pruning keeps the chain from the next one). */
  async lastAtOrBefore(db: Db, at: string): Promise<{ seq: number; hash: string | null } | null> {
    const r = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('at', '<=', at)
      .where('seq', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? { seq: Number(r.seq), hash: r.hash } : null;
  },

  /** Removes entries up to `seq` and records where the chain now starts (inside a transaction). */
  async pruneThrough(db: Db, seq: number, hash: string): Promise<number> {
    await db.updateTable('audit_head').set({ base_seq: seq, base_hash: hash }).where('id', '=', 1).execute();
    const r = await db.deleteFrom('audit_log').where('seq', '<=', seq).executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async forEntity(db: Db, entityType: string, entityId: string): Promise<AuditRecord[]> {
    const rows = await select(db)
      .where('a.entity_type', '=', entityType)
      .where('a.entity_id', '=', entityId)
      .orderBy('a.at')
      .orderBy('a.id')
      .execute();
    return rows.map(toEntry);
  },

  /** Entries filtered; `actorScopePath` keeps to actions by users in that subtree (or by no user). */
  async list(
    db: Db,
    filter: AuditFilter & { actorScopePath: string },
    page: number,
    pageSize: number,
  ): Promise<Page<AuditRecord>> {
    let q = db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.actor_id')
      .leftJoin('orgs as o', 'o.id', 'u.org_id')
      .where((eb) => eb.or([startsWith('o.path', filter.actorScopePath), eb('a.actor_id', 'is', null)]));
    if (filter.entityType) q = q.where('a.entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('a.entity_id', '=', filter.entityId);
    if (filter.actorId) q = q.where('a.actor_id', '=', filter.actorId);
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await q
      .select(AUDIT_COLUMNS)
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: rows.map(toEntry), total: Number(total.n), page, pageSize };
  },
};
