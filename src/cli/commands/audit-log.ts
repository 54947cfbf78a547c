import type { Command } from 'commander';
import { cliWho, type DbOptions, withContext, withDbOptions } from '../db-options.ts';
import { CliExit, EXIT } from '../exit.ts';

/** `jixiao audit-log verify | prune`. */
export function registerAuditLog(program: Command): void {
  const log = program.command('audit-log').description('审计日志：校验哈希链、按保存期限清理');

  withDbOptions(
    log
      .command('verify')
      .description('逐条校验审计日志的哈希链，报告第一处断链（退出码 1）')
      .option('--json', '输出 JSON'),
  ).action(async (opts: DbOptions & { json?: boolean }) => {
    const { verifyAuditChain } = await import('../../services/audit-verify.ts');
    const r = await withContext(opts, (ctx) => verifyAuditChain(ctx), false);
    if (opts.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    else if (r.ok) {
      process.stdout.write(
        `审计日志完整：第 ${r.firstSeq}–${r.lastSeq} 条，共 ${r.entries} 条，哈希链无断点。\n末条哈希 ${r.headHash}（可另行记录，用于日后比对）\n`,
      );
    }
    if (!r.ok) {
      const b = r.broken!;
      throw new CliExit(
        EXIT.findings,
        opts.json
          ? ''
          : `审计日志被篡改：${b.reason}${b.id ? `（记录 id ${b.id}${b.at ? `，时间 ${b.at}` : ''}）` : ''}\n此前 ${r.entries} 条校验通过。`,
      );
    }
  });

  withDbOptions(
    log
      .command('prune')
      .description('删除某日及以前的审计日志（只允许六个月以前的；删除本身记入日志）')
      .requiredOption('--before <date>', '日期（YYYY-MM-DD，含当日）'),
  ).action(async (opts: DbOptions & { before: string }) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.before) || Number.isNaN(Date.parse(opts.before)))
      throw new CliExit(EXIT.badInput, `日期应为 YYYY-MM-DD：${opts.before}`);
    const before = new Date(`${opts.before}T23:59:59.999Z`);
    const { pruneAuditLog, retentionCutoff } = await import('../../services/audit-verify.ts');
    const r = await withContext(opts, (ctx) => pruneAuditLog(ctx, cliWho(), before));
    process.stdout.write(
      r.removed
        ? `已删除 ${r.removed} 条（至第 ${r.throughSeq} 条）；哈希链从第 ${r.throughSeq + 1} 条起校验\n`
        : `没有可删除的记录（最早可删到 ${retentionCutoff(new Date()).toISOString().slice(0, 10)}）\n`,
    );
  });
}
