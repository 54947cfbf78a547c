import { createHash, randomBytes } from 'node:crypto';
import { passwordExpired } from '../core/account/password-policy.ts';
import {
  loginThrottle,
  type SessionRecord,
  sessions,
  type ThrottleState,
  transaction,
  transactionGeneration,
  users,
} from '../store/index.ts';
import { permissionsOf } from './access.ts';
import { recordEvent } from './audit-trail.ts';
import { type Actor, type AppContext, actorOf, iso } from './context.ts';
import { checkNewPassword, dummyHash, verifyPassword } from './passwords.ts';
import { ServiceError } from './service-error.ts';

// Sessions live in the database (any server process can serve any request): the cookie carries a
// random token, the table its sha256. A session ends after `idleTimeoutMs` without a request and
// `sessionMaxAgeMs` after sign-in, whichever comes first.
//
// Sign-in attempts are counted before the password is checked, by one atomic statement per key
// (login-throttle.ts): of a burst of parallel attempts only the first `maxLoginFailuresPerUser`
// are checked at all, and a right password among them still fails if more attempts than allowed
// arrived meanwhile — 39 wrong and 1 right sent at once never sign in.

const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');
/** The sign-in counter of a username (an administrator's reset clears it). */
export const userKey = (username: string): string => `u:${username}`;
const ipKey = (ip: string): string => `ip:${ip}`;
const at = (ms: number): string => new Date(ms).toISOString();

export type LoginResult = { token: string; actor: Actor; expiresAt: string };

/** When a session signed in at `createdMs` and last seen at `seenMs` ends. */
function expiryOf(ctx: AppContext, createdMs: number, seenMs: number): string {
  return at(Math.min(seenMs + ctx.config.idleTimeoutMs, createdMs + ctx.config.sessionMaxAgeMs));
}

function lockedError(ctx: AppContext, state: ThrottleState, scope: 'user' | 'ip'): ServiceError {
  const left = Date.parse(state.windowStart) + ctx.config.loginWindowMs - ctx.now().getTime();
  const minutes = Math.max(1, Math.ceil(left / 60_000));
  const who = scope === 'user' ? '该账号' : '本机地址';
  return new ServiceError('rate-limited', `登录失败次数过多，${who}已锁定，请 ${minutes} 分钟后再试`, {
    retryAfterSeconds: Math.max(60, Math.ceil(left / 1000)),
  });
}

