import type { Form } from '../core/form/schema.ts';
import {
  chainForms,
  type FormDetailRecord,
  type FormSort,
  type FormSummaryRecord,
  forms,
  type Page,
  revisions,
} from '../store/index.ts';
import { inScope } from './access.ts';
import type { Actor, AppContext } from './context.ts';
import { formInScope } from './form-access.ts';
import { orgInScope } from './org-admin.ts';
import { notFound } from './service-error.ts';
import { allowedActions, canEdit, type WorkflowAction } from './workflow-rules.ts';

export type FormSummaryView = Omit<FormSummaryRecord, 'orgPath'>;

/** A stored form; `data` is its Form JSON as stored, UTF-8 (the server sends it without re-encoding). */
export type FormDetailView = FormSummaryView & {
  data: Uint8Array;
  createdAt: string;
  createdBy: FormDetailRecord['createdBy'];
  canEdit: boolean;
  allowedActions: WorkflowAction[];
  canAdjust: boolean;
};

/**
 * Whether the actor may start an adjustment from this form as far as its own row tells: an
 * approved declaration and a filler's role. The one-in-flight rule (lifecycle.md §3) needs the
 * rest of the chain and is checked when the adjustment is made.
 */
export const canAdjustStatus = (actor: Actor, r: { kind: string; status: string }): boolean =>
  r.kind === 'project-target-declaration' &&
  r.status === 'approved' &&
  (actor.role === 'unit-filler' || actor.role === 'admin');

export const summaryView = ({ orgPath: _p, ...s }: FormSummaryRecord): FormSummaryView => s;

export function detailView(actor: Actor, r: FormDetailRecord): FormDetailView {
  const { orgPath: _p, ...rest } = r;
  return {
    ...rest,
    canEdit: canEdit(actor, r.status, r.kind),
    allowedActions: allowedActions(actor, r.status, r.kind),
    canAdjust: canAdjustStatus(actor, r),
  };
}

export type FormListInput = {
  year?: number | undefined;
  orgId?: string | undefined;
  projectId?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  grade?: string | undefined;
  hasFindings?: boolean | undefined;
  q?: string | undefined;
  sort: FormSort;
  page: number;
  pageSize: number;
};

export async function listForms(
  ctx: AppContext,
  actor: Actor,
  query: FormListInput,
): Promise<Page<FormSummaryView>> {
  const { db } = ctx.store;
  const orgPath = query.orgId ? (await orgInScope(db, actor, query.orgId)).path : undefined;
  const page = await forms.list(
    db,
    {
      scopePath: actor.orgPath,
      orgPath,
      projectId: query.projectId,
      year: query.year,
      kind: query.kind,
      status: query.status,
      grade: query.grade,
      hasFindings: query.hasFindings,
      q: query.q?.trim() || undefined,
    },
    query.sort,
    query.page,
    query.pageSize,
  );
  return { ...page, items: page.items.map(summaryView) };
}

/** One query: the form with everything the detail view shows, scope-checked. */
export async function getForm(ctx: AppContext, actor: Actor, id: string): Promise<FormDetailView> {
  const r = await forms.getDetail(ctx.store.db, id);
  if (!r || !inScope(actor, r.orgPath)) throw notFound('自评表');
  const view = detailView(actor, r);
  if (view.canAdjust) view.canAdjust = await noAdjustmentInFlight(ctx, r);
  return view;
}

/**
 * lifecycle.md §3: one adjustment in flight per project, and only the newest version is adjusted.
 * Read only for an approved declaration the actor could adjust (one small query).
 */
async function noAdjustmentInFlight(
  ctx: AppContext,
  r: { projectId: string; year: number; version: number },
): Promise<boolean> {
  const chain = await chainForms(ctx.store.db, r.projectId, r.year);
  const settled = ['approved', 'published', 'rejected', 'superseded'];
  return !chain.some(
    (f) => f.kind === 'project-target-declaration' && f.version > r.version && !settled.includes(f.status),
  );
}

/** A form's summary and what the actor may do, without the Form JSON (cheap answers to saves). */
export async function getFormSummary(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Omit<FormDetailView, 'data' | 'createdAt' | 'createdBy'>> {
  const r = await forms.getSummary(ctx.store.db, id);
  if (!r || !inScope(actor, r.orgPath)) throw notFound('自评表');
  return {
    ...summaryView(r),
    canEdit: canEdit(actor, r.status, r.kind),
    allowedActions: allowedActions(actor, r.status, r.kind),
    canAdjust: canAdjustStatus(actor, r) && (await noAdjustmentInFlight(ctx, r)),
  };
}

/** The Form JSON of the current revision (or an older one), scope-checked. */
export async function loadFormJson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  revision?: number,
): Promise<{ form: Form; revision: number; profileId: string }> {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  if (revision === undefined || revision === head.revision) {
    const d = await forms.getData(db, id);
    if (!d) throw notFound('自评表');
    return { form: JSON.parse(d.data) as Form, revision: d.revision, profileId: head.profileId };
  }
  const r = await revisions.get(db, id, revision);
  if (!r) throw notFound(`第 ${revision} 版修订`);
  return { form: JSON.parse(r.data) as Form, revision, profileId: head.profileId };
}
