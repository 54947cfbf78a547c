import type { Db } from '../open-store.ts';

export const loginAttempts = {
  async insert(
    db: Db,
    a: { id: string; username: string; ip: string; success: boolean },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('login_attempts')
      .values({ id: a.id, username: a.username, ip: a.ip, success: a.success ? 1 : 0, at: now })
      .execute();
  },

  /** Failed attempts since `since` for the username and for the address. */
  async recentFailures(
    db: Db,
    username: string,
    ip: string,
    since: string,
  ): Promise<{ byUser: number; byIp: number }> {
    const r = await db
      .selectFrom('login_attempts')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('username', '=', username).then(1).else(0).end()).as('by_user'),
        eb.fn.sum<number>(eb.case().when('ip', '=', ip).then(1).else(0).end()).as('by_ip'),
      ])
      .where('success', '=', 0)
      .where('at', '>', since)
      .where((eb) => eb.or([eb('username', '=', username), eb('ip', '=', ip)]))
      .executeTakeFirstOrThrow();
    return { byUser: Number(r.by_user ?? 0), byIp: Number(r.by_ip ?? 0) };
  },

  /** A success clears the username's failures (the address's stay). */
  async clearFailures(db: Db, username: string): Promise<void> {
    await db.deleteFrom('login_attempts').where('username', '=', username).where('success', '=', 0).execute();
  },

  async prune(db: Db, before: string): Promise<void> {
    await db.deleteFrom('login_attempts').where('at', '<', before).execute();
  },
};
