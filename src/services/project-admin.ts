import {
  type Db,
  isUniqueViolation,
  type Page,
  type ProjectRecord,
  projects,
  transaction,
} from '../store/index.ts';
import { EDITOR_ROLES, inScope, requireRole } from './access.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { orgInScope } from './org-admin.ts';
import { notFound, ServiceError } from './service-error.ts';

export type ProjectView = Omit<ProjectRecord, 'orgPath'>;
const view = ({ orgPath: _p, ...p }: ProjectRecord): ProjectView => p;

export async function listProjects(
  ctx: AppContext,
  actor: Actor,
  query: { orgId?: string | undefined; q?: string | undefined; page: number; pageSize: number },
): Promise<Page<ProjectView>> {
  const { db } = ctx.store;
  const orgPath = query.orgId ? (await orgInScope(db, actor, query.orgId)).path : undefined;
  const page = await projects.list(
    db,
    { scopePath: actor.orgPath, orgPath, q: query.q },
    query.page,
    query.pageSize,
  );
  return { ...page, items: page.items.map(view) };
}

async function projectInScope(db: Db, actor: Actor, id: string): Promise<ProjectRecord> {
  const p = await projects.get(db, id);
  if (!p || !inScope(actor, p.orgPath)) throw notFound('项目');
  return p;
}

export async function getProject(ctx: AppContext, actor: Actor, id: string): Promise<ProjectView> {
  return view(await projectInScope(ctx.store.db, actor, id));
}

export async function createProject(
  ctx: AppContext,
  actor: Actor,
  req: { orgId: string; name: string; code?: string | null | undefined },
): Promise<ProjectView> {
  requireRole(actor, EDITOR_ROLES, '新建项目');
  const { db } = ctx.store;
  const org = await orgInScope(db, actor, req.orgId);
  if (org.kind !== 'unit') throw new ServiceError('bad-request', '项目只能建在实施单位下');
  const id = ctx.newId();
  const now = iso(ctx);
  try {
    await transaction(db, async (trx) => {
      await projects.insert(trx, { id, orgId: org.id, name: req.name, code: req.code ?? null }, now);
      await recordChange(trx, ctx, actor, 'project.create', { type: 'project', id }, null, req, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', `“${org.name}”已有名为“${req.name}”的项目`);
    throw e;
  }
  return view((await projects.get(db, id))!);
}

export async function updateProject(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: { name?: string | undefined; code?: string | null | undefined },
): Promise<ProjectView> {
  requireRole(actor, EDITOR_ROLES, '修改项目');
  const { db } = ctx.store;
  const before = await projectInScope(db, actor, id);
  const now = iso(ctx);
  try {
    await transaction(db, async (trx) => {
      await projects.update(trx, id, patch, now);
      await recordChange(
        trx,
        ctx,
        actor,
        'project.update',
        { type: 'project', id },
        { name: before.name, code: before.code },
        { name: before.name, code: before.code, ...patch },
        now,
      );
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', `该单位已有名为“${patch.name}”的项目`);
    throw e;
  }
  return view((await projects.get(db, id))!);
}

/** The unit's project of this name, created if missing (inside the caller's transaction). */
export async function ensureProject(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  name: string,
  now: string,
): Promise<string> {
  const found = await projects.findByName(trx, orgId, name);
  if (found) return found.id;
  const id = ctx.newId();
  await projects.insert(trx, { id, orgId, name, code: null }, now);
  await recordChange(trx, ctx, actor, 'project.create', { type: 'project', id }, null, { orgId, name }, now);
  return id;
}
