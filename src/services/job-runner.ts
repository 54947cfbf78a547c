import { hostname } from 'node:os';
import type { ImportResult } from '../core/form/import-result.ts';
import type { Form } from '../core/form/schema.ts';
import { FormatError } from '../formats/format-error.ts';
import { type ClaimedItem, type ItemOutcome, jobs, orgs, transaction, users } from '../store/index.ts';
import { type Actor, type AppContext, actorOf, iso } from './context.ts';
import {
  type CommitOutcome,
  commitInTransaction,
  resolveUnit,
  serviceErrorOf,
  withUniqueRetry,
} from './imports.ts';
import { inProcessParser, type Parser } from './parse-pool.ts';
import { ServiceError } from './service-error.ts';

// Runs the items of batch import jobs. Items, not jobs, are claimed: any number of workers — the
// app servers' own runners and `jixiao worker` processes on other machines sharing one PostgreSQL
// — take a few items at a time (`for update skip locked`, repositories/jobs.ts), read them in a
// pool of worker threads, and write each file's forms in one transaction together with the item's
// "done" mark and the lease check. A worker that dies stops renewing its leases; when they run out
// its items are claimed by the others. So a file is either fully imported and counted, or not at
// all — never imported twice, whoever runs it.

export const workerId = (): string =>
  `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/** A file whose worker died this many times (it may be what kills them) is given up. */
export const MAX_ATTEMPTS = 3;

class LeaseLost extends Error {}

const later = (ctx: AppContext, ms: number): string => new Date(ctx.now().getTime() + ms).toISOString();

/** Lets the event loop answer requests between files (better-sqlite3 runs a whole transaction synchronously). */
const yieldToRequests = () => new Promise<void>((r) => setImmediate(r));

export type RunnerOptions = {
  parser?: Parser;
  /** delay before each item (tests use it to stop a worker mid-job). */
  throttleMs?: number;
  /**
   * items held at once; default twice the pool and at least 4, so no worker thread waits for the
   * next file. More are claimed when half are done: one claim (two statements) per few files.
   */
  window?: number;
  /** checked between items: a stopping process claims nothing more and finishes what it holds. */
  stopped?: () => boolean;
  log?: (message: string) => void;
};

async function jobActor(ctx: AppContext, userId: string): Promise<Actor | null> {
  const u = await users.get(ctx.store.db, userId);
  if (!u) return null;
  const org = await orgs.get(ctx.store.db, u.orgId);
  if (!org) return null;
  return actorOf(u, org);
}

type JobInfo = { actor: Actor | null; orgId: string | null; onExisting: 'fail' | 'new-revision' | 'skip' };

/**
 * Claims pending items of any job and runs them until none is left. False when there was nothing
 * to claim. Items are claimed as slots free up, so the pool is kept busy to the last file.
 */
export async function runJobItems(
  ctx: AppContext,
  owner: string,
  options: RunnerOptions = {},
): Promise<boolean> {
  const { db } = ctx.store;
  const parser = options.parser ?? inProcessParser;
  const window = Math.max(1, options.window ?? Math.max(4, parser.size * 2));
  // Claiming costs two statements on the shared tables; refilling only when half the window is
  // free claims several files at once (a claim per file was one in eight of a file's statements).
  const refillAt = Math.max(0, Math.floor(window / 2));
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const held = new Map<string, ClaimedItem>();
  const infos = new Map<string, Promise<JobInfo | null>>();
  const inFlight = new Set<Promise<void>>();
  let any = false;

  const info = (jobId: string) => {
    let p = infos.get(jobId);
    if (!p) {
      p = (async () => {
        const job = await jobs.get(db, jobId);
        if (!job) return null;
        return { actor: await jobActor(ctx, job.createdBy.id), orgId: job.orgId, onExisting: job.onExisting };
      })();
      infos.set(jobId, p);
    }
    return p;
  };

  // Renews the leases of the items held while they are read and written.
  const renewEvery = Math.max(50, ctx.config.jobLeaseMs / 3);
  const renewal = setInterval(() => {
    const byJob = new Map<string, number[]>();
    for (const item of held.values())
      byJob.set(item.jobId, [...(byJob.get(item.jobId) ?? []), item.position]);
    const until = later(ctx, ctx.config.jobLeaseMs);
    for (const [jobId, positions] of byJob)
      jobs
        .renewItems(db, jobId, positions, owner, until)
        .catch((e) => log(`续租批量任务出错：${(e as Error).message}`));
  }, renewEvery);
  renewal.unref();

  try {
    for (;;) {
      if (!options.stopped?.() && inFlight.size <= refillAt) {
        const claimed = await jobs.claimItems(
          db,
          owner,
          iso(ctx),
          later(ctx, ctx.config.jobLeaseMs),
          window - inFlight.size,
        );
        for (const item of claimed) {
          any = true;
          const key = `${item.jobId}/${item.position}`;
          held.set(key, item);
          const run: Promise<void> = runItem(ctx, owner, parser, info, item, options.throttleMs ?? 0)
            .catch((e) => {
              // Left pending: its lease runs out and it is tried again (MAX_ATTEMPTS in all).
              log(
                `批量任务 ${item.jobId} 第 ${item.position + 1} 个文件出错：${(e as Error)?.message ?? String(e)}`,
              );
            })
            .finally(() => {
              held.delete(key);
              inFlight.delete(run);
            });
          inFlight.add(run);
        }
      }
      if (inFlight.size === 0) return any;
      await Promise.race(inFlight);
    }
  } finally {
    clearInterval(renewal);
  }
}

async function runItem(
  ctx: AppContext,
  owner: string,
  parser: Parser,
  info: (jobId: string) => Promise<JobInfo | null>,
  item: ClaimedItem,
  throttleMs: number,
): Promise<void> {
  const { db } = ctx.store;
  const complete = async (trx: typeof db, outcome: ItemOutcome) => {
    // The lease check and the item mark commit with the forms: a worker that lost the item (the
    // job was cancelled, or its lease ran out and another worker took it) writes nothing.
    if (!(await jobs.completeItem(trx, item.jobId, item.position, owner, outcome, iso(ctx))))
      throw new LeaseLost();
  };
  const finish = async (outcome: ItemOutcome) => {
    await yieldToRequests();
    await transaction(db, (trx) => complete(trx, outcome)).catch(ignoreLost);
  };
  const job = await info(item.jobId);
  if (!job) return;
  if (!job.actor) {
    await jobs.fail(db, item.jobId, '创建任务的用户不存在', iso(ctx));
    return;
  }
  if (item.attempts > MAX_ATTEMPTS) {
    await finish({
      status: 'failed',
      formId: null,
      error: `${item.fileName}：已尝试 ${MAX_ATTEMPTS} 次，每次处理它的进程都中断了，不再重试`,
      warningCount: 0,
    });
    return;
  }
  if (throttleMs > 0) await new Promise((r) => setTimeout(r, throttleMs));
  let results: ImportResult[];
  try {
    results = await parser.bytes(item.content, item.fileName);
  } catch (e) {
    if (!(e instanceof FormatError)) throw e;
    await finish({ status: 'failed', formId: null, error: serviceErrorOf(e).message, warningCount: 0 });
    return;
  }
  const forms: Form[] = results.map((r) => r.form);
  const warningCount = results.reduce((n, r) => n + r.warnings.length, 0);
  const actor = job.actor;
  await yieldToRequests();
  try {
    await withUniqueRetry(() =>
      transaction(db, async (trx) => {
        const outcomes: CommitOutcome[] = [];
        for (const form of forms) {
          const org = await resolveUnit(trx, actor, form, job.orgId ?? undefined);
          outcomes.push(
            await commitInTransaction(
              trx,
              ctx,
              actor,
              org,
              form,
              job.onExisting,
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
    if (e instanceof LeaseLost) return;
    if (!(e instanceof ServiceError)) throw e;
    await finish({ status: 'failed', formId: null, error: `${item.fileName}：${e.message}`, warningCount });
  }
}

function ignoreLost(e: unknown): void {
  if (!(e instanceof LeaseLost)) throw e;
}
