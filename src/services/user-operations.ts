import {
  isUniqueViolation,
  loginThrottle,
  type OrgRecord,
  orgs,
  sessions,
  transaction,
  type UserRecord,
  users,
} from '../store/index.ts';
import { ROLE_ORG_KINDS } from './access.ts';
import { type AuditWho, recordChange, recordEvent } from './audit-trail.ts';
import { type AppContext, iso } from './context.ts';
import { checkNewPassword, generatePassword } from './passwords.ts';
import { ROLE_LABELS } from './role-names.ts';
import { ServiceError } from './service-error.ts';
import { HISTORY_KEPT, userKey } from './sessions.ts';

// Accounts from the command line (`jixiao user add | reset-password | disable | enable | list`), for
// the operator who runs the server: the first administrator of a new deployment, a reset when the
// only administrator is locked out. The same rules as the web's user admin (password policy,
// role fits the org kind, forced change of initial and reset passwords), logged as `命令行`.

export { ROLE_LABELS, ROLE_NAMES } from './role-names.ts';

const KIND_LABELS = { finance: '财政部门', department: '主管部门', unit: '实施单位' } as const;

export type CliUser = UserRecord & { orgPath: string; mustChangePassword: string | null };

async function findUser(ctx: AppContext, username: string) {
  const u = await users.getByUsername(ctx.store.db, username);
  if (!u) throw new ServiceError('not-found', `用户“${username}”不存在`);
  return u;
}

/** The org named by id or exact name; with no org at all, a new root 财政部门 of that name. */
async function resolveOrg(
  ctx: AppContext,
  who: AuditWho,
  org: string,
  now: string,
): Promise<{ org: OrgRecord; created: boolean }> {
  const { db } = ctx.store;
  const byId = await orgs.get(db, org);
  if (byId) return { org: byId, created: false };
  const all = await orgs.listSubtree(db, '/');
  const named = all.filter((o) => o.name === org);
  if (named.length === 1) return { org: named[0]!, created: false };
  if (named.length > 1)
    throw new ServiceError(
      'conflict',
      `有 ${named.length} 个名为“${org}”的机构，请改用机构 id：${named.map((o) => o.id).join('、')}`,
    );
  if (all.length > 0) throw new ServiceError('not-found', `机构“${org}”不存在（可用机构 id 或全名）`);
  if (org.trim().length === 0 || org.length > 100)
    throw new ServiceError('bad-request', '机构名称应为 1–100 字');
  const id = ctx.newId();
  const root: OrgRecord = {
    id,
    parentId: null,
    name: org.trim(),
    kind: 'finance',
    path: `/${id}/`,
    depth: 0,
    profileId: null,
    createdAt: now,
  };
  await transaction(db, async (trx) => {
    await orgs.insert(trx, root, now);
    await recordChange(
      trx,
      ctx,
      who,
      'org.create',
      { type: 'org', id },
      null,
      { name: root.name, kind: 'finance' },
      now,
    );
  });
  return { org: root, created: true };
}

export async function addUserFromCli(
  ctx: AppContext,
  who: AuditWho,
  req: {
    username: string;
    displayName?: string | undefined;
    role: UserRecord['role'];
    org: string;
    password?: string | undefined;
  },
): Promise<{ user: CliUser; password: string; generated: boolean; createdOrg: OrgRecord | null }> {
  if (!/^[A-Za-z0-9_.@-]{2,64}$/.test(req.username))
    throw new ServiceError('bad-request', '用户名应为 2–64 位，只能包含字母、数字和 _ . @ -');
  if (!ROLE_LABELS[req.role]) throw new ServiceError('bad-request', `未知的角色：${req.role}`);
  const now = iso(ctx);
  const existing = await users.getByUsername(ctx.store.db, req.username);
  if (existing) throw new ServiceError('conflict', `用户名“${req.username}”已被使用`);
  const generated = req.password === undefined;
  const password = req.password ?? generatePassword(Math.max(16, ctx.config.password.minLength));
  const passwordHash = await checkNewPassword(ctx, { id: null, username: req.username }, password, null);
  const { org, created } = await resolveOrg(ctx, who, req.org, now);
  if (!ROLE_ORG_KINDS[req.role].includes(org.kind))
    throw new ServiceError(
      'bad-request',
      `${ROLE_LABELS[req.role]}不能设在${KIND_LABELS[org.kind]}（${org.name}）`,
    );
  const id = ctx.newId();
  const displayName = (req.displayName ?? req.username).trim().slice(0, 100) || req.username;
  try {
    await transaction(ctx.store.db, async (trx) => {
      await users.insert(
        trx,
        {
          id,
          username: req.username,
          displayName,
          passwordHash,
          role: req.role,
          orgId: org.id,
          mustChangePassword: 'initial',
        },
        now,
      );
      await users.setPassword(
        trx,
        { id: ctx.newId(), userId: id, passwordHash, mustChange: 'initial', keep: HISTORY_KEPT },
        now,
      );
      await recordChange(
        trx,
        ctx,
        who,
        'user.create',
        { type: 'user', id },
        null,
        { username: req.username, displayName, role: req.role, orgId: org.id },
        now,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', `用户名“${req.username}”已被使用`);
    throw e;
  }
  return { user: await getCliUser(ctx, req.username), password, generated, createdOrg: created ? org : null };
}

/** A new password that must be changed at the next sign-in; ends the user's sessions and lifts a lockout. */
export async function resetPasswordFromCli(
  ctx: AppContext,
  who: AuditWho,
  username: string,
  password?: string,
): Promise<{ password: string; generated: boolean }> {
  const u = await findUser(ctx, username);
  const generated = password === undefined;
  const next = password ?? generatePassword(Math.max(16, ctx.config.password.minLength));
  const hash = await checkNewPassword(ctx, u, next, await users.passwordHash(ctx.store.db, u.id));
  const now = iso(ctx);
  await transaction(ctx.store.db, async (trx) => {
    await users.setPassword(
      trx,
      { id: ctx.newId(), userId: u.id, passwordHash: hash, mustChange: 'reset', keep: HISTORY_KEPT },
      now,
    );
    await sessions.deleteForUser(trx, u.id);
    await loginThrottle.take(trx, userKey(u.username));
    await recordEvent(trx, ctx, who, 'user.password-reset', { type: 'user', id: u.id }, { username }, now);
  });
  return { password: next, generated };
}

/** Disables (or enables) an account; disabling ends its sessions. */
export async function setActiveFromCli(
  ctx: AppContext,
  who: AuditWho,
  username: string,
  active: boolean,
): Promise<void> {
  const u = await findUser(ctx, username);
  const now = iso(ctx);
  await transaction(ctx.store.db, async (trx) => {
    await users.update(trx, u.id, { active }, now);
    if (!active) await sessions.deleteForUser(trx, u.id);
    await recordChange(
      trx,
      ctx,
      who,
      active ? 'user.enable' : 'user.disable',
      { type: 'user', id: u.id },
      { active: u.active },
      { active },
      now,
    );
  });
}

async function getCliUser(ctx: AppContext, username: string): Promise<CliUser> {
  const all = await users.listAll(ctx.store.db);
  const u = all.find((x) => x.username === username);
  if (!u) throw new ServiceError('not-found', `用户“${username}”不存在`);
  return u;
}

export function listUsersFromCli(ctx: AppContext): Promise<CliUser[]> {
  return users.listAll(ctx.store.db);
}
