import type { InferResult } from 'kysely';
import type { Db } from '../open-store.ts';
import type { Page, ProjectRecord } from '../records.ts';
import { contains, num, startsWith } from '../sql-util.ts';

const selectProjects = (db: Db) =>
  db
    .selectFrom('projects as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select((eb) => [
      'p.id',
      'p.org_id',
      'o.name as org_name',
      'o.path as org_path',
      'p.name',
      'p.code',
      'p.created_at',
      'p.updated_at',
      eb
        .selectFrom('forms as f')
        .select(eb.fn.countAll().as('n'))
        .whereRef('f.project_id', '=', 'p.id')
        .as('form_count'),
    ]);

/** A row as the query above returns it (Kysely infers it from the table types). */
type Row = InferResult<ReturnType<typeof selectProjects>>[number];

const toProject = (r: Row): ProjectRecord => ({
  id: r.id,
  orgId: r.org_id,
  orgName: r.org_name,
  orgPath: r.org_path,
  name: r.name,
  code: r.code,
  formCount: num(r.form_count),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type ProjectFilter = { scopePath: string; orgPath?: string | undefined; q?: string | undefined };

export const projects = {
  async insert(
    db: Db,
    p: { id: string; orgId: string; name: string; code: string | null },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('projects')
      .values({ id: p.id, org_id: p.orgId, name: p.name, code: p.code, created_at: now, updated_at: now })
      .execute();
  },

  async get(db: Db, id: string): Promise<ProjectRecord | null> {
    const r = await selectProjects(db).where('p.id', '=', id).executeTakeFirst();
    return r ? toProject(r) : null;
  },

  async findByName(db: Db, orgId: string, name: string): Promise<{ id: string } | null> {
    const r = await db
      .selectFrom('projects')
      .select('id')
      .where('org_id', '=', orgId)
      .where('name', '=', name)
      .executeTakeFirst();
    return r ?? null;
  },

  async list(db: Db, filter: ProjectFilter, page: number, pageSize: number): Promise<Page<ProjectRecord>> {
    let q = db
      .selectFrom('projects as p')
      .innerJoin('orgs as o', 'o.id', 'p.org_id')
      .where(startsWith('o.path', filter.scopePath));
    if (filter.orgPath) q = q.where(startsWith('o.path', filter.orgPath));
    if (filter.q) q = q.where(contains('p.name', filter.q));
    const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const ids = await q
      .select('p.id')
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const rows = ids.length
      ? await selectProjects(db)
          .where(
            'p.id',
            'in',
            ids.map((r) => r.id),
          )
          .orderBy('p.name')
          .orderBy('p.id')
          .execute()
      : [];
    return { items: rows.map(toProject), total: num(total.n), page, pageSize };
  },

  async update(
    db: Db,
    id: string,
    patch: { name?: string; code?: string | null },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('projects')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.code !== undefined ? { code: patch.code } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  },
};
