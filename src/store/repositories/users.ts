import type { Db } from '../open-store.ts';
import type { UserRecord } from '../records.ts';
import { startsWith } from '../sql-util.ts';

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  org_id: string;
  org_name: string;
  active: number;
  created_at: string;
  updated_at: string;
};

export const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role as UserRecord['role'],
  orgId: r.org_id,
  orgName: r.org_name,
  active: Number(r.active) === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const selectUsers = (db: Db) =>
  db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_id',
      'o.name as org_name',
      'u.active',
      'u.created_at',
      'u.updated_at',
    ]);

export type NewUser = {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: UserRecord['role'];
  orgId: string;
};

export const users = {
  async insert(db: Db, u: NewUser, now: string): Promise<void> {
    await db
      .insertInto('users')
      .values({
        id: u.id,
        username: u.username,
        display_name: u.displayName,
        password_hash: u.passwordHash,
        role: u.role,
        org_id: u.orgId,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  },

  async get(db: Db, id: string): Promise<(UserRecord & { orgPath: string }) | null> {
    const r = await selectUsers(db).select('o.path as org_path').where('u.id', '=', id).executeTakeFirst();
    return r ? { ...toUser(r), orgPath: r.org_path } : null;
  },

  /** For login: the user and the stored hash. */
  async getCredentials(
    db: Db,
    username: string,
  ): Promise<{ id: string; passwordHash: string; active: boolean } | null> {
    const r = await db
      .selectFrom('users')
      .select(['id', 'password_hash', 'active'])
      .where('username', '=', username)
      .executeTakeFirst();
    return r ? { id: r.id, passwordHash: r.password_hash, active: Number(r.active) === 1 } : null;
  },

  async passwordHash(db: Db, id: string): Promise<string | null> {
    const r = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
    return r?.password_hash ?? null;
  },

  /** Users whose org lies in the subtree at `scopePath`. */
  async listInScope(db: Db, scopePath: string): Promise<UserRecord[]> {
    const rows = await selectUsers(db)
      .where(startsWith('o.path', scopePath))
      .orderBy('o.depth')
      .orderBy('u.username')
      .execute();
    return rows.map(toUser);
  },

  async update(
    db: Db,
    id: string,
    patch: { displayName?: string; passwordHash?: string; role?: string; orgId?: string; active?: boolean },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.orgId !== undefined ? { org_id: patch.orgId } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  },
};
