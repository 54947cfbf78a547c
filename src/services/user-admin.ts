import {
  isUniqueViolation,
  loginThrottle,
  sessions,
  transaction,
  type UserRecord,
  users,
} from '../store/index.ts';
import { inScope, ROLE_ORG_KINDS, requireAdmin } from './access.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { orgInScope } from './org-admin.ts';
import { checkNewPassword } from './passwords.ts';
import { notFound, ServiceError } from './service-error.ts';
import { HISTORY_KEPT, userKey } from './sessions.ts';

const ROLE_LABELS = {
  'unit-filler': '单位填报人',
  'department-reviewer': '主管部门审核人',
  'finance-reviewer': '财政部门审核人',
  admin: '管理员',
} as const;
const KIND_LABELS = { finance: '财政部门', department: '主管部门', unit: '实施单位' } as const;

const view = (u: UserRecord & { orgPath?: string }): UserRecord => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  orgId: u.orgId,
  orgName: u.orgName,
  active: u.active,
  createdAt: u.createdAt,
  updatedAt: u.updatedAt,
});

function checkRoleFits(role: UserRecord['role'], kind: keyof typeof KIND_LABELS): void {
  if (!ROLE_ORG_KINDS[role].includes(kind)) {
    throw new ServiceError('bad-request', `${ROLE_LABELS[role]}不能设在${KIND_LABELS[kind]}`);
  }
}

export async function listUsers(ctx: AppContext, actor: Actor): Promise<UserRecord[]> {
  requireAdmin(actor, '管理用户');
  return (await users.listInScope(ctx.store.db, actor.orgPath)).map(view);
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  req: { username: string; displayName: string; password: string; role: UserRecord['role']; orgId: string },
): Promise<UserRecord> {
  requireAdmin(actor, '管理用户');
  const { db } = ctx.store;
  const org = await orgInScope(db, actor, req.orgId);
  checkRoleFits(req.role, org.kind);
  // an initial password: it follows the rules, and the user must change it at the first sign-in
  const passwordHash = await checkNewPassword(ctx, { id: null, username: req.username }, req.password, null);
  const id = ctx.newId();
  const now = iso(ctx);
  try {
    await transaction(db, async (trx) => {
      await users.insert(
        trx,
        {
          id,
          username: req.username,
          displayName: req.displayName,
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
      const { password: _p, ...shown } = req;
      await recordChange(trx, ctx, actor, 'user.create', { type: 'user', id }, null, shown, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', `用户名“${req.username}”已被使用`);
    throw e;
  }
  return view((await users.get(db, id))!);
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: {
    displayName?: string | undefined;
    password?: string | undefined;
    role?: UserRecord['role'] | undefined;
    orgId?: string | undefined;
    active?: boolean | undefined;
  },
): Promise<UserRecord> {
  requireAdmin(actor, '管理用户');
  const { db } = ctx.store;
  const before = await users.get(db, id);
  if (!before || !inScope(actor, before.orgPath)) throw notFound('用户');
  if (
    id === actor.userId &&
    (patch.active === false || (patch.role && patch.role !== 'admin') || patch.orgId)
  ) {
    throw new ServiceError('bad-request', '不能停用自己、降低自己的角色或移动自己的组织');
  }
  const org = patch.orgId ? await orgInScope(db, actor, patch.orgId) : null;
  const kind = org?.kind ?? (await orgInScope(db, actor, before.orgId)).kind;
  checkRoleFits(patch.role ?? before.role, kind);
  // a reset password follows the rules and the history, and must be changed at the next sign-in
  const passwordHash = patch.password
    ? await checkNewPassword(ctx, before, patch.password, await users.passwordHash(db, id))
    : undefined;
  const now = iso(ctx);
  await transaction(db, async (trx) => {
    if (passwordHash) {
      await users.setPassword(
        trx,
        { id: ctx.newId(), userId: id, passwordHash, mustChange: 'reset', keep: HISTORY_KEPT },
        now,
      );
      await loginThrottle.take(trx, userKey(before.username));
    }
    await users.update(
      trx,
      id,
      {
        ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
        ...(patch.role ? { role: patch.role } : {}),
        ...(patch.orgId ? { orgId: patch.orgId } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      },
      now,
    );
    if (passwordHash || patch.active === false || patch.role || patch.orgId)
      await sessions.deleteForUser(trx, id);
    const { password, ...shown } = patch;
    const after = { ...view(before), ...shown, ...(password ? { password: '（已重置）' } : {}) };
    await recordChange(trx, ctx, actor, 'user.update', { type: 'user', id }, view(before), after, now);
  });
  return view((await users.get(db, id))!);
}