export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  ip: string,
): Promise<LoginResult> {
  const { db } = ctx.store;
  const c = ctx.config;
  const nowMs = ctx.now().getTime();
  const now = at(nowMs);
  const expiredBefore = at(nowMs - c.loginWindowMs);
  // 1. Count the attempt, for the name and for the address, before anything is checked.
  const [byUser, byIp] = await transaction(db, async (trx) => [
    await loginThrottle.hit(trx, userKey(username), now, expiredBefore, c.maxLoginFailuresPerUser),
    await loginThrottle.hit(trx, ipKey(ip), now, expiredBefore, c.maxLoginFailuresPerIp),
  ]);
  if (byUser.attempts > c.maxLoginFailuresPerUser) throw lockedError(ctx, byUser, 'user');
  if (byIp.attempts > c.maxLoginFailuresPerIp) throw lockedError(ctx, byIp, 'ip');

  // 2. Check the password (an unknown name costs as much time as a wrong password).
  const cred = await users.getCredentials(db, username);
  let ok = false;
  if (cred) ok = await verifyPassword(password, cred.passwordHash);
  else await verifyPassword(password, await dummyHash(c.scryptCost));
  const who = { userId: cred?.id ?? null, username, ip };
  // sign-in events belong to the session history (entity 'session'), by user id or the name tried
  const entity = { type: 'session', id: cred?.id ?? username.slice(0, 64) };
  const minutes = Math.ceil(c.loginWindowMs / 60_000);

  /** Records the failure; the attempt that reached a limit records the lockout too. */
  const fail = async (reason: string, message: string, error?: ServiceError): Promise<never> => {
    const lockedNow = byUser.attempts === c.maxLoginFailuresPerUser;
    const ipLockedNow = byIp.attempts === c.maxLoginFailuresPerIp;
    await transaction(db, async (trx) => {
      await recordEvent(trx, ctx, who, 'session.login-failed', entity, { reason }, now);
      if (lockedNow)
        await recordEvent(
          trx,
          ctx,
          who,
          'session.lockout',
          entity,
          { scope: 'user', attempts: byUser.attempts, minutes },
          now,
        );
      if (ipLockedNow)
        await recordEvent(
          trx,
          ctx,
          who,
          'session.lockout',
          { type: 'ip', id: ip },
          { scope: 'ip', attempts: byIp.attempts, minutes },
          now,
        );
    });
    if (error) throw error;
    throw new ServiceError(
      'bad-credentials',
      lockedNow ? `${message}；连续失败次数已达上限，该账号锁定 ${minutes} 分钟` : message,
    );
  };
  if (!cred || !ok) return fail(cred ? 'wrong-password' : 'unknown-user', '用户名或密码错误');
  if (!cred.active) return fail('disabled', '该账号已停用');
  if (cred.demo && !c.demoMode) return fail('demo-account', '演示账号只在演示模式下可用，请使用正式账号');

  // 3. Sign in, unless more attempts than allowed came while the password was checked.
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = expiryOf(ctx, nowMs, nowMs);
  const burst = new ServiceError('rate-limited', '');
  try {
    await transaction(db, async (trx) => {
      const counted = await loginThrottle.take(trx, userKey(username));
      if (counted !== null && counted > c.maxLoginFailuresPerUser) throw burst;
      await loginThrottle.release(trx, ipKey(ip));
      await sessions.insert(trx, { id: tokenId(token), userId: cred.id, csrfToken, expiresAt }, now);
      await recordEvent(trx, ctx, who, 'session.login', entity, null, now);
    });
  } catch (e) {
    if (e !== burst) throw e;
    const state = (await loginThrottle.get(db, userKey(username))) ?? byUser;
    return fail('locked', '', lockedError(ctx, state, 'user'));
  }
  const actor = await authenticate(ctx, token, ip);
  if (!actor) throw new ServiceError('unauthenticated', '登录失败，请重试');
  return { token, actor, expiresAt };
}

// PostgreSQL: a session read in the last second is used again without a round trip (half of the
// queries of a GET; issue 12 §5). Every transaction of this process — sign-in, sign-out, password
// change, disabling a user, moving an org — drops the cache (transactionGeneration), so this
// process never answers from a row one of its own writes changed; expiry is checked against the
// clock on every use. Another server process's sign-out or disabling reaches this one within
// SESSION_CACHE_MS. SQLite reads in-process and needs no cache.
const SESSION_CACHE_MS = 1000;
const SESSION_CACHE_MAX = 10_000;
type CachedSession = { s: SessionRecord; generation: number; until: number };
const sessionCache = new WeakMap<object, Map<string, CachedSession>>();

async function activeSession(ctx: AppContext, id: string, now: string): Promise<SessionRecord | null> {
  if (ctx.store.dialect !== 'postgres') return sessions.getActive(ctx.store.db, id, now);
  let cache = sessionCache.get(ctx.store);
  if (!cache) {
    cache = new Map();
    sessionCache.set(ctx.store, cache);
  }
  const t = performance.now();
  const generation = transactionGeneration();
  const hit = cache.get(id);
  if (hit && hit.generation === generation && hit.until > t) return hit.s.expiresAt > now ? hit.s : null;
  const s = await sessions.getActive(ctx.store.db, id, now);
  if (!s) cache.delete(id);
  else {
    if (cache.size >= SESSION_CACHE_MAX) cache.clear();
    cache.set(id, { s, generation, until: t + SESSION_CACHE_MS });
  }
  return s;
}

/** Why the user must change the password before anything else, or null. */
function passwordChangeOf(ctx: AppContext, s: SessionRecord): Actor['passwordChange'] {
  if (s.account.mustChangePassword) return s.account.mustChangePassword;
  if (!s.account.demo && passwordExpired(s.account.passwordChangedAt, ctx.now(), ctx.config.password))
    return 'expired';
  return null;
}

