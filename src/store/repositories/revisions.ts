import type { InferResult } from 'kysely';
import type { Db } from '../open-store.ts';
import type { RevisionRecord } from '../records.ts';

const select = (db: Db) =>
  db
    .selectFrom('revisions as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select([
      'r.form_id',
      'r.revision',
      'r.note',
      'r.created_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
    ]);

/** A row as the query above returns it (Kysely infers it from the table types). */
type Row = InferResult<ReturnType<typeof select>>[number];

const toRevision = (r: Row): RevisionRecord => ({
  formId: r.form_id,
  revision: Number(r.revision),
  note: r.note,
  createdAt: r.created_at,
  createdBy: { id: r.user_id, username: r.username, displayName: r.display_name },
});

/** Immutable: inserted once per content save, never updated. */
export const revisions = {
  async insert(
    db: Db,
    r: { formId: string; revision: number; data: string; note: string | null; userId: string },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('revisions')
      .values({
        form_id: r.formId,
        revision: r.revision,
        data: r.data,
        note: r.note,
        created_at: now,
        created_by: r.userId,
      })
      .execute();
  },

  async list(db: Db, formId: string): Promise<RevisionRecord[]> {
    const rows = await select(db).where('r.form_id', '=', formId).orderBy('r.revision', 'desc').execute();
    return rows.map(toRevision);
  },

  async get(db: Db, formId: string, revision: number): Promise<(RevisionRecord & { data: string }) | null> {
    const r = await select(db)
      .select('r.data')
      .where('r.form_id', '=', formId)
      .where('r.revision', '=', revision)
      .executeTakeFirst();
    return r ? { ...toRevision(r), data: r.data } : null;
  },

  async count(db: Db, formId: string): Promise<number> {
    const r = await db
      .selectFrom('revisions')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('form_id', '=', formId)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
