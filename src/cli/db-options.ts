import { hostname, userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AuditWho } from '../services/audit-trail.ts';
import type { AppContext } from '../services/context.ts';

// The database options of the operations commands (user, audit-log, migrate, backup, restore):
// the same places `serve` uses — ./data or JIXIAO_DATA_DIR for SQLite and evidence files,
// DATABASE_URL for PostgreSQL — and the deployment's password rules from the environment.

export type DbOptions = { dataDir?: string; databaseUrl?: string };

export function withDbOptions(command: Command): Command {
  return command
    .option('-d, --data-dir <dir>', '数据目录（环境变量 JIXIAO_DATA_DIR，默认 ./data）')
    .option('--database-url <url>', 'PostgreSQL 连接串（环境变量 DATABASE_URL）');
}

export function dataDirOf(opts: DbOptions): string {
  return resolve(opts.dataDir ?? process.env['JIXIAO_DATA_DIR'] ?? 'data');
}

export function databaseUrlOf(opts: DbOptions): string | undefined {
  return opts.databaseUrl ?? (process.env['DATABASE_URL'] || undefined);
}

/** Opens the database for a command; refuses a schema it does not know or one that needs `jixiao migrate`. */
export async function openCliContext(
  opts: DbOptions,
  migrate: 'if-empty' | false = 'if-empty',
): Promise<AppContext & { close(): Promise<void> }> {
  // Loaded on use: the store and services are most of the start-up time, and --help needs neither.
  const [{ configFromEnv }, { openContext }] = await Promise.all([
    import('../services/config-env.ts'),
    import('../services/context.ts'),
  ]);
  return openContext({
    dataDir: dataDirOf(opts),
    databaseUrl: databaseUrlOf(opts),
    migrate,
    config: configFromEnv(process.env),
  });
}

/** Runs `fn` with an open context and closes it whatever happens. */
export async function withContext<T>(
  opts: DbOptions,
  fn: (ctx: AppContext) => Promise<T>,
  migrate: 'if-empty' | false = 'if-empty',
): Promise<T> {
  const ctx = await openCliContext(opts, migrate);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

/** Who acts from the command line, for the audit log: the operating-system user on this host. */
export function cliWho(): AuditWho {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (containers)
  }
  return { userId: null, username: `命令行 ${user}@${hostname()}`, ip: null };
}

/** One line from standard input (a password piped in, not typed on the command line). */
export async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}