/**
 * The actor of a session cookie, or null when there is none or it ended (idle, absolute lifetime,
 * user disabled, a demo account outside demo mode). Records activity at most once per `sessionTouchMs`.
 */
export async function authenticate(
  ctx: AppContext,
  token: string,
  ip: string | null = null,
): Promise<Actor | null> {
  if (!token || token.length > 128) return null;
  const nowMs = ctx.now().getTime();
  const now = at(nowMs);
  const s = await activeSession(ctx, tokenId(token), now);
  if (!s?.user.active) return null;
  if (s.account.demo && !ctx.config.demoMode) return null;
  if (nowMs - Date.parse(s.lastSeenAt) > ctx.config.sessionTouchMs) {
    const expiresAt = expiryOf(ctx, Date.parse(s.createdAt), nowMs);
    await sessions.touch(ctx.store.db, s.id, now, expiresAt);
    const cached = sessionCache.get(ctx.store)?.get(s.id);
    if (cached) cached.s = { ...s, lastSeenAt: now, expiresAt };
  }
  return actorOf(s.user, s.org, s, { ip, passwordChange: passwordChangeOf(ctx, s) });
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await transaction(ctx.store.db, async (trx) => {
    await sessions.delete(trx, actor.sessionId);
    await recordEvent(
      trx,
      ctx,
      actor,
      'session.logout',
      { type: 'session', id: actor.userId },
      null,
      iso(ctx),
    );
  });
}

export function describeMe(ctx: AppContext, actor: Actor) {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role },
    org: { id: actor.orgId, name: actor.orgName, kind: actor.orgKind },
    csrfToken: actor.csrfToken,
    permissions: permissionsOf(actor),
    passwordChange: actor.passwordChange,
    passwordPolicy: ctx.config.password,
  };
}

/**
 * Changes the actor's own password: the current one must be right (wrong guesses count like failed
 * sign-ins), the new one must follow the rules and differ from the recent ones. Ends the user's
 * other sessions; this one stays and is no longer held to a forced change.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const { db } = ctx.store;
  const c = ctx.config;
  const nowMs = ctx.now().getTime();
  const now = at(nowMs);
  const key = userKey(actor.username);
  const hit = await loginThrottle.hit(db, key, now, at(nowMs - c.loginWindowMs), c.maxLoginFailuresPerUser);
  if (hit.attempts > c.maxLoginFailuresPerUser) throw lockedError(ctx, hit, 'user');
  const stored = await users.passwordHash(db, actor.userId);
  if (!stored || !(await verifyPassword(current, stored))) {
    await transaction(db, (trx) =>
      recordEvent(trx, ctx, actor, 'user.password-failed', { type: 'user', id: actor.userId }, null, now),
    );
    throw new ServiceError('bad-credentials', '当前密码不正确');
  }
  await loginThrottle.take(db, key);
  const hash = await checkNewPassword(ctx, { id: actor.userId, username: actor.username }, next, stored);
  await transaction(db, async (trx) => {
    await users.setPassword(
      trx,
      { id: ctx.newId(), userId: actor.userId, passwordHash: hash, mustChange: null, keep: HISTORY_KEPT },
      now,
    );
    await sessions.deleteForUser(trx, actor.userId, actor.sessionId);
    await recordEvent(
      trx,
      ctx,
      actor,
      'user.password',
      { type: 'user', id: actor.userId },
      actor.passwordChange ? { forced: actor.passwordChange } : null,
      now,
    );
  });
}

/** Password hashes kept per user: the most a deployment may ask the history rule to check. */
export const HISTORY_KEPT = 24;

/** Housekeeping: ended sessions and login counters whose window passed. */
export async function pruneSessions(ctx: AppContext): Promise<void> {
  const nowMs = ctx.now().getTime();
  await sessions.deleteExpired(ctx.store.db, at(nowMs));
  await loginThrottle.prune(ctx.store.db, at(nowMs - ctx.config.loginWindowMs));
}
