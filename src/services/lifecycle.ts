import type { Finding } from '../core/audit/types.ts';
import {
  DECLARATION_STATUSES,
  type DeclarationStatus,
  type Form,
  type FormKind,
} from '../core/form/schema.ts';
import {
  checkStages,
  diffDeclarations,
  latestApproved,
  prefillMonitoring,
  prefillSelfEvaluation,
  startAdjustment,
  versionInForce,
} from '../core/lifecycle/index.ts';
import type { Profile } from '../core/rules/profile.ts';
import {
  chainForms,
  currentDataOf,
  type Db,
  type FormStatusWord,
  type FormSummaryRecord,
  isUniqueViolation,
  transaction,
} from '../store/index.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { formInScope } from './form-access.ts';
import { type FormDetailView, getForm, summaryView } from './form-read.ts';
import { insertForm, requireEditor } from './form-write.ts';
import { orgInScope, orgProfileForPath } from './org-admin.ts';
import { loadProfile, profileForForm } from './profiles.ts';
import { getProject } from './project-admin.ts';
import { notFound, ServiceError } from './service-error.ts';

// The lifecycle's use cases (lifecycle.md §3): a project's chain of forms for a year, declaration
// versions (adjustment, diff, superseding in services/workflow.ts), forms started from the chain
// (monitoring from the version in force, a self-evaluation from the latest approved version) and
// the cross-stage findings (§4.3) of a form against the rest of its chain.

const DECLARATION = 'project-target-declaration';
const MONITORING = 'project-monitoring';
const SELF = 'project-self-evaluation';

/** One stored form of a chain: its row and its Form JSON as the core reads it. */
export type ChainMember = { summary: FormSummaryRecord; form: Form };

/**
 * The stored status as the Form JSON's declaration status word, which the core's version rules
 * read (latestApproved, versionInForce): the store's review steps are still `submitted` there, a
 * published version is approved.
 */
function declarationStatus(status: FormStatusWord): DeclarationStatus {
  if (status === 'reviewed' || status === 'graded') return 'submitted';
  if (status === 'published') return 'approved';
  return (DECLARATION_STATUSES as readonly string[]).includes(status)
    ? (status as DeclarationStatus)
    : 'draft';
}

/** The form as the chain checks see it: stored status and version win over what the JSON says. */
export function asStored(
  summary: { kind: string; status: FormStatusWord; version: number },
  form: Form,
): Form {
  if (summary.kind !== DECLARATION) return form;
  return { ...form, status: declarationStatus(summary.status), version: summary.version };
}

/** Every form of a project in a year with its current Form JSON. */
export async function loadChain(db: Db, projectId: string, year: number): Promise<ChainMember[]> {
  const rows = await chainForms(db, projectId, year);
  const data = await currentDataOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((summary) => ({
    summary,
    form: asStored(summary, JSON.parse(data.get(summary.id) ?? 'null') as Form),
  }));
}

const ofKind = (chain: readonly ChainMember[], kind: FormKind) =>
  chain.filter((m) => m.summary.kind === kind);

/** A version ≥ 2 still on its way (not approved, rejected or superseded): lifecycle.md §3, one at a time. */
const IN_FLIGHT: readonly FormStatusWord[] = ['draft', 'submitted', 'returned', 'reviewed', 'graded'];
function adjustmentInFlight(chain: readonly ChainMember[]): ChainMember | null {
  return (
    ofKind(chain, DECLARATION).find((m) => m.summary.version >= 2 && IN_FLIGHT.includes(m.summary.status)) ??
    null
  );
}

/** The member holding the core's pick (the same Form object). */
const memberOf = (chain: readonly ChainMember[], form: Form | null): ChainMember | null =>
  form ? (chain.find((m) => m.form === form) ?? null) : null;

/** The profile a project's forms are judged by: its org's configured one, else the forms' template's. */
async function projectProfile(db: Db, orgPath: string, chain: readonly ChainMember[]): Promise<Profile> {
  const id =
    (await orgProfileForPath(db, orgPath)) ??
    chain[0]?.summary.profileId ??
    profileForForm(chain[0]?.form ?? { template: undefined });
  return profileOf(id);
}

async function projectContext(ctx: AppContext, actor: Actor, projectId: string, year: number) {
  const { db } = ctx.store;
  const project = await getProject(ctx, actor, projectId);
  const org = await orgInScope(db, actor, project.orgId);
  const chain = await loadChain(db, projectId, year);
  const profile = await projectProfile(db, org.path, chain);
  return { project, org, chain, profile };
}

