import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import type { ImportOutcome } from '../../services/import-files.ts';
import { CliExit, EXIT, exitForFormatCode } from '../exit.ts';
import { warningLine, writeImportWarnings } from '../import-warnings.ts';
import { table } from '../render.ts';

function minConfidence(c: Record<string, number>): number | null {
  const values = Object.values(c);
  return values.length ? Math.min(...values) : null;
}

export function renderImport(outcomes: readonly ImportOutcome[]): string {
  const ok = outcomes.filter((o) => o.ok);
  const failed = outcomes.filter((o) => !o.ok);
  const lines: string[] = [];
  if (ok.length) {
    lines.push(
      table(
        [
          { title: '文件', max: 40 },
          { title: '项目名称', max: 36 },
          { title: '年度', align: 'right' },
          { title: '指标数', align: 'right' },
          { title: '警告', align: 'right' },
          { title: '最低置信度', align: 'right' },
        ],
        ok.flatMap((o) =>
          o.results.map(({ form, warnings, confidence }, k) => {
            const c = minConfidence(confidence);
            return [
              o.results.length > 1 ? `${basename(o.file)} #${k + 1}` : basename(o.file),
              form.projectName || '（未识别）',
              String(form.year),
              String(form.indicators.length),
              String(warnings.length),
              c === null ? '—' : c.toFixed(2),
            ];
          }),
        ),
      ),
    );
    for (const o of ok) {
      const warnings = o.results.flatMap((r) => r.warnings);
      for (const w of warnings.slice(0, 10)) lines.push(`  ${warningLine(o.file, w)}`);
      if (warnings.length > 10)
        lines.push(`  ⚠ ${basename(o.file)} 另有 ${warnings.length - 10} 条警告（--json 查看全部）`);
    }
  }
  if (failed.length) {
    lines.push('', '导入失败：');
    for (const o of failed) if (!o.ok) lines.push(`  ✗ ${o.error}`);
  }
  const forms = ok.reduce((a, o) => a + (o.ok ? o.results.length : 0), 0);
  lines.push(
    '',
    `共 ${outcomes.length} 个文件：成功 ${ok.length} 个（${forms} 张表），失败 ${failed.length} 个。`,
  );
  return lines.join('\n');
}

/** A batch with failures exits 2, or 3 when a failure was a missing program (LibreOffice). */
function failureExit(outcomes: readonly ImportOutcome[]): number {
  return Math.max(...outcomes.map((o) => (o.ok ? EXIT.ok : exitForFormatCode(o.code))));
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(
      '导入自评表文件或目录（.xlsx .docx .pdf .html .txt .json；.xls .et .doc .wps 经 LibreOffice 转换），输出 Form JSON 或导入摘要',
    )
    .argument('<inputs...>', '文件或目录')
    .option('--json', '输出 Form JSON（单个文件时为该表，多个文件时为数组）')
    .option('-o, --out <dir>', '把每张表的 Form JSON 写入该目录')
    .action(async (inputs: string[], opts: { json?: boolean; out?: string }) => {
      // A batch's parse threads start first, so that their start-up overlaps this thread listing
      // the folder, instead of following it. The pool module (worker threads) loads only for what
      // may be a batch, so one-file imports start fast (issue 12 §6).
      const { mayBeABatch, worthAPool } = await import('../../services/pool-worth.ts');
      const early = (await mayBeABatch(inputs))
        ? (await import('../../services/parse-pool.ts')).createParsePool({ eager: true })
        : undefined;
      const { expandInputs, importFiles } = await import('../../services/import-files.ts');
      const { files, fromDirectory, missing } = await expandInputs(inputs);
      if (missing.length && files.length === 0) {
        await early?.close();
        throw new CliExit(EXIT.badInput, missing.map((m) => `${m}：文件或目录不存在`).join('\n'));
      }
      const showBar = fromDirectory || files.length > 1;
      const bar = showBar
        ? new (await import('cli-progress')).SingleBar({
            format: '导入 [{bar}] {value}/{total} {file}',
            stream: process.stderr,
            noTTYOutput: true,
            notTTYSchedule: 2000,
            hideCursor: false,
          })
        : null;
      bar?.start(files.length, 0, { file: '' });
      // the listed files are the inputs or fewer, unless a folder was among them: a batch worth a
      // pool was guessed as one (pool-worth.ts), so `early` exists whenever it is needed
      const pool = early && worthAPool(files) ? early : undefined;
      if (!pool) await early?.close();
      let outcomes: ImportOutcome[];
      try {
        outcomes = await importFiles(
          files,
          (done, file) => bar?.update(done, { file: basename(file) }),
          pool,
        );
      } finally {
        await pool?.close();
      }
      bar?.stop();
      for (const m of missing)
        outcomes.push({ file: m, ok: false, code: 'unreadable', error: `${m}：文件或目录不存在` });

      if (opts.out) {
        await mkdir(opts.out, { recursive: true });
        for (const o of outcomes) {
          if (!o.ok) continue;
          const stem = basename(o.file).replace(/\.[^.]+$/, '');
          for (const [k, r] of o.results.entries()) {
            const target = join(opts.out, o.results.length > 1 ? `${stem}-${k + 1}.json` : `${stem}.json`);
            // Written to a temporary name and renamed: a reader never sees a half-written form.
            await writeFile(`${target}.tmp`, `${JSON.stringify(r.form, null, 2)}\n`);
            await rename(`${target}.tmp`, target);
          }
        }
      }
      if (opts.json) {
        const first = outcomes[0];
        const single =
          inputs.length === 1 &&
          !fromDirectory &&
          outcomes.length === 1 &&
          first?.ok &&
          first.results.length === 1;
        const payload = single
          ? (first as Extract<ImportOutcome, { ok: true }>).results[0]!.form
          : outcomes.map((o) =>
              o.ok
                ? {
                    file: o.file,
                    ok: true,
                    forms: o.results.map((r) => ({ form: r.form, warnings: r.warnings })),
                  }
                : { file: o.file, ok: false, code: o.code, error: o.error },
            );
        process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
        // The single-form payload is the Form JSON itself, with no room for the warnings.
        if (single) {
          const [result] = (first as Extract<ImportOutcome, { ok: true }>).results;
          writeImportWarnings(first!.file, result!.warnings);
        }
        const failed = outcomes.filter((o) => !o.ok);
        if (failed.length) {
          for (const o of failed) if (!o.ok) process.stderr.write(`✗ ${o.error}\n`);
          throw new CliExit(failureExit(outcomes), '');
        }
        return;
      }
      process.stdout.write(`${renderImport(outcomes)}\n`);
      if (outcomes.some((o) => !o.ok)) throw new CliExit(failureExit(outcomes), '');
    });
}
