import { resolve } from 'node:path';
import { startWorkers, type WorkerOptions } from '../services/background.ts';
import { configFromEnv, decideDemo, demoFromEnv, isLoopback } from '../services/config-env.ts';
import { type AppContext, openContext, type ServiceConfig } from '../services/context.ts';
import { countDemoUsers, seedDemoIfEmpty } from '../services/demo-seed.ts';
import { buildApp } from './app.ts';

export type StartOptions = {
  port?: number;
  host?: string;
  /** SQLite file and evidence files; default ./data. */
  dataDir?: string;
  /** postgres://… selects PostgreSQL (the data dir still holds evidence files). */
  databaseUrl?: string;
  /**
   * demo mode: seed the demo org tree, users and form into an empty database and let the demo
   * accounts sign in. Default (JIXIAO_DEMO unset): on while listening on loopback only.
   */
  demo?: boolean;
  /** apply pending migrations to a database that has data (JIXIAO_AUTO_MIGRATE=1); default: refuse. */
  autoMigrate?: boolean;
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
/** `JIXIAO_TRUST_PROXY`: '1' trusts any proxy; otherwise a comma-separated list of proxy addresses. */
function trustProxyFromEnv(v: string | undefined): boolean | string[] {
  if (!v || v === '0') return false;
  if (v === '1' || v === 'true') return true;
  return v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * Opens the database (migrating a new one), seeds an empty one in demo mode, starts the HTTP
 * server and the background workers. Everything shared lives in the database, so any number of
 * these may run against one PostgreSQL. Listens on 127.0.0.1 unless HOST (or `host`) says otherwise.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = resolve(options.dataDir ?? process.env['JIXIAO_DATA_DIR'] ?? 'data');
  const databaseUrl = options.databaseUrl ?? process.env['DATABASE_URL'] ?? undefined;
  const lease = envNumber('JIXIAO_JOB_LEASE_MS');
  const host = options.host ?? process.env['HOST'] ?? '127.0.0.1';
  const demo = decideDemo(options.demo ?? demoFromEnv(process.env), host);
  const autoMigrate = options.autoMigrate ?? process.env['JIXIAO_AUTO_MIGRATE'] === '1';
  const ctx = await openContext({
    dataDir,
    databaseUrl,
    migrate: autoMigrate ? 'latest' : 'if-empty',
    config: {
      ...configFromEnv(process.env),
      ...(lease ? { jobLeaseMs: lease } : {}),
      ...options.config,
      demoMode: demo,
    },
  });
  const { store } = ctx;
  let workers: { stop(): Promise<void> } | null = null;
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    if (demo) await seedDemoIfEmpty(ctx);
    const secureCookies = process.env['JIXIAO_SECURE_COOKIE'] === '1';
    app = await buildApp(ctx, {
      logger: options.logger ?? { level: process.env['LOG_LEVEL'] ?? 'info' },
      secureCookies,
      trustProxy: trustProxyFromEnv(process.env['JIXIAO_TRUST_PROXY']),
      ...(options.webDir ? { webDir: options.webDir } : {}),
    });
    const port = options.port ?? envNumber('PORT') ?? 3000;
    const address = await app.listen({ port, host });
    if (options.workers !== false) {
      const throttle = envNumber('JIXIAO_JOB_THROTTLE_MS');
      // JIXIAO_JOB_THREADS=0: this server leaves batch items to `jixiao worker` processes.
      const threads = envNumber('JIXIAO_JOB_THREADS');
      workers = startWorkers(ctx, {
        ...(throttle ? { jobThrottleMs: throttle } : {}),
        ...(threads !== undefined ? { jobThreads: threads } : {}),
        log: (m) => app?.log.warn(m),
        ...(options.workers || {}),
      });
    }
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    app.log.info(`jixiao 已启动：${url}（数据库：${store.dialect} ${store.location}）`);
    if (demo && !isLoopback(host))
      app.log.warn(
        `演示模式（JIXIAO_DEMO=1）且监听 ${host}：演示账号与公开的密码可从网络登录，正式部署请关闭演示模式`,
      );
    if (!demo && (await countDemoUsers(ctx)) > 0)
      app.log.warn('演示账号已停用（非演示模式）：请用 jixiao user add 创建正式账号');
    if (!isLoopback(host) && !secureCookies)
      app.log.warn('服务对网络开放但未启用 JIXIAO_SECURE_COOKIE=1：请放在 HTTPS 反向代理之后');
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
