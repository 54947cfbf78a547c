import type { InferResult } from 'kysely';
import type { Db } from '../open-store.ts';
import type { EvidenceRecord } from '../records.ts';

const select = (db: Db) =>
  db
    .selectFrom('evidence as e')
    .innerJoin('users as u', 'u.id', 'e.created_by')
    .select([
      'e.id',
      'e.form_id',
      'e.row',
      'e.file_name',
      'e.content_type',
      'e.size',
      'e.sha256',
      'e.created_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
    ]);

/** A row as the query above returns it (Kysely infers it from the table types). */
type Row = InferResult<ReturnType<typeof select>>[number];

const toEvidence = (r: Row): EvidenceRecord => ({
  id: r.id,
  formId: r.form_id,
  row: r.row === null ? null : Number(r.row),
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  uploadedBy: { id: r.user_id, username: r.username, displayName: r.display_name },
  createdAt: r.created_at,
});

export const evidence = {
  async insert(
    db: Db,
    e: {
      id: string;
      formId: string;
      row: number | null;
      fileName: string;
      contentType: string;
      size: number;
      sha256: string;
      userId: string;
    },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('evidence')
      .values({
        id: e.id,
        form_id: e.formId,
        row: e.row,
        file_name: e.fileName,
        content_type: e.contentType,
        size: e.size,
        sha256: e.sha256,
        created_by: e.userId,
        created_at: now,
      })
      .execute();
  },

  async list(db: Db, formId: string): Promise<EvidenceRecord[]> {
    const rows = await select(db)
      .where('e.form_id', '=', formId)
      .orderBy('e.row')
      .orderBy('e.created_at')
      .execute();
    return rows.map(toEvidence);
  },

  async get(db: Db, id: string): Promise<EvidenceRecord | null> {
    const r = await select(db).where('e.id', '=', id).executeTakeFirst();
    return r ? toEvidence(r) : null;
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('evidence').where('id', '=', id).execute();
  },

  /** How many records still point at a stored file (content-addressed, shared between uploads). */
  async countBySha(db: Db, sha256: string): Promise<number> {
    const r = await db
      .selectFrom('evidence')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
