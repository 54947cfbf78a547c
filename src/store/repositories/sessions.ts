import type { Db } from '../open-store.ts';
import { prepared } from '../prepared.ts';
import type { SessionRecord } from '../records.ts';
import { toUser } from './users.ts';

const activeSession = prepared((db: Db, id: string, now: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      's.id as session_id',
      's.csrf_token',
      's.created_at as session_created_at',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_id',
      'u.active',
      'u.created_at',
      'u.updated_at',
      'u.must_change_password',
      'u.password_changed_at',
      'u.demo',
      'o.name as org_name',
      'o.kind as org_kind',
      'o.path as org_path',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now),
);

export const sessions = {
  async insert(
    db: Db,
    s: { id: string; userId: string; csrfToken: string; expiresAt: string },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('sessions')
      .values({
        id: s.id,
        user_id: s.userId,
        csrf_token: s.csrfToken,
        created_at: now,
        expires_at: s.expiresAt,
        last_seen_at: now,
      })
      .execute();
  },

  /** The session with its user and org, if it exists and has not expired. One query per request. */
  async getActive(db: Db, id: string, now: string): Promise<SessionRecord | null> {
    const [r] = (await activeSession(db, id, now)).rows;
    if (!r) return null;
    return {
      id: r.session_id,
      csrfToken: r.csrf_token,
      createdAt: r.session_created_at,
      expiresAt: r.expires_at,
      lastSeenAt: r.last_seen_at,
      user: toUser(r),
      account: {
        mustChangePassword: r.must_change_password as SessionRecord['account']['mustChangePassword'],
        passwordChangedAt: r.password_changed_at,
        demo: Number(r.demo) === 1,
      },
      org: {
        id: r.org_id,
        name: r.org_name,
        kind: r.org_kind as SessionRecord['org']['kind'],
        path: r.org_path,
      },
    };
  },

  /** Records activity: the last-seen time and the new expiry (idle timeout, capped by the absolute one). */
  async touch(db: Db, id: string, now: string, expiresAt: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id', '=', id)
      .execute();
  },

  async delete(db: Db, id: string): Promise<void> {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  async deleteForUser(db: Db, userId: string, exceptId?: string): Promise<void> {
    let q = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '<>', exceptId);
    await q.execute();
  },

  async deleteExpired(db: Db, now: string): Promise<number> {
    const r = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(r.numDeletedRows);
  },
};
