import type { Form } from '../core/form/schema.ts';
import { type AuditRecord, auditLog, type Page, type RevisionRecord, revisions } from '../store/index.ts';
import { requireAdmin } from './access.ts';
import type { Actor, AppContext } from './context.ts';
import { formInScope } from './form-access.ts';
import { notFound } from './service-error.ts';

export async function listRevisions(ctx: AppContext, actor: Actor, id: string): Promise<RevisionRecord[]> {
  await formInScope(ctx.store.db, actor, id);
  return revisions.list(ctx.store.db, id);
}

export async function getRevision(
  ctx: AppContext,
  actor: Actor,
  id: string,
  revision: number,
): Promise<RevisionRecord & { form: Form }> {
  await formInScope(ctx.store.db, actor, id);
  const r = await revisions.get(ctx.store.db, id, revision);
  if (!r) throw notFound(`第 ${revision} 版修订`);
  const { data, ...rest } = r;
  return { ...rest, form: JSON.parse(data) as Form };
}

export async function formAuditLog(ctx: AppContext, actor: Actor, id: string): Promise<AuditRecord[]> {
  await formInScope(ctx.store.db, actor, id);
  return auditLog.forEntity(ctx.store.db, 'form', id);
}

/** The audit log for an admin: actions by users in the admin's subtree. */
export async function listAuditLog(
  ctx: AppContext,
  actor: Actor,
  q: {
    entityType?: string | undefined;
    entityId?: string | undefined;
    actorId?: string | undefined;
    page: number;
    pageSize: number;
  },
): Promise<Page<AuditRecord>> {
  requireAdmin(actor, '查看变更记录');
  return auditLog.list(ctx.store.db, { ...q, actorScopePath: actor.orgPath }, q.page, q.pageSize);
}
