import type { Finding } from '../core/audit/types.ts';
import { evaluateForm } from '../core/evaluate.ts';
import type { Form } from '../core/form/schema.ts';
import {
  type DepartmentScore,
  lifecycleFindings,
  type MonitoringLights,
  monitoringLights,
  scoreDepartment,
} from '../core/lifecycle/index.ts';
import type { Profile } from '../core/rules/profile.ts';
import type { FormScore } from '../core/scoring/score-form.ts';
import { type FamilyCounts, FINDING_FAMILIES, forms, multiFormProjectYears } from '../store/index.ts';
import type { Actor, AppContext } from './context.ts';
import { formInScope } from './form-access.ts';
import { loadFormJson } from './form-read.ts';
import { parseForm } from './form-write.ts';
import { asStored, type ChainMember, chainFormView, loadChain, stageFindingsFor } from './lifecycle.ts';
import { loadProfile, profileForForm } from './profiles.ts';
import { ServiceError } from './service-error.ts';

export type LifecycleView = {
  kind: Form['kind'];
  lights: MonitoringLights | null;
  departmentScore: DepartmentScore | null;
  stageFindings: Finding[];
  chain: ReturnType<typeof chainFormView>[];
};

export type EvaluationView = {
  profile: { id: string; name: string };
  revision?: number;
  score: FormScore;
  findings: Finding[];
  lifecycle: LifecycleView;
};

/**
 * A form's own evaluation by kind: a self-evaluation keeps its score and audit exactly as before;
 * the other kinds are checked by their lifecycle rules (lifecycle.md §4.1, §4.2, X15), and the
 * self-evaluation audit, which reads 实际完成值 and 得分 they do not print, is not run on them.
 */
function evaluateOwn(form: Form, profile: Profile) {
  const { score, findings } = evaluateForm(form, profile);
  if (form.kind === 'project-self-evaluation') return { score, findings };
  return { score, findings: lifecycleFindings(form, profile) };
}

function lifecycleOf(
  form: Form,
  profile: Profile,
  chain: readonly ChainMember[],
  member: ChainMember | null,
): LifecycleView {
  return {
    kind: form.kind,
    lights: form.kind === 'project-monitoring' ? monitoringLights(form, profile) : null,
    departmentScore: form.kind === 'department-self-evaluation' ? scoreDepartment(form, profile) : null,
    stageFindings: member ? stageFindingsFor(member, chain, profile) : [],
    chain: chain.map(chainFormView),
  };
}

function profileOrThrow(id: string): Profile {
  const p = loadProfile(id);
  if (!p.ok) throw new ServiceError('bad-request', p.reason);
  return p.value;
}

/** Score and audit of a stored form (current or older revision) under a profile (default: the form's). */
export async function evaluateStored(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: { profile?: string | undefined; revision?: number | undefined },
): Promise<EvaluationView> {
  const { form, revision, profileId } = await loadFormJson(ctx, actor, id, q.revision);
  const profile = profileOrThrow(q.profile ?? profileId);
  const head = await formInScope(ctx.store.db, actor, id);
  const chain = await loadChain(ctx.store.db, head.projectId, head.year);
  const stored = chain.find((m) => m.summary.id === id);
  // an older revision is checked against today's chain, in its own words
  const member = stored ? { summary: stored.summary, form: asStored(stored.summary, form) } : null;
  const others = chain.map((m) => (m === stored && member ? member : m));
  return {
    profile: { id: profile.id, name: profile.name },
    revision,
    ...evaluateOwn(form, profile),
    lifecycle: lifecycleOf(form, profile, others, member),
  };
}

/** Score and audit of posted Form JSON; nothing is stored. */
export function evaluatePosted(input: { form: unknown; profile?: string | undefined }): EvaluationView {
  const form = parseForm(input.form);
  const profile = profileOrThrow(profileForForm(form, input.profile));
  return {
    profile: { id: profile.id, name: profile.name },
    ...evaluateOwn(form, profile),
    lifecycle: lifecycleOf(form, profile, [], null),
  };
}

/**
 * The stored numbers of an evaluation: a self-evaluation's rule total and grade, a department
 * form's §4.4 score and grade, none for a declaration or a monitoring report (nothing is scored);
 * the finding counts include the cross-stage findings about the form.
 */
export function summarise(form: Form, profile: Profile, stage: readonly Finding[] = []) {
  const { score, findings } = evaluateOwn(form, profile);
  const all = [...findings, ...stage];
  const byFamily = Object.fromEntries(FINDING_FAMILIES.map((f) => [f, 0])) as FamilyCounts;
  for (const f of all) byFamily[f.family] += 1;
  let ruleTotal: number | null = null;
  let grade: string | null = null;
  if (form.kind === 'project-self-evaluation') {
    ruleTotal = score.ruleTotal;
    grade = score.grade ?? null;
  } else if (form.kind === 'department-self-evaluation') {
    const d = scoreDepartment(form, profile);
    ruleTotal = d.total;
    grade = d.grade;
  }
  return {
    ruleTotal,
    grade,
    findingCount: all.length,
    errorCount: all.filter((f) => f.severity === 'error').length,
    byFamily,
  };
}

/**
 * The background evaluator's step: scores forms whose stored evaluation is older than their
 * revision and stores rule total, grade and finding counts for lists and dashboards. Any number of
 * server processes may run it at once: a result is stored only for the revision it was computed
 * from, and computing twice gives the same numbers. Returns how many forms it evaluated.
 */
export async function evaluatePending(ctx: AppContext, limit = 50): Promise<number> {
  const { db } = ctx.store;
  const pending = await forms.pendingEvaluations(db, limit);
  // Only a project-year with more than one form has a chain to check (lifecycle.md §4.3).
  const chained = await multiFormProjectYears(
    db,
    pending.map((p) => p.projectId),
  );
  let done = 0;
  for (const p of pending) {
    let summary: ReturnType<typeof summarise>;
    try {
      const form = JSON.parse(p.data) as Form;
      // The form's stored profile; if that profile is gone, the one its template names (or national).
      const stored = loadProfile(p.profileId);
      const profile = stored.ok ? stored.value : profileOrThrow(profileForForm(form));
      let stage: Finding[] = [];
      if (chained.has(`${p.projectId}|${p.year}`)) {
        const chain = await loadChain(db, p.projectId, p.year);
        const member = chain.find((m) => m.summary.id === p.id);
        if (member) stage = stageFindingsFor(member, chain, profile);
      }
      summary = summarise(form, profile, stage);
    } catch (e) {
      process.stderr.write(`评分失败（自评表 ${p.id} 第 ${p.revision} 版）：${(e as Error).message}\n`);
      await forms.markEvaluationFailed(db, p.id, p.revision);
      continue;
    }
    if (await forms.writeEvaluation(db, p.id, p.revision, summary)) done++;
  }
  return done;
}

/** Runs evaluatePending until nothing is pending (tests, the demo seed, the bulk loader). */
export async function evaluateAll(ctx: AppContext): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await evaluatePending(ctx, 200);
    total += n;
    if (n === 0 && (await forms.countPending(ctx.store.db)) === 0) return total;
    if (n === 0) await new Promise((r) => setTimeout(r, 10));
  }
}
