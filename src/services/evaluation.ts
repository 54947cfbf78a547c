import type { Finding } from '../core/audit/types.ts';
import { evaluateForm } from '../core/evaluate.ts';
import type { Form } from '../core/form/schema.ts';
import type { Profile } from '../core/rules/profile.ts';
import type { FormScore } from '../core/scoring/score-form.ts';
import { type FamilyCounts, FINDING_FAMILIES, forms } from '../store/index.ts';
import type { Actor, AppContext } from './context.ts';
import { loadFormJson } from './form-read.ts';
import { parseForm } from './form-write.ts';
import { loadProfile, profileForForm } from './profiles.ts';
import { ServiceError } from './service-error.ts';

export type EvaluationView = {
  profile: { id: string; name: string };
  revision?: number;
  score: FormScore;
  findings: Finding[];
};

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
  return { profile: { id: profile.id, name: profile.name }, revision, ...evaluateForm(form, profile) };
}

/** Score and audit of posted Form JSON; nothing is stored. */
export function evaluatePosted(input: { form: unknown; profile?: string | undefined }): EvaluationView {
  const form = parseForm(input.form);
  const profile = profileOrThrow(profileForForm(form, input.profile));
  return { profile: { id: profile.id, name: profile.name }, ...evaluateForm(form, profile) };
}

export function summarise(form: Form, profile: Profile) {
  const { score, findings } = evaluateForm(form, profile);
  const byFamily = Object.fromEntries(FINDING_FAMILIES.map((f) => [f, 0])) as FamilyCounts;
  for (const f of findings) byFamily[f.family] += 1;
  return {
    ruleTotal: score.ruleTotal,
    grade: score.grade ?? null,
    findingCount: findings.length,
    errorCount: findings.filter((f) => f.severity === 'error').length,
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
  let done = 0;
  for (const p of pending) {
    let summary: ReturnType<typeof summarise>;
    try {
      const form = JSON.parse(p.data) as Form;
      // The form's stored profile; if that profile is gone, the one its template names (or national).
      const stored = loadProfile(p.profileId);
      summary = summarise(form, stored.ok ? stored.value : profileOrThrow(profileForForm(form)));
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
