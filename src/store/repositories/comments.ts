import type { Db } from '../open-store.ts';
import type { CommentRecord } from '../records.ts';

export type NewComment = Omit<CommentRecord, 'author' | 'createdAt'> & { authorId: string };

export const comments = {
  async insert(db: Db, c: NewComment, now: string): Promise<void> {
    await db
      .insertInto('comments')
      .values({
        id: c.id,
        form_id: c.formId,
        revision: c.revision,
        field: c.field,
        body: c.body,
        action: c.action,
        from_status: c.fromStatus,
        to_status: c.toStatus,
        author_id: c.authorId,
        created_at: now,
      })
      .execute();
  },

  async list(db: Db, formId: string): Promise<CommentRecord[]> {
    const rows = await db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .select([
        'c.id',
        'c.form_id',
        'c.revision',
        'c.field',
        'c.body',
        'c.action',
        'c.from_status',
        'c.to_status',
        'c.created_at',
        'u.id as user_id',
        'u.username',
        'u.display_name',
      ])
      .where('c.form_id', '=', formId)
      .orderBy('c.created_at')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      formId: r.form_id,
      revision: Number(r.revision),
      field: r.field,
      body: r.body,
      action: r.action as CommentRecord['action'],
      fromStatus: r.from_status as CommentRecord['fromStatus'],
      toStatus: r.to_status as CommentRecord['toStatus'],
      author: { id: r.user_id, username: r.username, displayName: r.display_name },
      createdAt: r.created_at,
    }));
  },
};
