import { hostname } from 'node:os';
import type { Form } from '../core/form/schema.ts';
import { type ItemOutcome, jobs, orgs, transaction, users } from '../store/index.ts';
import { type Actor, type AppContext, actorOf, iso } from './context.ts';
import {
  type CommitOutcome,
  commitInTransaction,
  readImport,
  resolveUnit,
  withUniqueRetry,
} from './imports.ts';
import { ServiceError } from './service-error.ts';

// Runs batch import jobs. A worker leases a job (lease_owner, lease_expires_at) and renews the
// lease as it goes; a worker that dies simply stops renewing, and another (or the restarted
// server) takes the job over where it stopped. Each file's forms are written in one transaction
// together with the item's "done" mark, so a file is either fully imported and counted, or not at
// all — never imported twice.

export const workerId = (): string =>
  `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

class LeaseLost extends Error {}

const later = (ctx: AppContext, ms: number): string => new Date(ctx.now().getTime() + ms).toISOString();

async function jobActor(ctx: AppContext, userId: string): Promise<Actor | null> {
  const u = await users.get(ctx.store.db, userId);
  if (!u) return null;
  const org = await orgs.get(ctx.store.db, u.orgId);
  if (!org) return null;
  return actorOf(u, org);
}

/** Claims the oldest runnable job and runs it to the end (or until its lease is lost). False when none. */
export async function runNextJob(
  ctx: AppContext,
  owner: string,
  options: { throttleMs?: number } = {},
): Promise<boolean> {
  const { db } = ctx.store;
  for (const id of await jobs.claimable(db, iso(ctx), 5)) {
    if (!(await jobs.claim(db, id, owner, iso(ctx), later(ctx, ctx.config.jobLeaseMs)))) continue;
    await runJob(ctx, owner, id, options.throttleMs ?? 0);
    return true;
  }
  return false;
}

async function runJob(ctx: AppContext, owner: string, jobId: string, throttleMs: number): Promise<void> {
  const { db } = ctx.store;
  const job = await jobs.get(db, jobId);
  if (!job) return;
  const actor = await jobActor(ctx, job.createdBy.id);
  if (!actor) {
    await jobs.finish(db, jobId, owner, 'failed', '创建任务的用户不存在', iso(ctx));
    return;
  }
  let renewAt = ctx.now().getTime() + ctx.config.jobLeaseMs / 3;
  try {
    for (;;) {
      if (ctx.now().getTime() >= renewAt) {
        if (!(await jobs.renew(db, jobId, owner, later(ctx, ctx.config.jobLeaseMs)))) return;
        renewAt = ctx.now().getTime() + ctx.config.jobLeaseMs / 3;
      }
      const item = await jobs.nextPendingItem(db, jobId);
      if (!item) break;
      if (throttleMs > 0) await new Promise((r) => setTimeout(r, throttleMs));
      await runItem(ctx, owner, actor, job.orgId, job.onExisting, item);
    }
    await jobs.finish(db, jobId, owner, 'done', null, iso(ctx));
  } catch (e) {
    if (e instanceof LeaseLost) return;
    throw e;
  }
}

async function runItem(
  ctx: AppContext,
  owner: string,
  actor: Actor,
  orgId: string | null,
  onExisting: 'fail' | 'new-revision' | 'skip',
  item: { jobId: string; position: number; fileName: string; content: Uint8Array },
): Promise<void> {
  const { db } = ctx.store;
  const complete = async (trx: typeof db, outcome: ItemOutcome) => {
    // The lease check and the item mark commit with the forms: a worker that lost the job
    // (cancelled, or taken over after its lease ran out) writes nothing.
    if (!(await jobs.renew(trx, item.jobId, owner, later(ctx, ctx.config.jobLeaseMs)))) throw new LeaseLost();
    if (!(await jobs.completeItem(trx, item.jobId, item.position, outcome, iso(ctx)))) throw new LeaseLost();
  };
  let forms: Form[];
  let warningCount = 0;
  try {
    const results = await readImport(item.content, item.fileName);
    forms = results.map((r) => r.form);
    warningCount = results.reduce((n, r) => n + r.warnings.length, 0);
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    await transaction(db, (trx) =>
      complete(trx, { status: 'failed', formId: null, error: e.message, warningCount: 0 }),
    );
    return;
  }
  try {
    await withUniqueRetry(() =>
      transaction(db, async (trx) => {
        const outcomes: CommitOutcome[] = [];
        for (const form of forms) {
          const org = await resolveUnit(trx, actor, form, orgId ?? undefined);
          outcomes.push(
            await commitInTransaction(
              trx,
              ctx,
              actor,
              org,
              form,
              onExisting,
              `批量导入 ${item.fileName}`,
              iso(ctx),
            ),
          );
        }
        const status = outcomes.every((o) => o.outcome === 'skipped') ? 'skipped' : 'done';
        await complete(trx, { status, formId: outcomes[0]?.formId ?? null, error: null, warningCount });
      }),
    );
    ctx.wake.evaluator();
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    await transaction(db, (trx) =>
      complete(trx, {
        status: 'failed',
        formId: null,
        error: `${item.fileName}：${e.message}`,
        warningCount,
      }),
    );
  }
}
