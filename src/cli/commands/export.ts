import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { EXPORT_FORMATS, type ExportFormat } from '../../services/export-formats.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('按官方表样导出自评表：xlsx、docx、pdf 或 html（打印页）')
    .argument('<file>', 'Form JSON 或可导入的文件')
    .addOption(
      new Option('-f, --format <format>', '导出格式').choices([...EXPORT_FORMATS]).makeOptionMandatory(),
    )
    .option('-o, --out <path>', '输出文件（默认：与输入同名，换扩展名）')
    .option('-p, --profile <id>', '规则配置（决定表名与标签）', 'national')
    .action(async (file: string, opts: { format: ExportFormat; out?: string; profile: string }) => {
      const out = opts.out ?? `${basename(file).replace(/\.[^.]+$/, '')}.${opts.format}`;
      const { exportFile } = await import('../../services/export-file.ts');
      const r = await exportFile(file, opts.format, out, opts.profile);
      process.stdout.write(`已导出 ${r.out}（${(r.bytes / 1024).toFixed(1)} KB）\n`);
    });
}
