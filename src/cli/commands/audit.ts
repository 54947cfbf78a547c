import type { Command } from 'commander';
import type { Finding } from '../../core/audit/types.ts';
import { CliExit, EXIT } from '../exit.ts';
import { writeImportWarnings } from '../import-warnings.ts';
import { table } from '../render.ts';

const SEVERITY_NAME = { error: '错误', warning: '警告', info: '提示' } as const;

export function renderFindings(title: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return `${title}：未发现问题。`;
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return [
    `${title}：${count('error')} 个错误，${count('warning')} 个警告，${count('info')} 个提示`,
    '',
    table(
      [{ title: '级别' }, { title: '位置' }, { title: '代码' }, { title: '说明', max: 120 }],
      findings.map((f) => [
        SEVERITY_NAME[f.severity],
        f.row === undefined ? f.field : `第 ${f.row + 1} 行`,
        f.code,
        f.message,
      ]),
    ),
  ].join('\n');
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('审核自评表：算术、结构、评分、交叉核对、叙述一致性、数值问题；发现错误时退出码为 1')
    .argument('<file>', 'Form JSON 或可导入的文件（.txt .json）')
    .option('-p, --profile <id>', '规则配置（rules/*.json 的 id；默认取表样 templates/ 所指，否则 national）')
    .option('--json', '输出 JSON')
    .action(async (file: string, opts: { profile?: string; json?: boolean }) => {
      const { evaluateFile } = await import('../../services/evaluate-file.ts');
      const ev = await evaluateFile(file, opts.profile);
      writeImportWarnings(file, ev.importWarnings);
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ profile: ev.profile.id, findings: ev.findings }, null, 2)}\n`,
        );
      else process.stdout.write(`${renderFindings(ev.form.projectName || file, ev.findings)}\n`);
      if (ev.findings.some((f) => f.severity === 'error')) throw new CliExit(EXIT.findings, '');
    });
}
