import type { Form } from '../core/form/schema.ts';
import { type CommentRecord, comments, forms, transaction } from '../store/index.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { formInScope } from './form-access.ts';
import { type FormDetailView, getForm } from './form-read.ts';
import { forbidden, ServiceError } from './service-error.ts';
import { ACTION_LABELS, findTransition, STATUS_LABELS, type WorkflowAction } from './workflow-rules.ts';

/**
 * Moves a form through the workflow. The status changes only if it is still the one the rules were
 * checked against (and, with `expected`, only at that revision), so two reviewers acting at once
 * cannot both succeed. Every transition leaves a comment row (the form's history) and an audit entry.
 */
export async function transitionForm(
  ctx: AppContext,
  actor: Actor,
  id: string,
  req: { action: WorkflowAction; comment?: string | undefined },
  expected: number | null,
): Promise<FormDetailView> {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  const rule = findTransition(req.action, head.status);
  if (!rule) {
    throw new ServiceError(
      'invalid-transition',
      `自评表状态为“${STATUS_LABELS[head.status]}”，不能${ACTION_LABELS[req.action]}`,
    );
  }
  if (!rule.roles.includes(actor.role)) throw forbidden(`当前角色无权${ACTION_LABELS[req.action]}自评表`);
  const comment = req.comment?.trim() ?? '';
  if (req.action === 'return' && !comment) throw new ServiceError('bad-request', '退回时请填写退回意见');
  const now = iso(ctx);
  await transaction(db, async (trx) => {
    const moved = await forms.updateStatus(
      trx,
      id,
      rule.from,
      rule.to,
      actor.userId,
      now,
      expected ?? undefined,
    );
    if (!moved) {
      const current = await forms.getHead(trx, id);
      if (current && expected !== null && current.revision !== expected) {
        throw new ServiceError(
          'stale-revision',
          `自评表已被他人修改（当前为第 ${current.revision} 版），请刷新后再${ACTION_LABELS[req.action]}`,
          { currentRevision: current.revision },
        );
      }
      throw new ServiceError(
        'invalid-transition',
        `自评表状态已变为“${STATUS_LABELS[current?.status ?? head.status]}”，不能${ACTION_LABELS[req.action]}`,
      );
    }
    await comments.insert(
      trx,
      {
        id: ctx.newId(),
        formId: id,
        revision: head.revision,
        field: null,
        body: comment,
        action: req.action,
        fromStatus: rule.from,
        toStatus: rule.to,
        authorId: actor.userId,
      },
      now,
    );
    await recordChange(
      trx,
      ctx,
      actor,
      `form.${req.action}`,
      { type: 'form', id },
      { status: rule.from },
      { status: rule.to, ...(comment ? { comment } : {}) },
      now,
    );
  });
  return getForm(ctx, actor, id);
}

export async function listComments(ctx: AppContext, actor: Actor, id: string): Promise<CommentRecord[]> {
  await formInScope(ctx.store.db, actor, id);
  return comments.list(ctx.store.db, id);
}

/** Resolves `indicators[3].actual` against a form; false when the path names nothing. */
export function fieldExists(form: Form, field: string): boolean {
  let value: unknown = form;
  for (const part of field.match(/[^.[\]]+/g) ?? []) {
    if (value === null || typeof value !== 'object') return false;
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (!(key in (value as object))) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return true;
}

/** Anyone who can see a form may comment on it or on one of its cells. */
export async function addComment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  req: { body: string; field?: string | null | undefined },
): Promise<CommentRecord> {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  const field = req.field ?? null;
  if (field) {
    const data = await forms.getData(db, id);
    if (!data || !fieldExists(JSON.parse(data.data) as Form, field)) {
      throw new ServiceError('bad-request', `字段“${field}”在自评表中不存在`);
    }
  }
  const commentId = ctx.newId();
  const now = iso(ctx);
  await transaction(db, async (trx) => {
    await comments.insert(
      trx,
      {
        id: commentId,
        formId: id,
        revision: head.revision,
        field,
        body: req.body,
        action: null,
        fromStatus: null,
        toStatus: null,
        authorId: actor.userId,
      },
      now,
    );
    await recordChange(
      trx,
      ctx,
      actor,
      'form.comment',
      { type: 'form', id },
      null,
      { field, body: req.body },
      now,
    );
  });
  const all = await comments.list(db, id);
  return all.find((c) => c.id === commentId)!;
}
