import { sql } from 'kysely';
import type { Db } from '../open-store.ts';

// Sign-in throttling, atomic on SQLite and PostgreSQL: one upsert counts an attempt and returns
// the count, so of N parallel attempts exactly the first `limit` see a count within the limit —
// there is no read-then-write gap for a burst to slip through. The attempt counts before the
// password is checked; a success takes it back.

export type ThrottleState = { attempts: number; windowStart: string };

export const loginThrottle = {
  /**
   * Counts one attempt for `key`. A window older than `expiredBefore` starts over at 1; the attempt
   * that reaches `limit` restarts the window, so a lock lasts a full window from that attempt.
   */
  async hit(db: Db, key: string, now: string, expiredBefore: string, limit: number): Promise<ThrottleState> {
    const expired = sql<boolean>`login_throttle.window_start <= ${expiredBefore}`;
    const r = await db
      .insertInto('login_throttle')
      .values({ key, attempts: 1, window_start: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql<number>`case when ${expired} then 1 else login_throttle.attempts + 1 end`,
          window_start: sql<string>`case when ${expired} then ${now} when login_throttle.attempts + 1 = ${limit} then ${now} else login_throttle.window_start end`,
        }),
      )
      .returning(['attempts', 'window_start'])
      .executeTakeFirstOrThrow();
    return { attempts: Number(r.attempts), windowStart: r.window_start };
  },

  /** Removes the key's counter, returning the count it had (null if none): a success clears it. */
  async take(db: Db, key: string): Promise<number | null> {
    const r = await db
      .deleteFrom('login_throttle')
      .where('key', '=', key)
      .returning('attempts')
      .executeTakeFirst();
    return r ? Number(r.attempts) : null;
  },

  /** Takes one attempt back (a success from a shared address does not count against it). */
  async release(db: Db, key: string): Promise<void> {
    await db
      .updateTable('login_throttle')
      .set({ attempts: sql<number>`attempts - 1` })
      .where('key', '=', key)
      .where('attempts', '>', 0)
      .execute();
  },

  async get(db: Db, key: string): Promise<ThrottleState | null> {
    const r = await db
      .selectFrom('login_throttle')
      .select(['attempts', 'window_start'])
      .where('key', '=', key)
      .executeTakeFirst();
    return r ? { attempts: Number(r.attempts), windowStart: r.window_start } : null;
  },

  /** Housekeeping: counters whose window ended. */
  async prune(db: Db, expiredBefore: string): Promise<void> {
    await db.deleteFrom('login_throttle').where('window_start', '<=', expiredBefore).execute();
  },
};
