import type { InferResult } from 'kysely';
import type { Db } from '../open-store.ts';
import type { AuditRecord, Page } from '../records.ts';
import { startsWith } from '../sql-util.ts';

export type NewAuditEntry = {
  id: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** The columns every audit-log read returns (one list, so the two queries cannot drift apart). */
const AUDIT_COLUMNS = [
  'a.id',
  'a.at',
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
  at: r.at,
  actor: r.user_id ? { id: r.user_id, username: r.username ?? '', displayName: r.display_name ?? '' } : null,
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

export const auditLog = {
  async insert(db: Db, e: NewAuditEntry, now: string): Promise<void> {
    await db
      .insertInto('audit_log')
      .values({
        id: e.id,
        at: now,
        actor_id: e.actorId,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
      })
      .execute();
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
