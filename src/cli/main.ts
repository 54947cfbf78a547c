import { Command, CommanderError } from 'commander';
import { FormatError } from '../services/errors.ts';
import { ServiceError } from '../services/service-error.ts';
import { registerAudit } from './commands/audit.ts';
import { registerAuditLog } from './commands/audit-log.ts';
import { registerBackup } from './commands/backup.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExport } from './commands/export.ts';
import { registerImport } from './commands/import.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerReport } from './commands/report.ts';
import { registerScore } from './commands/score.ts';
import { registerServe } from './commands/serve.ts';
import { registerStages } from './commands/stages.ts';
import { registerUser } from './commands/user.ts';
import { CliExit, EXIT, exitForFormatCode } from './exit.ts';

export function buildProgram(): Command {
  const program = new Command('jixiao')
    .description('jixiao（绩效）：项目支出绩效自评表的导入、评分与审核')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerImport(program);
  registerScore(program);
  registerAudit(program);
  registerStages(program);
  registerExport(program);
  registerReport(program);
  registerDemo(program);
  registerServe(program);
  registerUser(program);
  registerAuditLog(program);
  registerMigrate(program);
  registerBackup(program);
  const exitOverride = (c: Command): void => {
    c.exitOverride();
    for (const sub of c.commands) exitOverride(sub);
  };
  for (const c of program.commands) exitOverride(c);
  return program;
}

/** Runs the CLI; every failure becomes a message and an exit code, never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliExit) {
      if (e.message) process.stderr.write(`${e.message}\n`);
      return e.code;
    }
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (e instanceof ServiceError) {
      process.stderr.write(`错误：${e.message}\n`);
      return e.code === 'missing-component' ? EXIT.missingComponent : EXIT.badInput;
    }
    if (e instanceof FormatError) {
      process.stderr.write(`错误：${e.message}\n`);
      return exitForFormatCode(e.code);
    }
    process.stderr.write(`内部错误：${(e as Error)?.message ?? String(e)}\n`);
    if (process.env['JIXIAO_DEBUG']) process.stderr.write(`${(e as Error)?.stack}\n`);
    return EXIT.badInput;
  }
}
