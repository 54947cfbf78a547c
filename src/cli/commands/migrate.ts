import type { Command } from 'commander';
import { type DbOptions, databaseUrlOf, dataDirOf, withDbOptions } from '../db-options.ts';

/** `jixiao migrate`: applies pending migrations explicitly (serve refuses a database that needs them). */
export function registerMigrate(program: Command): void {
  withDbOptions(
    program
      .command('migrate')
      .description('升级数据库结构（执行待执行的迁移；建议先 jixiao backup）')
      .option('--status', '只显示已执行与待执行的迁移，不升级'),
  ).action(async (opts: DbOptions & { status?: boolean }) => {
    const { migrateSchema } = await import('../../services/schema-admin.ts');
    const r = await migrateSchema(
      { dataDir: dataDirOf(opts), databaseUrl: databaseUrlOf(opts) },
      !opts.status,
    );
    process.stdout.write(
      `数据库：${r.location}\n已执行的迁移：${r.applied.length} 个（最新 ${r.applied.at(-1) ?? '无'}）\n`,
    );
    if (opts.status) {
      process.stdout.write(r.pending.length ? `待执行：${r.pending.join('、')}\n` : '没有待执行的迁移\n');
      return;
    }
    process.stdout.write(r.migrated.length ? `本次执行：${r.migrated.join('、')}\n` : '数据库结构已是最新\n');
  });
}
