import type { ImportResult } from '../core/form/import-result.ts';
import type { Form } from '../core/form/schema.ts';
import { FormatError } from '../formats/format-error.ts';
import { importBytesAll } from '../formats/import-any.ts';
import { loadTemplates } from '../formats/templates/load-templates.ts';
import {
  type Db,
  findFormsByProjectName,
  forms,
  isUniqueViolation,
  type OnExistingWord,
  type OrgRecord,
  orgs,
  transaction,
} from '../store/index.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import {
  checkOrgKind,
  checkSameSlot,
  checkStorable,
  departmentProjectName,
  insertForm,
  requireEditor,
  versionOf,
  writeRevision,
} from './form-write.ts';
import { orgInScope } from './org-admin.ts';
import { ensureProject } from './project-admin.ts';
import { ServiceError } from './service-error.ts';
import { KIND_LABELS, ORG_KIND_BY_FORM_KIND } from './workflow-rules.ts';

// Import in two steps: preview reads a file and writes nothing; commit stores the (possibly
// corrected) Form JSON. Batch jobs (jobs.ts) commit through the same function.

export type CommitOutcome = {
  formId: string;
  revision: number;
  outcome: 'created' | 'new-revision' | 'skipped';
};

/**
 * Reads any supported file into Form JSON; a file that is not a form is a 422 with the reader's
 * reason, a converter the server lacks (LibreOffice for .xls/.doc) a 503: the file is not at fault.
 */
export async function readImport(
  bytes: Uint8Array,
  fileName: string,
  parser?: { bytes(bytes: Uint8Array, fileName: string): Promise<ImportResult[]> },
): Promise<ImportResult[]> {
  try {
    return await (parser ? parser.bytes(bytes, fileName) : importBytesAll(bytes, fileName));
  } catch (e) {
    if (e instanceof FormatError) throw serviceErrorOf(e);
    throw e;
  }
}

/** The service error for a file a reader refused (readImport, and batch jobs reading in a worker pool). */
export function serviceErrorOf(e: FormatError): ServiceError {
  const code = e.code === 'too-large' || e.code === 'missing-component' ? e.code : ('format-error' as const);
  return new ServiceError(code, e.message, { formatCode: e.code });
}

/**
 * The org to file a form under: the one given, else the one named on the form, else the actor's
 * own. Project forms go to an implementing unit (实施单位), a department self-evaluation to its
 * department (部门（单位）名称, lifecycle.md §2.3).
 */
async function findUnit(
  db: Db,
  actor: Actor,
  form: Form,
  orgId: string | undefined,
): Promise<OrgRecord | null> {
  if (orgId) {
    const org = await orgInScope(db, actor, orgId);
    checkOrgKind(org, form.kind);
    return org;
  }
  if (ORG_KIND_BY_FORM_KIND[form.kind] === 'department') {
    const name = (form.department ?? '').trim();
    const named = name
      ? (await orgs.listSubtree(db, actor.orgPath)).filter((o) => o.kind === 'department' && o.name === name)
      : [];
    if (named.length === 1) return named[0]!;
    if (actor.orgKind === 'department') return orgs.get(db, actor.orgId);
    return null;
  }
  const named = form.implementingUnit.trim()
    ? await orgs.findUnitsByName(db, form.implementingUnit.trim(), actor.orgPath)
    : [];
  if (named.length === 1) return named[0]!;
  if (actor.orgKind === 'unit') return orgs.get(db, actor.orgId);
  return null;
}

export async function resolveUnit(
  db: Db,
  actor: Actor,
  form: Form,
  orgId: string | undefined,
): Promise<OrgRecord> {
  const org = await findUnit(db, actor, form, orgId);
  if (!org) {
    if (ORG_KIND_BY_FORM_KIND[form.kind] === 'department') {
      throw new ServiceError(
        'bad-request',
        `找不到名为“${form.department || '（空）'}”的主管部门，请指定 orgId`,
      );
    }
    throw new ServiceError(
      'bad-request',
      `找不到名为“${form.implementingUnit || '（空）'}”的实施单位，请指定 orgId`,
    );
  }
  return org;
}

