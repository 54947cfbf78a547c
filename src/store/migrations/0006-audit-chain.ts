import { type Kysely, type Migration, sql } from 'kysely';
import { type ChainedEntry, chainHash, GENESIS_HASH } from '../audit-chain.ts';

// The audit log becomes a hash chain (audit-chain.ts): a sequence number, the previous entry's
// hash and the entry's own; who (the username as it was) and from where (the client address).
// `audit_head` holds the last sequence number and hash: appending locks that one row, so entries
// chain in commit order on PostgreSQL too (and where the chain starts once old entries are pruned). Entries already written are chained in (at, id) order.

type OldRow = {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: string | null;
  after: string | null;
  username: string | null;
};

export const auditChain: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const [name, type] of [
      ['seq', 'integer'],
      ['prev_hash', 'text'],
      ['hash', 'text'],
      ['actor_name', 'text'],
      ['ip', 'text'],
    ] as const) {
      await db.schema.alterTable('audit_log').addColumn(name, type).execute();
    }
    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      // entries up to base_seq were removed after the retention period; base_hash is the last one's hash
      .addColumn('base_seq', 'integer', (c) => c.notNull())
      .addColumn('base_hash', 'text', (c) => c.notNull())
      .execute();

    let seq = 0;
    let prev = GENESIS_HASH;
    let after: { at: string; id: string } | null = null;
    for (;;) {
      const page: OldRow[] = (
        await sql<OldRow>`
          select a.id, a.at, a.actor_id, a.action, a.entity_type, a.entity_id, a.before, a.after, u.username
          from audit_log a left join users u on u.id = a.actor_id
          ${after ? sql`where a.at > ${after.at} or (a.at = ${after.at} and a.id > ${after.id})` : sql``}
          order by a.at, a.id
          limit 1000`.execute(db)
      ).rows;
      if (page.length === 0) break;
      for (const r of page) {
        seq += 1;
        const entry: ChainedEntry = {
          seq,
          id: r.id,
          at: r.at,
          actorId: r.actor_id,
          actorName: r.username,
          ip: null,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
        };
        const hash = chainHash(prev, entry);
        await sql`update audit_log set seq = ${seq}, prev_hash = ${prev}, hash = ${hash}, actor_name = ${r.username}
          where id = ${r.id}`.execute(db);
        prev = hash;
      }
      const last = page[page.length - 1]!;
      after = { at: last.at, id: last.id };
    }
    await sql`insert into audit_head (id, seq, hash, base_seq, base_hash)
      values (1, ${seq}, ${prev}, 0, ${GENESIS_HASH})`.execute(db);
    await db.schema.createIndex('audit_log_seq').on('audit_log').column('seq').unique().execute();
  },
};
