import { resolve } from 'node:path';
import { startWorkers, type WorkerOptions } from '../services/background.ts';
import { type AppContext, openContext, type ServiceConfig } from '../services/context.ts';
import { seedDemoIfEmpty } from '../services/demo-seed.ts';
import { buildApp } from './app.ts';

export type StartOptions = {
  port?: number;
  host?: string;
  /** SQLite file and evidence files; default ./data. */
  dataDir?: string;
  /** postgres://… selects PostgreSQL (the data dir still holds evidence files). */
  databaseUrl?: string;
  /** seed the demo org tree, users and form into an empty database (default true; JIXIAO_DEMO=0 turns it off). */
  demo?: boolean;
  logger?: boolean | { level: string };
  workers?: WorkerOptions | false;
  config?: Partial<ServiceConfig>;
  webDir?: string;
};

export type RunningServer = { url: string; ctx: AppContext; close(): Promise<void> };

const envNumber = (name: string): number | undefined => {
  const v = process.env[name];
  return v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
};

/**
 * Opens the database (migrating it), seeds an empty one, starts the HTTP server and the
 * background workers. Everything shared lives in the database, so any number of these may run
 * against one PostgreSQL.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir ?? process.env['JIXIAO_DATA_DIR'] ?? 'data');
  const databaseUrl = options.databaseUrl ?? process.env['DATABASE_URL'] ?? undefined;
  const lease = envNumber('JIXIAO_JOB_LEASE_MS');
  const ctx = await openContext({
    dataDir,
    databaseUrl,
    config: { ...(lease ? { jobLeaseMs: lease } : {}), ...options.config },
  });
  const { store } = ctx;
  let workers: { stop(): Promise<void> } | null = null;
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    if (options.demo ?? process.env['JIXIAO_DEMO'] !== '0') await seedDemoIfEmpty(ctx);
    app = await buildApp(ctx, {
      logger: options.logger ?? { level: process.env['LOG_LEVEL'] ?? 'info' },
      secureCookies: process.env['JIXIAO_SECURE_COOKIE'] === '1',
      trustProxy: process.env['JIXIAO_TRUST_PROXY'] === '1',
      ...(options.webDir ? { webDir: options.webDir } : {}),
    });
    const port = options.port ?? envNumber('PORT') ?? 3000;
    const host = options.host ?? process.env['HOST'] ?? '0.0.0.0';
    const address = await app.listen({ port, host });
    if (options.workers !== false) {
      const throttle = envNumber('JIXIAO_JOB_THROTTLE_MS');
      workers = startWorkers(ctx, {
        ...(throttle ? { jobThrottleMs: throttle } : {}),
        log: (m) => app?.log.warn(m),
        ...(options.workers || {}),
      });
    }
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    app.log.info(`jixiao 已启动：${url}（数据库：${store.dialect} ${store.location}）`);
    const running = app;
    return {
      url,
      ctx,
      close: async () => {
        await workers?.stop();
        await running.close();
        await ctx.close();
      },
    };
  } catch (e) {
    await workers?.stop();
    await app?.close();
    await ctx.close();
    throw e;
  }
}