export const chainFormView = (m: ChainMember) => ({
  id: m.summary.id,
  kind: m.summary.kind,
  year: m.summary.year,
  version: m.summary.version,
  status: m.summary.status,
  asOfMonth: m.form.asOfMonth ?? null,
  targetVersion: m.form.targetVersion ?? null,
});

const versionView = (m: ChainMember) => ({
  ...summaryView(m.summary),
  supersedes: m.form.supersedes ?? null,
  adjustment: m.form.adjustment ?? null,
  approval: m.form.approval ?? null,
  review: m.form.review ?? null,
});

const isEditor = (actor: Actor) => actor.role === 'unit-filler' || actor.role === 'admin';

/** GET /api/projects/:id/chain?year= */
export async function projectChain(ctx: AppContext, actor: Actor, projectId: string, year: number) {
  const { project, chain, profile } = await projectContext(ctx, actor, projectId, year);
  const declarations = ofKind(chain, DECLARATION);
  const approved = memberOf(chain, latestApproved(declarations.map((m) => m.form)));
  const inFlight = adjustmentInFlight(chain);
  const monitoring = ofKind(chain, MONITORING).sort(
    (a, b) => (a.form.asOfMonth ?? 0) - (b.form.asOfMonth ?? 0),
  );
  const self = ofKind(chain, SELF)[0] ?? null;
  const monthsTaken = new Set(monitoring.map((m) => m.form.asOfMonth));
  return {
    projectId: project.id,
    projectName: project.name,
    orgId: project.orgId,
    year,
    declarations: declarations.map(versionView),
    latestApprovedId: approved?.summary.id ?? null,
    adjustmentInFlightId: inFlight?.summary.id ?? null,
    monitoring: monitoring.map((m) => ({ ...summaryView(m.summary), asOfMonth: m.form.asOfMonth ?? null })),
    selfEvaluation: self ? summaryView(self.summary) : null,
    monitoringMonths: [...profile.lifecycle.monitoringMonths],
    canAdjust: isEditor(actor) && approved !== null && inFlight === null,
    canCreateMonitoring:
      isEditor(actor) &&
      approved !== null &&
      profile.lifecycle.monitoringMonths.some((m) => !monthsTaken.has(m)),
    canCreateSelfEvaluation: isEditor(actor) && approved !== null && self === null,
  };
}

async function declarationInScope(ctx: AppContext, actor: Actor, id: string) {
  const head = await formInScope(ctx.store.db, actor, id);
  if (head.kind !== DECLARATION) throw new ServiceError('bad-request', '只有绩效目标申报表有版本');
  return head;
}

/** GET /api/forms/:id/versions: the declaration versions of the form's project-year, oldest first. */
export async function listVersions(ctx: AppContext, actor: Actor, id: string) {
  const head = await declarationInScope(ctx, actor, id);
  const chain = await loadChain(ctx.store.db, head.projectId, head.year);
  return ofKind(chain, DECLARATION).map(versionView);
}

/** GET /api/forms/:id/diff?against=: rows added, removed and changed between two versions (by indicatorId). */
export async function diffVersions(ctx: AppContext, actor: Actor, id: string, againstId: string) {
  const a = await declarationInScope(ctx, actor, id);
  const b = await declarationInScope(ctx, actor, againstId);
  if (a.projectId !== b.projectId || a.year !== b.year) {
    throw new ServiceError('bad-request', '只能比较同一项目同一年度的两个版本');
  }
  const chain = await loadChain(ctx.store.db, a.projectId, a.year);
  const pick = (formId: string) => chain.find((m) => m.summary.id === formId)!;
  const [older, newer] = a.version <= b.version ? [pick(a.id), pick(b.id)] : [pick(b.id), pick(a.id)];
  const d = diffDeclarations(older.form, newer.form);
  return {
    older: { formId: older.summary.id, version: older.summary.version },
    newer: { formId: newer.summary.id, version: newer.summary.version },
    added: d.added.map((r) => ({ indicatorId: r.indicatorId, index: r.index, row: r.after })),
    removed: d.removed.map((r) => ({ indicatorId: r.indicatorId, index: r.index, row: r.before })),
    modified: d.modified.map((r) => ({
      indicatorId: r.indicatorId,
      index: r.afterIndex,
      name: r.after.name,
      changes: r.changes,
    })),
    form: d.fields,
  };
}

/**
 * POST /api/forms/:id/adjustments: a new draft version from an approved one (lifecycle.md §3; 88号
 * 第二十八条). The approved version stays as it is; only the latest approved version can be
 * adjusted, and only when no other adjustment of the project-year is on its way.
 */
