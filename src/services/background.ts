import type { AppContext } from './context.ts';
import { evaluatePending } from './evaluation.ts';
import { runJobItems, workerId } from './job-runner.ts';
import { createParsePool, defaultPoolSize, inProcessParser, type Parser } from './parse-pool.ts';
import { pruneSessions } from './sessions.ts';

// Background work of one server process: the evaluator (rule scores for lists and dashboards),
// the batch-job runner and housekeeping. Each polls the database, so work started by any process
// is found by all; `ctx.wake` lets this process's own writes start them at once.

export type WorkerOptions = {
  /** poll interval when idle. */
  pollMs?: number;
  /**
   * pause between evaluator passes (default 1 s): under a burst of saves each form is re-scored at
   * most once per pass, so scoring cannot take over the CPU that requests need.
   */
  evaluatorGapMs?: number;
  /** delay before each job item (tests use it to stop a server mid-job). */
  jobThrottleMs?: number;
  /**
   * worker threads reading batch files (default: one per core); 0 runs no batch items in this
   * process (left to `jixiao worker` processes), -1 reads them on this thread (tests).
   */
  jobThreads?: number;
  /** run the evaluator (default true; `jixiao worker` runs batch items only). */
  evaluator?: boolean;
  log?: (message: string) => void;
};

export type Workers = { stop(): Promise<void> };

type Loop = { wake(): void; stop(): Promise<void> };

function loop(
  step: (stopping: () => boolean) => Promise<boolean>,
  pollMs: number,
  gapMs: number,
  log: (m: string) => void,
): Loop {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  let wanted = false;
  let lastPass = 0;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, ms);
    timer.unref?.();
  };
  const run = () => {
    timer = null;
    if (stopped) return;
    if (running) {
      wanted = true;
      return;
    }
    wanted = false;
    lastPass = Date.now();
    running = (async () => {
      try {
        while (!stopped && (await step(() => stopped))) {
          if (gapMs > 0) break;
        }
      } catch (e) {
        log(`后台任务出错：${(e as Error)?.message ?? String(e)}`);
      }
    })().finally(() => {
      running = null;
      if (stopped) return;
      schedule(wanted ? Math.max(0, gapMs - (Date.now() - lastPass)) : pollMs);
    });
  };
  schedule(0);
  return {
    wake() {
      if (stopped) return;
      if (running) {
        wanted = true;
        return;
      }
      schedule(Math.max(0, gapMs - (Date.now() - lastPass)));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

const yieldToRequests = () => new Promise<void>((r) => setImmediate(r));

export function startWorkers(ctx: AppContext, options: WorkerOptions = {}): Workers {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const pollMs = options.pollMs ?? 1000;
  const owner = workerId();
  const evaluator =
    (options.evaluator ?? true)
      ? loop(
          async () => {
            let any = false;
            // One form at a time with a yield between, so scoring never holds up requests for long.
            while ((await evaluatePending(ctx, 1)) > 0) {
              any = true;
              await yieldToRequests();
            }
            return any;
          },
          pollMs,
          options.evaluatorGapMs ?? 1000,
          log,
        )
      : null;
  const threads = options.jobThreads ?? defaultPoolSize();
  const parser: Parser | null =
    threads === 0 ? null : threads < 0 ? inProcessParser : createParsePool({ size: threads });
  const jobRunner = parser
    ? loop(
        (stopping) =>
          runJobItems(ctx, owner, {
            parser,
            throttleMs: options.jobThrottleMs ?? 0,
            stopped: stopping,
            log,
          }),
        pollMs,
        0,
        log,
      )
    : null;
  const housekeeping = setInterval(() => {
    pruneSessions(ctx).catch((e) => log(`清理会话出错：${(e as Error).message}`));
  }, 3600_000);
  housekeeping.unref();
  if (parser && parser !== inProcessParser) ctx.parser = parser;
  ctx.wake.evaluator = () => evaluator?.wake();
  ctx.wake.jobs = () => jobRunner?.wake();
  return {
    async stop() {
      clearInterval(housekeeping);
      ctx.wake.evaluator = () => undefined;
      ctx.wake.jobs = () => undefined;
      delete ctx.parser;
      await Promise.all([evaluator?.stop(), jobRunner?.stop()]);
      await parser?.close();
    },
  };
}

/**
 * Runs batch items until none is left, then returns (`jixiao worker
 * --once`, benchmarks). Reads in a pool of `threads` worker threads (-1: on this thread).
 */
export async function drainJobs(
  ctx: AppContext,
  options: { threads?: number; throttleMs?: number; log?: (m: string) => void } = {},
): Promise<void> {
  const threads = options.threads ?? defaultPoolSize();
  const parser = threads < 0 ? inProcessParser : createParsePool({ size: Math.max(1, threads) });
  const owner = workerId();
  try {
    while (
      await runJobItems(ctx, owner, {
        parser,
        throttleMs: options.throttleMs ?? 0,
        ...(options.log ? { log: options.log } : {}),
      })
    );
  } finally {
    await parser.close();
  }
}
