import type { Form } from '../core/form/schema.ts';
import { describeIssues, storableIssues } from '../core/form/storable.ts';
import { validateForm } from '../core/form/validate.ts';
import {
  type Db,
  evidence,
  type FormContent,
  type FormStatusWord,
  forms,
  isUniqueViolation,
  markChainPending,
  revisions,
  transaction,
} from '../store/index.ts';
import { requireRole } from './access.ts';
import { diffFields } from './audit-diff.ts';
import { recordChange, recordDiff } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { removeIfUnused } from './evidence-files.ts';
import { formInScope } from './form-access.ts';
import { formContent } from './form-content.ts';
import { type FormDetailView, getForm, getFormSummary } from './form-read.ts';
import { orgInScope, orgProfileForPath } from './org-admin.ts';
import { loadProfile, profileForForm } from './profiles.ts';
import { ensureProject, getProject } from './project-admin.ts';
import { ServiceError } from './service-error.ts';
import {
  canEdit,
  EDITABLE_STATUSES,
  EDITOR_ROLES_BY_KIND,
  KIND_LABELS,
  ORG_KIND_BY_FORM_KIND,
  STATUS_LABELS,
} from './workflow-rules.ts';

// Writing forms. Every write is one transaction: the form row, its indicator rows, the immutable
// revision and the audit entry commit together or not at all.

/**
 * Validates Form JSON from an untrusted source. The server validates request bodies against the
 * contract (the same schema) before calling the use cases, which therefore take a typed Form.
 */
export function parseForm(input: unknown): Form {
  const v = validateForm(input);
  if (!v.ok) throw new ServiceError('bad-request', v.reason, { issues: v.issues ?? [] });
  return v.value;
}

/**
 * A form is stored only with some content (a funds block or an indicator row) and no text cell
 * over its cap (core/form/storable.ts); the message names the field as printed on the form.
 */
export function checkStorable(form: Form): void {
  const issues = storableIssues(form);
  if (issues.length > 0)
    throw new ServiceError('bad-request', `无法保存：${describeIssues(issues)}`, { issues });
}

function checkProfileId(id: string | undefined): void {
  if (id === undefined) return;
  const p = loadProfile(id);
  if (!p.ok) throw new ServiceError('bad-request', p.reason);
}

const duplicate = (form: Form): ServiceError =>
  new ServiceError(
    'conflict',
    form.kind === 'project-target-declaration'
      ? `该项目 ${form.year} 年度第 ${form.version ?? 1} 版绩效目标申报表已存在`
      : `该项目 ${form.year} 年度的${KIND_LABELS[form.kind]}已存在`,
  );

/** The stored version of a form: a declaration's own (lifecycle.md §3), 1 for every other kind. */
export const versionOf = (form: Form): number =>
  form.kind === 'project-target-declaration' ? (form.version ?? 1) : 1;

/** Who fills a form of this kind, and under which org kind it is kept (lifecycle.md §3). */
export function requireEditor(actor: Actor, kind: Form['kind'], what: string): void {
  requireRole(actor, EDITOR_ROLES_BY_KIND[kind], `${what}${KIND_LABELS[kind]}`);
}

export function checkOrgKind(org: { kind: string }, kind: Form['kind']): void {
  const want = ORG_KIND_BY_FORM_KIND[kind];
  if (org.kind !== want) {
    throw new ServiceError(
      'bad-request',
      want === 'department'
        ? `${KIND_LABELS[kind]}只能建在主管部门下`
        : `${KIND_LABELS[kind]}只能建在实施单位下`,
    );
  }
}

/** The project a department form is kept under: the department itself (its forms need one). */
export const departmentProjectName = (form: Form, orgName: string): string =>
  form.department?.trim() || form.projectName.trim() || orgName;

/** Inserts a new form at revision 1 (inside the caller's transaction). */
export async function insertForm(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  f: {
    projectId: string;
    orgId: string;
    orgPath: string;
    form: Form;
    profileId?: string | undefined;
    status?: FormStatusWord;
    note?: string | null;
  },
  now: string,
): Promise<{ id: string; revision: number }> {
  checkStorable(f.form);
  const id = ctx.newId();
  const content = formContent(f.form);
  // Explicit, else the organisation's configured profile, else the form's template family's.
  const profileId = f.profileId ?? (await orgProfileForPath(trx, f.orgPath)) ?? profileForForm(f.form);
  await forms.insert(
    trx,
    {
      id,
      projectId: f.projectId,
      orgId: f.orgId,
      status: f.status ?? 'draft',
      profileId,
      userId: actor.userId,
      version: versionOf(f.form),
    },
    content,
    now,
  );
  await revisions.insert(
    trx,
    { formId: id, revision: 1, data: content.data, note: f.note ?? null, userId: actor.userId },
    now,
  );
  await recordChange(
    trx,
    ctx,
    actor,
    'form.create',
    { type: 'form', id },
    null,
    {
      projectId: f.projectId,
      orgId: f.orgId,
      year: f.form.year,
      kind: f.form.kind,
      version: versionOf(f.form),
      profileId,
    },
    now,
  );
  await markChainPending(trx, f.projectId, f.form.year, id);
  return { id, revision: 1 };
}

