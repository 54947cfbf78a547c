import type { Selectable } from 'kysely';
import type { Db } from '../open-store.ts';
import type { OrgRecord } from '../records.ts';
import type { OrgsTable } from '../schema.ts';
import { startsWith } from '../sql-util.ts';

const toOrg = (r: Selectable<OrgsTable>): OrgRecord => ({
  id: r.id,
  parentId: r.parent_id,
  name: r.name,
  kind: r.kind as OrgRecord['kind'],
  path: r.path,
  depth: Number(r.depth),
  profileId: r.profile_id,
  createdAt: r.created_at,
});

export const orgs = {
  async insert(db: Db, org: OrgRecord, now: string): Promise<void> {
    await db
      .insertInto('orgs')
      .values({
        id: org.id,
        parent_id: org.parentId,
        name: org.name,
        kind: org.kind,
        path: org.path,
        depth: org.depth,
        profile_id: org.profileId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  },

  async get(db: Db, id: string): Promise<OrgRecord | null> {
    const r = await db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toOrg(r) : null;
  },

  /** The node at `path` and everything below it, in tree order. */
  async listSubtree(db: Db, path: string): Promise<OrgRecord[]> {
    const rows = await db
      .selectFrom('orgs')
      .selectAll()
      .where(startsWith('path', path))
      .orderBy('depth')
      .orderBy('name')
      .execute();
    return rows.map(toOrg);
  },

  async listByIds(db: Db, ids: readonly string[]): Promise<OrgRecord[]> {
    if (ids.length === 0) return [];
    const rows = await db.selectFrom('orgs').selectAll().where('id', 'in', ids).execute();
    return rows.map(toOrg);
  },

  async count(db: Db): Promise<number> {
    const r = await db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Units (kind 'unit') named `name` inside the subtree at `scopePath`. */
  async findUnitsByName(db: Db, name: string, scopePath: string): Promise<OrgRecord[]> {
    const rows = await db
      .selectFrom('orgs')
      .selectAll()
      .where('kind', '=', 'unit')
      .where('name', '=', name)
      .where(startsWith('path', scopePath))
      .execute();
    return rows.map(toOrg);
  },

  async update(
    db: Db,
    id: string,
    patch: { name?: string; profileId?: string | null },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('orgs')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.profileId !== undefined ? { profile_id: patch.profileId } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  },
};
