import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { renderFindings } from './audit.ts';
import { renderScore } from './score.ts';

export const DEMO_FORM = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'test',
  'fixtures',
  'seed.txt',
);

/** `jixiao demo`: the demo form scored and audited in the terminal, no server needed. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('演示：导入示例自评表并显示评分与审核结果')
    .option('-p, --profile <id>', '规则配置', 'national')
    .action(async (opts: { profile: string }) => {
      const { evaluateFile } = await import('../../services/evaluate-file.ts');
      const ev = await evaluateFile(DEMO_FORM, opts.profile);
      const title = ev.form.projectName;
      process.stdout.write(
        `${renderScore(title, ev.score, ev.profile.name)}\n\n${renderFindings('审核结果', ev.findings)}\n`,
      );
    });
}
