import { createHash, randomBytes } from 'node:crypto';
import { loginAttempts, type SessionRecord, sessions, transaction, users } from '../store/index.ts';
import { permissionsOf } from './access.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, actorOf, iso } from './context.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import { ServiceError } from './service-error.ts';

// Sessions live in the database (any server process can serve any request): the cookie carries a
// random token, the table its sha256. Failed logins are counted in the database too.

const tokenId = (token: string): string => createHash('sha256').update(token).digest('hex');
const later = (ctx: AppContext, ms: number): string => new Date(ctx.now().getTime() + ms).toISOString();

export type LoginResult = { token: string; actor: Actor; expiresAt: string };

export async function login(
  ctx: AppContext,
  username: string,
  password: string,
  ip: string,
): Promise<LoginResult> {
  const { db } = ctx.store;
  const since = new Date(ctx.now().getTime() - ctx.config.loginWindowMs).toISOString();
  const failures = await loginAttempts.recentFailures(db, username, ip, since);
  if (
    failures.byUser >= ctx.config.maxLoginFailuresPerUser ||
    failures.byIp >= ctx.config.maxLoginFailuresPerIp
  ) {
    const minutes = Math.ceil(ctx.config.loginWindowMs / 60_000);
    throw new ServiceError('rate-limited', `登录失败次数过多，请 ${minutes} 分钟后再试`);
  }
  const cred = await users.getCredentials(db, username);
  let ok = false;
  if (cred) ok = await verifyPassword(password, cred.passwordHash);
  // An unknown user costs as much time as a wrong password, so names cannot be probed by timing.
  else await verifyPassword(password, await dummyHash(ctx.config.scryptCost));
  const now = iso(ctx);
  if (!cred || !ok || !cred.active) {
    await loginAttempts.insert(db, { id: ctx.newId(), username, ip, success: false }, now);
    throw new ServiceError(
      'bad-credentials',
      cred && ok && !cred.active ? '该账号已停用' : '用户名或密码错误',
    );
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = later(ctx, ctx.config.sessionTtlMs);
  await transaction(db, async (trx) => {
    await sessions.insert(trx, { id: tokenId(token), userId: cred.id, csrfToken, expiresAt }, now);
    await loginAttempts.clearFailures(trx, username);
    await loginAttempts.insert(trx, { id: ctx.newId(), username, ip, success: true }, now);
  });
  const actor = await authenticate(ctx, token);
  if (!actor) throw new ServiceError('unauthenticated', '登录失败，请重试');
  return { token, actor, expiresAt };
}

const toActor = (s: SessionRecord): Actor => actorOf(s.user, s.org, s);

/** The actor of a session cookie, or null. Slides the expiry at most once per `sessionTouchMs`. */
export async function authenticate(ctx: AppContext, token: string): Promise<Actor | null> {
  if (!token || token.length > 128) return null;
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  const s = await sessions.getActive(ctx.store.db, tokenId(token), now);
  if (!s?.user.active) return null;
  if (nowDate.getTime() - Date.parse(s.lastSeenAt) > ctx.config.sessionTouchMs) {
    await sessions.touch(ctx.store.db, s.id, now, later(ctx, ctx.config.sessionTtlMs));
  }
  return toActor(s);
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  await sessions.delete(ctx.store.db, actor.sessionId);
}

export function describeMe(actor: Actor) {
  return {
    user: { id: actor.userId, username: actor.username, displayName: actor.displayName, role: actor.role },
    org: { id: actor.orgId, name: actor.orgName, kind: actor.orgKind },
    csrfToken: actor.csrfToken,
    permissions: permissionsOf(actor),
  };
}

/** Changes the actor's password and ends their other sessions. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  current: string,
  next: string,
): Promise<void> {
  const { db } = ctx.store;
  const stored = await users.passwordHash(db, actor.userId);
  if (!stored || !(await verifyPassword(current, stored)))
    throw new ServiceError('bad-credentials', '当前密码不正确');
  const hash = await hashPassword(next, ctx.config.scryptCost);
  const now = iso(ctx);
  await transaction(db, async (trx) => {
    await users.update(trx, actor.userId, { passwordHash: hash }, now);
    await sessions.deleteForUser(trx, actor.userId, actor.sessionId);
    await recordChange(
      trx,
      ctx,
      actor,
      'user.password',
      { type: 'user', id: actor.userId },
      null,
      { password: '（已修改）' },
      now,
    );
  });
}

/** Housekeeping: expired sessions and old login attempts. */
export async function pruneSessions(ctx: AppContext): Promise<void> {
  const now = iso(ctx);
  await sessions.deleteExpired(ctx.store.db, now);
  await loginAttempts.prune(ctx.store.db, new Date(ctx.now().getTime() - 24 * 3600_000).toISOString());
}
