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
  /** 'initial': the user must change the password at first sign-in; null: not (demo accounts). */
  mustChangePassword: 'initial' | null;
  demo?: boolean;
};

/** What sign-in needs about a user. */
export type Credentials = {
  id: string;
  passwordHash: string;
  active: boolean;
  demo: boolean;
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
        must_change_password: u.mustChangePassword,
        password_changed_at: now,
        demo: u.demo ? 1 : 0,
      })
      .execute();
  },

  async get(db: Db, id: string): Promise<(UserRecord & { orgPath: string }) | null> {
    const r = await selectUsers(db).select('o.path as org_path').where('u.id', '=', id).executeTakeFirst();
    return r ? { ...toUser(r), orgPath: r.org_path } : null;
  },

  /** For login: the user and the stored hash. */
  async getCredentials(db: Db, username: string): Promise<Credentials | null> {
    const r = await db
      .selectFrom('users')
      .select(['id', 'password_hash', 'active', 'demo'])
      .where('username', '=', username)
      .executeTakeFirst();
    return r
      ? {
          id: r.id,
          passwordHash: r.password_hash,
          active: Number(r.active) === 1,
          demo: Number(r.demo) === 1,
        }
      : null;
  },

  async getByUsername(db: Db, username: string): Promise<(UserRecord & { orgPath: string }) | null> {
    const r = await selectUsers(db)
      .select('o.path as org_path')
      .where('u.username', '=', username)
      .executeTakeFirst();
    return r ? { ...toUser(r), orgPath: r.org_path } : null;
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

  /** Every user with the org, for the command line (`jixiao user list`). */
  async listAll(db: Db): Promise<Array<UserRecord & { orgPath: string; mustChangePassword: string | null }>> {
    const rows = await selectUsers(db)
      .select(['o.path as org_path', 'u.must_change_password'])
      .orderBy('o.path')
      .orderBy('u.username')
      .execute();
    return rows.map((r) => ({
      ...toUser(r),
      orgPath: r.org_path,
      mustChangePassword: r.must_change_password,
    }));
  },

  /** The hashes of the user's recent passwords, newest first. */
  async passwordHistory(db: Db, userId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const rows = await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.password_hash);
  },

  /** Sets a new password: its hash, when, whether it must be changed at the next sign-in, and the history. */
  async setPassword(
    db: Db,
    p: {
      id: string;
      userId: string;
      passwordHash: string;
      mustChange: 'reset' | 'initial' | null;
      keep: number;
    },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        password_hash: p.passwordHash,
        password_changed_at: now,
        must_change_password: p.mustChange,
        updated_at: now,
      })
      .where('id', '=', p.userId)
      .execute();
    await db
      .insertInto('password_history')
      .values({ id: p.id, user_id: p.userId, password_hash: p.passwordHash, created_at: now })
      .execute();
    const old = await db
      .selectFrom('password_history')
      .select('id')
      .where('user_id', '=', p.userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .offset(p.keep)
      .limit(1000)
      .execute();
    if (old.length > 0)
      await db
        .deleteFrom('password_history')
        .where(
          'id',
          'in',
          old.map((r) => r.id),
        )
        .execute();
  },

  async update(
    db: Db,
    id: string,
    patch: { displayName?: string; role?: string; orgId?: string; active?: boolean },
    now: string,
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.orgId !== undefined ? { org_id: patch.orgId } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  },
};