/**
 * Saves `form` as the next revision if the stored one is still `expected` (inside the caller's
 * transaction). Throws stale-revision (409, with the current revision) or not-editable.
 */
export async function writeRevision(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  head: { id: string; orgId: string; projectId?: string; year?: number },
  expected: number,
  form: Form,
  extra: { note?: string | null | undefined; profileId?: string | undefined },
  now: string,
  prepared?: PreparedRevision,
): Promise<number> {
  checkStorable(form);
  const content = prepared?.content ?? formContent(form);
  const saved = await forms.updateContent(
    trx,
    head.id,
    expected,
    EDITABLE_STATUSES,
    content,
    { userId: actor.userId, orgId: head.orgId, profileId: extra.profileId },
    now,
  );
  if (!saved) {
    const current = await forms.getHead(trx, head.id);
    if (!current) throw new ServiceError('not-found', '自评表不存在或无权访问');
    if (current.revision !== expected) {
      throw new ServiceError(
        'stale-revision',
        `保存失败：自评表已被他人修改（当前为第 ${current.revision} 版，您编辑的是第 ${expected} 版），请刷新后合并修改`,
        { currentRevision: current.revision },
      );
    }
    throw new ServiceError(
      'not-editable',
      `自评表状态为“${STATUS_LABELS[current.status]}”，不能修改（草稿或已退回时才能修改）`,
    );
  }
  const revision = expected + 1;
  await revisions.insert(
    trx,
    { formId: head.id, revision, data: content.data, note: extra.note ?? null, userId: actor.userId },
    now,
  );
  const diff = prepared?.diff ?? diffFields(await beforeForm(trx, head.id, expected), form);
  await recordDiff(trx, ctx, actor, 'form.save', { type: 'form', id: head.id }, diff, now);
  if (head.projectId !== undefined && head.year !== undefined) {
    // the other stages' cross-stage findings read this form (lifecycle.md §4.3)
    await markChainPending(trx, head.projectId, head.year, head.id);
    if (head.year !== form.year) await markChainPending(trx, head.projectId, form.year, head.id);
  }
  return revision;
}

export type PreparedRevision = { content: FormContent; diff: ReturnType<typeof diffFields> };

async function beforeForm(db: Db, formId: string, revision: number): Promise<unknown> {
  const before = await revisions.get(db, formId, revision);
  return before ? JSON.parse(before.data) : null;
}

/**
 * The work of a save that needs no lock: the stored columns, and the audit diff against revision
 * `expected` (immutable, so it can be read before the transaction). Keeps the write short.
 */
export async function prepareRevision(
  db: Db,
  formId: string,
  expected: number,
  form: Form,
): Promise<PreparedRevision> {
  return { content: formContent(form), diff: diffFields(await beforeForm(db, formId, expected), form) };
}

