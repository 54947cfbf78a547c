import type { Form, FormKind, ReviewGrade } from '../core/form/schema.ts';
import {
  type CommentRecord,
  chainForms,
  comments,
  type Db,
  type FormHeadRecord,
  type FormStatusWord,
  forms,
  markChainPending,
  revisions,
  setStatus,
  transaction,
} from '../store/index.ts';
import { diffFields } from './audit-diff.ts';
import { recordChange, recordDiff } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { formInScope } from './form-access.ts';
import { formContent } from './form-content.ts';
import { type FormDetailView, getForm } from './form-read.ts';
import { forbidden, ServiceError } from './service-error.ts';
import {
  ACTION_LABELS,
  actionExists,
  findTransition,
  KIND_LABELS,
  STATUS_LABELS,
  type WorkflowAction,
} from './workflow-rules.ts';

/**
 * Moves a form through the workflow. The status changes only if it is still the one the rules were
 * checked against (and, with `expected`, only at that revision), so two reviewers acting at once
 * cannot both succeed. Every transition leaves a comment row (the form's history) and an audit entry.
 *
 * A declaration's review and approval are also written into its Form JSON as a new revision
 * (`review` with the grade and the opinions, `approval` with the 批复文号), so exports and the
 * cross-stage checks see them; approving a version ≥ 2 marks the version it replaces `superseded`
 * (lifecycle.md §3).
 */
export async function transitionForm(
  ctx: AppContext,
  actor: Actor,
  id: string,
  req: TransitionInput,
  expected: number | null,
): Promise<FormDetailView> {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  const what = KIND_LABELS[head.kind as FormKind] ?? '自评表';
  const exists = actionExists(head.kind, req.action, head.status);
  if (!exists) {
    throw new ServiceError(
      'invalid-transition',
      `${what}状态为“${STATUS_LABELS[head.status]}”，不能${ACTION_LABELS[req.action]}`,
    );
  }
  if (req.action === 'review' && !req.grade) {
    throw new ServiceError('bad-request', '评审时请给出评审等级（优、良、中、差）');
  }
  const rule = findTransition(head.kind, req.action, head.status, req.grade);
  if (!rule?.roles.includes(actor.role)) throw forbidden(`当前角色无权${ACTION_LABELS[req.action]}${what}`);
  const comment = req.comment?.trim() ?? '';
  if (req.action === 'return' && !comment) throw new ServiceError('bad-request', '退回时请填写退回意见');
  // 88号: only 优 proceeds as it stands; 良 is fixed by consultation, 中 re-reviewed, 差 kept out,
  // and each needs the opinion that says why.
  if (req.action === 'review' && req.grade !== '优' && !comment) {
    throw new ServiceError('bad-request', `评审等级为“${req.grade}”时请填写评审意见`);
  }
  const isDeclaration = head.kind === 'project-target-declaration';
  if (req.action === 'approve' && isDeclaration && !req.approval) {
    throw new ServiceError('bad-request', '批复绩效目标时请填写批复文号（approval.documentNo）');
  }
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
          `${what}已被他人修改（当前为第 ${current.revision} 版），请刷新后再${ACTION_LABELS[req.action]}`,
          { currentRevision: current.revision },
        );
      }
      throw new ServiceError(
        'invalid-transition',
        `${what}状态已变为“${STATUS_LABELS[current?.status ?? head.status]}”，不能${ACTION_LABELS[req.action]}`,
      );
    }
    let revision = head.revision;
    if (isDeclaration && (req.action === 'review' || req.action === 'approve')) {
      revision = await recordDecision(trx, ctx, actor, head, rule.to, req, comment, now);
    }
    await comments.insert(
      trx,
      {
        id: ctx.newId(),
        formId: id,
        revision,
        field: null,
        body: req.grade ? `评审等级：${req.grade}${comment ? `。${comment}` : ''}` : comment,
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
      {
        status: rule.to,
        ...(comment ? { comment } : {}),
        ...(req.grade ? { grade: req.grade } : {}),
      },
      now,
    );
    if (isDeclaration && rule.to === 'approved') await supersedeOlder(trx, ctx, actor, head, now);
    await markChainPending(trx, head.projectId, head.year, id);
  });
  ctx.wake.evaluator();
  return getForm(ctx, actor, id);
}

export type TransitionInput = {
  action: WorkflowAction;
  comment?: string | undefined;
  grade?: ReviewGrade | undefined;
  approval?: { documentNo: string; date?: string | undefined; approvedBy?: string | undefined } | undefined;
};

/** Writes a declaration's review opinion or approval into its Form JSON as the next revision. */
async function recordDecision(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  head: FormHeadRecord,
  status: FormStatusWord,
  req: TransitionInput,
  comment: string,
  now: string,
): Promise<number> {
  const data = await forms.getData(trx, head.id);
  if (!data) throw new ServiceError('not-found', '绩效目标申报表不存在或无权访问');
  const form = JSON.parse(data.data) as Form;
  const date = now.slice(0, 10);
  let next: Form;
  let note: string;
  if (req.action === 'review') {
    const opinions = [...(form.review?.opinions ?? [])];
    opinions.push({ by: actor.orgName, text: comment || '同意', date });
    next = { ...form, review: { grade: req.grade ?? null, opinions } };
    note = `${actor.orgName}评审：${req.grade}`;
  } else {
    const a = req.approval!;
    next = {
      ...form,
      approval: {
        approvedBy: a.approvedBy?.trim() || actor.orgName,
        documentNo: a.documentNo.trim(),
        date: a.date ?? date,
      },
    };
    note = `批复：${next.approval!.documentNo}`;
  }
  const content = formContent(next);
  const saved = await forms.updateContent(
    trx,
    head.id,
    data.revision,
    [status],
    content,
    { userId: actor.userId, orgId: head.orgId },
    now,
  );
  if (!saved) throw new ServiceError('stale-revision', '绩效目标申报表已被他人修改，请刷新后重试');
  const revision = data.revision + 1;
  await revisions.insert(
    trx,
    { formId: head.id, revision, data: content.data, note, userId: actor.userId },
    now,
  );
  await recordDiff(trx, ctx, actor, 'form.save', { type: 'form', id: head.id }, diffFields(form, next), now);
  return revision;
}

/** The approved versions below this one stop being the version in force (lifecycle.md §3). */
async function supersedeOlder(trx: Db, ctx: AppContext, actor: Actor, head: FormHeadRecord, now: string) {
  const chain = await chainForms(trx, head.projectId, head.year);
  for (const f of chain) {
    if (f.kind !== 'project-target-declaration' || f.id === head.id) continue;
    if (f.version >= head.version || f.status !== 'approved') continue;
    if (await setStatus(trx, f.id, 'approved', 'superseded')) {
      await recordChange(
        trx,
        ctx,
        actor,
        'form.supersede',
        { type: 'form', id: f.id },
        { status: 'approved' },
        { status: 'superseded', by: head.id, version: head.version },
        now,
      );
    }
  }
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