export async function previewImport(ctx: AppContext, actor: Actor, fileName: string, bytes: Uint8Array) {
  const { db } = ctx.store;
  const results = await readImport(bytes, fileName, ctx.parser);
  const items = [];
  for (const r of results) {
    const existing = await findFormsByProjectName(
      db,
      actor.orgPath,
      r.form.kind === 'department-self-evaluation' ? departmentProjectName(r.form, '') : r.form.projectName,
      r.form.year,
      r.form.kind,
      r.form.kind === 'project-target-declaration' ? versionOf(r.form) : undefined,
    );
    const unit = await findUnit(db, actor, r.form, undefined).catch(() => null);
    items.push({
      form: r.form,
      warnings: r.warnings,
      confidence: r.confidence,
      existing: existing[0]
        ? { formId: existing[0].id, revision: existing[0].revision, orgId: existing[0].orgId }
        : null,
      suggestedOrgId: unit?.id ?? null,
      template: templateOf(r.form.template),
    });
  }
  return { fileName, items };
}

/** The family a reader recognised, by its file in templates/ (its printed name and rules profile). */
function templateOf(id: string | undefined): { id: string; name: string; profile: string } | null {
  const t = id ? loadTemplates().families.find((f) => f.id === id) : undefined;
  return t ? { id: t.id, name: t.name, profile: t.profile } : null;
}

/** Stores an imported form inside the caller's transaction. */
export async function commitInTransaction(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  org: OrgRecord,
  form: Form,
  onExisting: OnExistingWord,
  note: string | null,
  now: string,
): Promise<CommitOutcome> {
  checkOrgKind(org, form.kind);
  const name =
    form.kind === 'department-self-evaluation'
      ? departmentProjectName(form, org.name)
      : form.projectName.trim();
  if (!name) throw new ServiceError('bad-request', '没有识别出项目名称，无法归档');
  const projectId = await ensureProject(trx, ctx, actor, org.id, name, now);
  const existing = await forms.findExisting(trx, projectId, form.year, form.kind, versionOf(form));
  if (!existing) {
    const created = await insertForm(
      trx,
      ctx,
      actor,
      { projectId, orgId: org.id, orgPath: org.path, form, note },
      now,
    );
    return { formId: created.id, revision: created.revision, outcome: 'created' };
  }
  if (onExisting === 'skip') return { formId: existing.id, revision: existing.revision, outcome: 'skipped' };
  if (onExisting === 'fail') {
    throw new ServiceError(
      'conflict',
      form.kind === 'project-target-declaration'
        ? `“${name}” ${form.year} 年度第 ${versionOf(form)} 版绩效目标申报表已存在（第 ${existing.revision} 次修订）`
        : `“${name}” ${form.year} 年度的${KIND_LABELS[form.kind]}已存在（第 ${existing.revision} 版）`,
      { formId: existing.id, currentRevision: existing.revision },
    );
  }
  checkSameSlot(existing, form);
  const revision = await writeRevision(trx, ctx, actor, existing, existing.revision, form, { note }, now);
  return { formId: existing.id, revision, outcome: 'new-revision' };
}

/** Retries once when a concurrent writer created the same project or form first. */
export async function withUniqueRetry<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return fn();
  }
}

export async function commitImport(
  ctx: AppContext,
  actor: Actor,
  req: {
    form: Form;
    orgId?: string | undefined;
    onExisting: OnExistingWord;
    fileName?: string | undefined;
  },
): Promise<CommitOutcome> {
  const { form } = req;
  requireEditor(actor, form.kind, '导入');
  checkStorable(form);
  const { db } = ctx.store;
  const org = await resolveUnit(db, actor, form, req.orgId);
  const note = req.fileName ? `导入自 ${req.fileName}` : '导入';
  const result = await withUniqueRetry(() =>
    transaction(db, (trx) => commitInTransaction(trx, ctx, actor, org, form, req.onExisting, note, iso(ctx))),
  );
  ctx.wake.evaluator();
  return result;
}