export async function createForm(
  ctx: AppContext,
  actor: Actor,
  req: {
    form: unknown;
    projectId?: string | undefined;
    orgId?: string | undefined;
    profileId?: string | undefined;
  },
): Promise<FormDetailView> {
  const form = parseForm(req.form);
  requireEditor(actor, form.kind, '新建');
  checkStorable(form);
  checkProfileId(req.profileId);
  const { db } = ctx.store;
  let orgId: string;
  let projectId: string | undefined = req.projectId;
  if (projectId) {
    orgId = (await getProject(ctx, actor, projectId)).orgId;
  } else if (req.orgId) orgId = req.orgId;
  else throw new ServiceError('bad-request', '请指定项目（projectId）或实施单位（orgId）');
  const org = await orgInScope(db, actor, orgId);
  checkOrgKind(org, form.kind);
  const projectName =
    form.kind === 'department-self-evaluation'
      ? departmentProjectName(form, org.name)
      : form.projectName.trim();
  if (!projectName && !projectId)
    throw new ServiceError('bad-request', 'Form JSON 缺少项目名称（projectName）');
  const now = iso(ctx);
  let id: string;
  try {
    id = await transaction(db, async (trx) => {
      projectId ??= await ensureProject(trx, ctx, actor, org.id, projectName, now);
      if (await forms.findExisting(trx, projectId, form.year, form.kind, versionOf(form)))
        throw duplicate(form);
      return (
        await insertForm(
          trx,
          ctx,
          actor,
          { projectId, orgId: org.id, orgPath: org.path, form, profileId: req.profileId },
          now,
        )
      ).id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(form);
    throw e;
  }
  ctx.wake.evaluator();
  return getForm(ctx, actor, id);
}

export async function saveForm(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expected: number | null,
  req: { form: Form; note?: string | undefined; profileId?: string | undefined },
): Promise<FormDetailView> {
  await writeSave(ctx, actor, id, expected, req);
  return getForm(ctx, actor, id);
}

/** saveForm answering with the summary only (`Prefer: return=minimal`): no Form JSON read back. */
export async function saveFormMinimal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expected: number | null,
  req: { form: Form; note?: string | undefined; profileId?: string | undefined },
) {
  await writeSave(ctx, actor, id, expected, req);
  return getFormSummary(ctx, actor, id);
}

async function writeSave(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expected: number | null,
  req: { form: Form; note?: string | undefined; profileId?: string | undefined },
): Promise<void> {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  requireEditor(actor, head.kind as Form['kind'], '修改');
  if (expected === null) {
    throw new ServiceError(
      'precondition-required',
      '保存需要在 If-Match 请求头中给出所编辑的修订号（GET 返回的 ETag）',
      { currentRevision: head.revision },
    );
  }
  const { form } = req;
  checkSameSlot(head, form);
  checkStorable(form);
  checkProfileId(req.profileId);
  const now = iso(ctx);
  try {
    const prepared = await prepareRevision(db, id, expected, form);
    await transaction(db, (trx) => writeRevision(trx, ctx, actor, head, expected, form, req, now, prepared));
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(form);
    throw e;
  }
  ctx.wake.evaluator();
}

/**
 * A save keeps the form's kind and declaration version: they key the form in its project's chain
 * (lifecycle.md §3), and a new version is made by an adjustment, not by editing a number.
 */
export function checkSameSlot(head: { kind: string; version: number }, form: Form): void {
  if (
    head.kind === form.kind &&
    (head.kind !== 'project-target-declaration' || versionOf(form) === head.version)
  )
    return;
  if (head.kind !== form.kind) {
    throw new ServiceError(
      'bad-request',
      `不能把${KIND_LABELS[head.kind as Form['kind']]}改存为${KIND_LABELS[form.kind]}`,
    );
  }
  throw new ServiceError(
    'bad-request',
    `版本号不能修改（本表为第 ${head.version} 版，提交的是第 ${versionOf(form)} 版）；调整目标请新建调整版本`,
  );
}

/** Deletes a draft (its revisions, comments and evidence records go with it). */
export async function deleteForm(
  ctx: AppContext,
  actor: Actor,
  id: string,
  expected: number | null,
): Promise<void> {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  requireEditor(actor, head.kind as Form['kind'], '删除');
  if (head.status !== 'draft' || !canEdit(actor, head.status, head.kind)) {
    throw new ServiceError('not-editable', `只能删除草稿（当前状态“${STATUS_LABELS[head.status]}”）`);
  }
  const now = iso(ctx);
  const files = (await evidence.list(db, id)).map((e) => e.sha256);
  await transaction(db, async (trx) => {
    const data = await forms.getData(trx, id);
    const ok = await forms.delete(trx, id, 'draft', expected ?? undefined);
    if (!ok) {
      const current = await forms.getHead(trx, id);
      if (current && expected !== null && current.revision !== expected) {
        throw new ServiceError('stale-revision', '删除失败：自评表已被他人修改，请刷新后重试', {
          currentRevision: current.revision,
        });
      }
      throw new ServiceError('not-editable', '只能删除草稿');
    }
    await markChainPending(trx, head.projectId, head.year, id);
    await recordChange(
      trx,
      ctx,
      actor,
      'form.delete',
      { type: 'form', id },
      data ? { revision: data.revision, projectId: head.projectId, year: head.year } : null,
      null,
      now,
    );
  });
  for (const sha of new Set(files)) await removeIfUnused(ctx, sha);
}
