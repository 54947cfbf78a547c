import { type Db, isUniqueViolation, type OrgRecord, orgs, transaction } from '../store/index.ts';
import { CHILD_KINDS, inScope, requireAdmin } from './access.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { loadProfile } from './profiles.ts';
import { notFound, ServiceError } from './service-error.ts';

export type OrgView = Omit<OrgRecord, 'path'>;
const view = ({ path: _path, ...o }: OrgRecord): OrgView => o;

const KIND_LABELS = { finance: '财政部门', department: '主管部门', unit: '实施单位' } as const;

/** The actor's org and everything below it. */
export async function listOrgs(ctx: AppContext, actor: Actor): Promise<OrgView[]> {
  return (await orgs.listSubtree(ctx.store.db, actor.orgPath)).map(view);
}

/** An org in the actor's scope, or 404 (never 403: ids outside the scope are not revealed). */
export async function orgInScope(db: Db, actor: Actor, id: string): Promise<OrgRecord> {
  const org = await orgs.get(db, id);
  if (!org || !inScope(actor, org.path)) throw notFound('组织');
  return org;
}

export async function getOrg(ctx: AppContext, actor: Actor, id: string): Promise<OrgView> {
  return view(await orgInScope(ctx.store.db, actor, id));
}

function checkProfile(profileId: string | null | undefined): void {
  if (profileId === null || profileId === undefined) return;
  const p = loadProfile(profileId);
  if (!p.ok) throw new ServiceError('bad-request', p.reason);
}

export async function createOrg(
  ctx: AppContext,
  actor: Actor,
  req: { parentId: string; name: string; kind: OrgRecord['kind']; profileId?: string | null | undefined },
): Promise<OrgView> {
  requireAdmin(actor, '管理组织');
  const { db } = ctx.store;
  const parent = await orgInScope(db, actor, req.parentId);
  if (!CHILD_KINDS[parent.kind].includes(req.kind)) {
    throw new ServiceError('bad-request', `${KIND_LABELS[parent.kind]}下不能设立${KIND_LABELS[req.kind]}`);
  }
  checkProfile(req.profileId);
  const id = ctx.newId();
  const org: OrgRecord = {
    id,
    parentId: parent.id,
    name: req.name,
    kind: req.kind,
    path: `${parent.path}${id}/`,
    depth: parent.depth + 1,
    profileId: req.profileId ?? null,
    createdAt: iso(ctx),
  };
  try {
    await transaction(db, async (trx) => {
      await orgs.insert(trx, org, org.createdAt);
      await recordChange(trx, ctx, actor, 'org.create', { type: 'org', id }, null, view(org), org.createdAt);
    });
  } catch (e) {
    if (isUniqueViolation(e))
      throw new ServiceError('conflict', `“${parent.name}”下已有名为“${req.name}”的组织`);
    throw e;
  }
  return view(org);
}

export async function updateOrg(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { name?: string | undefined; profileId?: string | null | undefined },
): Promise<OrgView> {
  requireAdmin(actor, '管理组织');
  const { db } = ctx.store;
  const before = await orgInScope(db, actor, id);
  checkProfile(patch.profileId);
  const now = iso(ctx);
  try {
    await transaction(db, async (trx) => {
      await orgs.update(trx, id, patch, now);
      const after = {
        ...before,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.profileId !== undefined ? { profileId: patch.profileId } : {}),
      };
      await recordChange(trx, ctx, actor, 'org.update', { type: 'org', id }, view(before), view(after), now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', `同一上级下已有名为“${patch.name}”的组织`);
    throw e;
  }
  return view((await orgs.get(db, id))!);
}

/** The rule profile of the nearest node on the path (itself first) that sets one; null if none does. */
export async function orgProfileForPath(db: Db, path: string): Promise<string | null> {
  const ids = path.split('/').filter(Boolean);
  const chain = await orgs.listByIds(db, ids);
  const byId = new Map(chain.map((o) => [o.id, o]));
  for (const id of [...ids].reverse()) {
    const p = byId.get(id)?.profileId;
    if (p) return p;
  }
  return null;
}
