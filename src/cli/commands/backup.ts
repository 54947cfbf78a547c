import type { Command } from 'commander';
import {
  cliWho,
  type DbOptions,
  databaseUrlOf,
  dataDirOf,
  withContext,
  withDbOptions,
} from '../db-options.ts';

const MB = (n: number): string => `${(n / 1048576).toFixed(1)} MB`;

/** `jixiao backup FILE` and `jixiao restore FILE`. */
export function registerBackup(program: Command): void {
  withDbOptions(
    program
      .command('backup')
      .description('备份整个数据库与佐证文件到一个 zip（服务运行时也可备份，内容一致）')
      .argument('<file>', '备份文件，如 jixiao-20240301.zip'),
  ).action(async (file: string, opts: DbOptions) => {
    const { createBackup } = await import('../../services/backup.ts');
    const r = await withContext(opts, (ctx) => createBackup(ctx, file, cliWho()), false);
    const rows = Object.values(r.manifest.tables).reduce((a, t) => a + t.rows, 0);
    process.stdout.write(
      `已备份到 ${r.file}（${MB(r.bytes)}）：${rows} 行数据，${r.manifest.evidence.files} 个佐证文件，` +
        `审计日志至第 ${r.manifest.audit?.seq ?? 0} 条\n`,
    );
    if (r.manifest.evidence.missing.length > 0)
      process.stderr.write(
        `⚠ 数据目录中缺少 ${r.manifest.evidence.missing.length} 个佐证文件（已记入清单）：${r.manifest.evidence.missing.slice(0, 5).join('、')}\n`,
      );
  });

  withDbOptions(
    program
      .command('restore')
      .description('把备份还原到空数据库（SQLite 或 PostgreSQL，可跨库迁移），再升级到本程序的结构')
      .argument('<file>', '备份文件'),
  ).action(async (file: string, opts: DbOptions) => {
    const { restoreBackup } = await import('../../services/backup.ts');
    const r = await restoreBackup(
      { dataDir: dataDirOf(opts), databaseUrl: databaseUrlOf(opts) },
      file,
      cliWho(),
    );
    const rows = Object.values(r.rows).reduce((a, n) => a + n, 0);
    process.stdout.write(
      `已还原到 ${r.dialect} ${r.location}：${rows} 行数据，${r.evidenceFiles} 个佐证文件` +
        `（备份于 ${r.manifest.createdAt}，来自 ${r.manifest.source.dialect}）\n` +
        (r.migrated.length ? `已升级数据库结构：${r.migrated.join('、')}\n` : '') +
        '建议运行 jixiao audit-log verify 校验审计日志\n',
    );
  });
}
