import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { type DbOptions, openCliContext, withDbOptions } from '../db-options.ts';
import { CliExit, EXIT } from '../exit.ts';

// `jixiao worker`: a process that only runs batch import items. Any number of them, on any number
// of machines, join the app servers on one PostgreSQL (README 扩展); each claims a few items at a
// time and reads them on every core of its machine. On SQLite it runs beside the server on the
// same machine (one writer at a time).

const envNumber = (name: string): number | undefined => {
  const v = process.env[name];
  return v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
};

export function registerWorker(program: Command): void {
  withDbOptions(
    program
      .command('worker')
      .description('批量导入工作进程：领取并处理批量导入任务的文件（多台机器可共用一个 PostgreSQL）')
      .option('-t, --threads <n>', `解析文件的线程数（默认为 CPU 核数，本机 ${availableParallelism()}）`)
      .option('--once', '处理完当前所有待处理的文件后退出'),
  ).action(async (opts: DbOptions & { threads?: string; once?: boolean }) => {
    if (opts.threads !== undefined && !/^[1-9]\d*$/.test(opts.threads))
      throw new CliExit(EXIT.badInput, `线程数必须是正整数：${opts.threads}`);
    // loaded here, not at the top: every command's module is loaded for `jixiao --version`
    const { drainJobs, startWorkers } = await import('../../services/background.ts');
    const { defaultPoolSize } = await import('../../services/parse-pool.ts');
    const threads = opts.threads ? Number(opts.threads) : defaultPoolSize();
    const lease = envNumber('JIXIAO_JOB_LEASE_MS');
    const throttleMs = envNumber('JIXIAO_JOB_THROTTLE_MS') ?? 0;
    const ctx = await openCliContext(opts, false);
    if (lease) ctx.config = { ...ctx.config, jobLeaseMs: lease };
    const log = (m: string) => process.stderr.write(`${m}\n`);
    try {
      process.stdout.write(
        `jixiao 批量导入工作进程已启动：pid ${process.pid}，${threads} 个解析线程，数据库 ${ctx.store.dialect}\n`,
      );
      if (opts.once) {
        await drainJobs(ctx, { threads, throttleMs, log });
        return;
      }
      const workers = startWorkers(ctx, {
        evaluator: false,
        jobThreads: threads,
        jobThrottleMs: throttleMs,
        log,
      });
      // The runner's timers do not hold the process open (a server's listening socket does); on
      // SQLite nothing else would, and the worker would exit at once.
      const keepAlive = setInterval(() => undefined, 1 << 30);
      await new Promise<void>((resolve) => {
        // SIGTERM: claim nothing more, finish the files held, then exit.
        const stop = () => {
          clearInterval(keepAlive);
          workers.stop().then(resolve, resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    } finally {
      await ctx.close();
    }
  });
}
