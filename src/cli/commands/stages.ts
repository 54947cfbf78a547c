import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Finding } from '../../core/audit/types.ts';
import type { Form } from '../../core/form/schema.ts';
import { FormatError } from '../../services/errors.ts';
import { CliExit, EXIT } from '../exit.ts';
import { writeImportWarnings } from '../import-warnings.ts';
import { renderFindings } from './audit.ts';

// `jixiao stages FILE...`: the cross-stage checks of lifecycle.md §4.3 (X01–X16) over one project's
// forms, plus each form's own lifecycle checks (T01–T15 on declarations, M01–M09 on monitoring
// reports, X15 on department forms). Any file the importer reads counts; a file holding several
// forms contributes all of them.

const KIND_WORD: Record<Form['kind'], string> = {
  'project-target-declaration': '绩效目标申报表',
  'project-monitoring': '绩效运行监控表',
  'project-self-evaluation': '项目支出绩效自评表',
  'department-self-evaluation': '部门整体支出绩效自评表',
};

function describeForm(f: Form): string {
  if (f.kind === 'project-target-declaration') return `${KIND_WORD[f.kind]}（第${f.version ?? 1}版）`;
  if (f.kind === 'project-monitoring') return `${KIND_WORD[f.kind]}（1–${f.asOfMonth ?? '?'}月）`;
  return KIND_WORD[f.kind];
}

type Loaded = { file: string; form: Form };

/** A finding as printed: the audit's shape, the file named where the finding is about one form. */
function shaped(f: Finding, file?: string) {
  const out: Record<string, unknown> = { code: f.code, family: f.family, severity: f.severity };
  if (f.row !== undefined) out['row'] = f.row;
  if (f.rows !== undefined) out['rows'] = f.rows;
  out['field'] = f.field;
  out['message'] = f.message;
  out['evidence'] = file === undefined ? f.evidence : { ...f.evidence, file: basename(file) };
  return out;
}

export function registerStages(program: Command): void {
  program
    .command('stages')
    .description(
      '核对同一项目各阶段的表（绩效目标申报、运行监控、自评）：跨阶段核对 X01–X16 及各表的目标质量、监控预警；发现错误时退出码为 1',
    )
    .argument('<files...>', 'Form JSON 或可导入的文件；一个文件含多张表时全部参与核对')
    .option('-p, --profile <id>', '规则配置（rules/*.json 的 id；默认取第一张表的表样所指，否则 national）')
    .option('--json', '输出 JSON：{findings:[{code,severity,row,field,message,evidence}]}')
    .action(async (files: string[], opts: { profile?: string; json?: boolean }) => {
      // loaded here, not at the top: every command's module is loaded for `jixiao --version`
      const [{ checkStages, lifecycleFindings }, { readForms }, { loadProfile, profileForForm }] =
        await Promise.all([
          import('../../core/lifecycle/index.ts'),
          import('../../services/import-files.ts'),
          import('../../services/profiles.ts'),
        ]);
      if (opts.profile !== undefined) {
        const given = loadProfile(opts.profile);
        if (!given.ok) throw new CliExit(EXIT.badInput, `错误：${given.reason}`);
      }
      const loaded: Loaded[] = [];
      for (const file of files) {
        const results = await readForms(file);
        for (const r of results) {
          writeImportWarnings(file, r.warnings);
          loaded.push({ file, form: r.form });
        }
      }
      if (loaded.length === 0) throw new FormatError('unsupported-format', files[0] ?? '', '未读到任何表');
      // lifecycle.md §1: `projectCode` links a project's chain; two codes are two projects.
      const codes = [
        ...new Set(loaded.map((l) => l.form.projectCode).filter((c): c is string => !!c?.trim())),
      ];
      if (codes.length > 1)
        throw new CliExit(
          EXIT.badInput,
          `错误：这些表属于不同项目（项目编码 ${codes.join('、')}），请只给出同一项目的表。`,
        );
      const profile = loadProfile(profileForForm(loaded[0]!.form, opts.profile));
      if (!profile.ok) throw new CliExit(EXIT.badInput, `错误：${profile.reason}`);
      const found: Array<{ finding: Finding; file?: string }> = [
        ...checkStages(
          loaded.map((l) => l.form),
          profile.value,
        ).map((finding) => ({ finding })),
        ...loaded.flatMap((l) =>
          lifecycleFindings(l.form, profile.value).map((finding) => ({ finding, file: l.file })),
        ),
      ];
      const findings = found.map((x) => x.finding);
      if (opts.json) {
        const forms = loaded.map((l) => ({
          file: basename(l.file),
          kind: l.form.kind,
          version: l.form.version ?? l.form.targetVersion ?? null,
          year: l.form.year,
        }));
        const shown = found.map((x) => shaped(x.finding, x.file));
        process.stdout.write(
          `${JSON.stringify({ profile: profile.value.id, forms, findings: shown }, null, 2)}\n`,
        );
      } else {
        const name =
          loaded.find((l) => l.form.projectName)?.form.projectName || loaded[0]!.form.department || files[0]!;
        const list = loaded.map((l) => `${basename(l.file)}：${describeForm(l.form)}`).join('；');
        process.stdout.write(`${list}\n${renderFindings(name, findings)}\n`);
      }
      if (findings.some((f) => f.severity === 'error')) throw new CliExit(EXIT.findings, '');
    });
}