export async function adjustDeclaration(
  ctx: AppContext,
  actor: Actor,
  id: string,
  req: { trigger: string; reason: string; budgetAdjustmentRef?: string | undefined },
): Promise<FormDetailView> {
  const head = await declarationInScope(ctx, actor, id);
  requireEditor(actor, DECLARATION, '调整');
  const { db } = ctx.store;
  const org = await orgInScope(db, actor, head.orgId);
  const now = iso(ctx);
  let newId: string;
  try {
    newId = await transaction(db, async (trx) => {
      const chain = await loadChain(trx, head.projectId, head.year);
      const source = chain.find((m) => m.summary.id === id)!;
      if (source.summary.status !== 'approved') {
        throw new ServiceError('invalid-transition', '只能调整已批复的绩效目标（调整须以批复的版本为基础）');
      }
      const inFlight = adjustmentInFlight(chain);
      if (inFlight) {
        throw new ServiceError(
          'conflict',
          `该项目 ${head.year} 年度已有一项调整（第 ${inFlight.summary.version} 版）尚未办结，请先完成或删除它`,
          { formId: inFlight.summary.id },
        );
      }
      const newest = Math.max(...ofKind(chain, DECLARATION).map((m) => m.summary.version));
      if (source.summary.version !== newest) {
        throw new ServiceError('conflict', `只能调整最新批复的版本（第 ${newest} 版）`);
      }
      const adjustment = {
        trigger: req.trigger.trim(),
        reason: req.reason.trim(),
        ...(req.budgetAdjustmentRef?.trim() ? { budgetAdjustmentRef: req.budgetAdjustmentRef.trim() } : {}),
      };
      // the new version itself (rows with their 年初指标值, supersedes) is the core's (lifecycle/workflow.ts)
      const started = startAdjustment(
        ofKind(chain, DECLARATION).map((m) => m.form),
        adjustment,
      );
      if (!started.ok) throw new ServiceError('conflict', started.reason);
      const { versionName: _n, ...next } = started.value;
      return (
        await insertForm(
          trx,
          ctx,
          actor,
          {
            projectId: head.projectId,
            orgId: head.orgId,
            orgPath: org.path,
            form: next,
            profileId: head.profileId,
            note: `调整：${adjustment.trigger}（由第 ${source.summary.version} 版）`,
          },
          now,
        )
      ).id;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', '该版本已由他人同时创建，请刷新');
    throw e;
  }
  ctx.wake.evaluator();
  return getForm(ctx, actor, newId);
}

/**
 * POST /api/projects/:id/monitoring: a monitoring report for 1–N月, pre-filled from the version in
 * force at the end of that month (lifecycle.md §3). The period must be one the profile allows.
 */
export async function createMonitoring(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  req: {
    year: number;
    asOfMonth: number;
    monitoringType?: string | undefined;
    profileId?: string | undefined;
  },
): Promise<FormDetailView> {
  const { project, org, chain, profile } = await projectContext(ctx, actor, projectId, req.year);
  requireEditor(actor, MONITORING, '新建');
  const allowed = profile.lifecycle.monitoringMonths;
  if (!allowed.includes(req.asOfMonth)) {
    throw new ServiceError(
      'bad-request',
      `监控时点须为 ${allowed.map((m) => `1–${m}月`).join('、')}（规则配置“${profile.name}”），不能按 1–${req.asOfMonth}月 监控`,
    );
  }
  const declarations = ofKind(chain, DECLARATION).map((m) => m.form);
  const inForce = versionInForce(declarations, req.asOfMonth);
  if (!inForce) {
    throw new ServiceError('bad-request', `该项目 ${req.year} 年度没有已批复的绩效目标，无法开展运行监控`);
  }
  if (ofKind(chain, MONITORING).some((m) => m.form.asOfMonth === req.asOfMonth)) {
    throw new ServiceError('conflict', `该项目 ${req.year} 年度 1–${req.asOfMonth}月 的运行监控表已存在`);
  }
  const form: Form = {
    ...prefillMonitoring(inForce, req.asOfMonth),
    ...(req.monitoringType?.trim() ? { monitoringType: req.monitoringType.trim() } : {}),
  };
  return insertStageForm(
    ctx,
    actor,
    project.id,
    org,
    form,
    req.profileId,
    `按第 ${inForce.version ?? 1} 版目标预填`,
  );
}

/**
 * POST /api/projects/:id/self-evaluation: the self-evaluation pre-filled from the latest approved
 * version and the latest monitoring report (lifecycle.md §3), `targetVersion` set.
 */
export async function createSelfEvaluationFromTargets(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  req: { year: number; profileId?: string | undefined },
): Promise<FormDetailView> {
  const { project, org, chain } = await projectContext(ctx, actor, projectId, req.year);
  requireEditor(actor, SELF, '新建');
  const approved = latestApproved(ofKind(chain, DECLARATION).map((m) => m.form));
  if (!approved) {
    throw new ServiceError(
      'bad-request',
      `该项目 ${req.year} 年度没有已批复的绩效目标，无法按目标预填自评表`,
    );
  }
  if (ofKind(chain, SELF).length > 0) {
    throw new ServiceError('conflict', `该项目 ${req.year} 年度的自评表已存在`);
  }
  const monitoring = ofKind(chain, MONITORING)
    .map((m) => m.form)
    .sort((a, b) => (b.asOfMonth ?? 0) - (a.asOfMonth ?? 0))[0];
  const form = prefillSelfEvaluation(approved, monitoring ?? null);
  return insertStageForm(
    ctx,
    actor,
    project.id,
    org,
    form,
    req.profileId,
    `按第 ${approved.version ?? 1} 版批复目标预填`,
  );
}

async function insertStageForm(
  ctx: AppContext,
  actor: Actor,
  projectId: string,
  org: { id: string; path: string },
  form: Form,
  profileId: string | undefined,
  note: string,
): Promise<FormDetailView> {
  if (profileId !== undefined && !loadProfile(profileId).ok) {
    throw new ServiceError('bad-request', `规则配置“${profileId}”不存在`);
  }
  const { db } = ctx.store;
  const now = iso(ctx);
  let id: string;
  try {
    id = await transaction(
      db,
      async (trx) =>
        (
          await insertForm(
            trx,
            ctx,
            actor,
            { projectId, orgId: org.id, orgPath: org.path, form, profileId, note },
            now,
          )
        ).id,
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw new ServiceError('conflict', '该表已存在');
    throw e;
  }
  ctx.wake.evaluator();
  return getForm(ctx, actor, id);
}

// ---- cross-stage findings ----

const STAGE: Record<FormKind, number> = {
  [DECLARATION]: 0,
  [MONITORING]: 1,
  [SELF]: 2,
  'department-self-evaluation': 3,
};

const key = (f: Finding): string => JSON.stringify([f.code, f.row ?? null, f.field, f.message]);

/**
 * The X findings about one form (lifecycle.md §4.3): those the core reports over the form and the
 * earlier stages of its chain (every other declaration version for a declaration) that it does
 * not report without the form. So a self-evaluation's changed target is its own finding, and the
 * declaration it was filled from is not blamed for it.
 */
export function stageFindingsFor(
  member: ChainMember,
  chain: readonly ChainMember[],
  profile: Profile,
): Finding[] {
  if (member.summary.kind === 'department-self-evaluation') return [];
  const stage = STAGE[member.summary.kind];
  const earlier = chain.filter(
    (m) =>
      m.summary.id !== member.summary.id &&
      (STAGE[m.summary.kind] < stage || (m.summary.kind === DECLARATION && stage === 0)),
  );
  const context = [...earlier.map((m) => m.form), member.form];
  const withForm = checkStages(context, profile);
  if (withForm.length === 0) return [];
  const without = new Map<string, number>();
  for (const f of checkStages(
    earlier.map((m) => m.form),
    profile,
  ))
    without.set(key(f), (without.get(key(f)) ?? 0) + 1);
  return withForm.filter((f) => {
    const n = without.get(key(f)) ?? 0;
    if (n === 0) return true;
    without.set(key(f), n - 1);
    return false;
  });
}

/** GET /api/forms/:id/stage-findings */
export async function stageFindings(ctx: AppContext, actor: Actor, id: string) {
  const { db } = ctx.store;
  const head = await formInScope(db, actor, id);
  const chain = await loadChain(db, head.projectId, head.year);
  const member = chain.find((m) => m.summary.id === id);
  if (!member) throw notFound('表');
  const profile = profileOf(head.profileId);
  return { findings: stageFindingsFor(member, chain, profile), chain: chain.map(chainFormView) };
}

export function profileOf(id: string): Profile {
  const p = loadProfile(id);
  if (p.ok) return p.value;
  const national = loadProfile();
  if (!national.ok) throw new Error(national.reason);
  return national.value;
}
