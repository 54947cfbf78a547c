import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import { FONT_MISSING_MESSAGE } from '../../services/errors.ts';
import {
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportKind,
  type SelfEvaluationFormat,
  type SpotCheckFormat,
} from '../../services/report-kinds.ts';
import { ServiceError } from '../../services/service-error.ts';
import { CliExit, EXIT } from '../exit.ts';

type Options = {
  kind: ReportKind;
  format: string;
  out?: string;
  profile?: string;
  database?: boolean;
  dataDir?: string;
  databaseUrl?: string;
  year?: string;
  unit?: string;
  status?: string;
};

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function checkFormat(kind: ReportKind, format: string): void {
  const allowed: readonly string[] = REPORT_FORMATS[kind];
  if (!allowed.includes(format))
    throw new CliExit(EXIT.badInput, `${kind} 只能导出为 ${allowed.join('、')}（收到 --format ${format}）`);
}

// The services and the progress bar load when a report is made, not when the CLI starts.
const reports = () => import('../../services/reports.ts');
const spotChecks = () => import('../../services/spot-check.ts');

async function progressBar(label: string): Promise<SingleBar> {
  const { SingleBar } = await import('cli-progress');
  return new SingleBar({
    format: `${label} [{bar}] {value}/{total} {file}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
    hideCursor: false,
  });
}

async function selfEvaluation(inputs: string[], opts: Options): Promise<void> {
  if (opts.database)
    throw new CliExit(EXIT.badInput, '自评报告针对一张表：请给出 FORM 文件，不用 --database');
  if (inputs.length !== 1)
    throw new CliExit(EXIT.badInput, `自评报告针对一张表：请给出一个 FORM 文件（收到 ${inputs.length} 个）`);
  const file = inputs[0]!;
  const out = opts.out ?? `${basename(file).replace(/\.[^.]+$/, '')}-自评报告.${opts.format}`;
  const { reportFromFile } = await reports();
  const r = await reportFromFile(file, opts.format as SelfEvaluationFormat, out, opts.profile);
  process.stdout.write(`已生成 ${r.out}（${r.projectName || '自评表'} 绩效自评报告，${kb(r.bytes)}）\n`);
}

function parseYear(year: string | undefined): number | undefined {
  if (year === undefined) return undefined;
  if (!/^\d{4}$/.test(year)) throw new CliExit(EXIT.badInput, `--year 应为四位年份：${year}`);
  return Number(year);
}

async function fromDatabase(opts: Options, q: { year?: number; unit?: string; status?: string }) {
  const dataDir = resolve(opts.dataDir ?? process.env['JIXIAO_DATA_DIR'] ?? 'data');
  const databaseUrl = opts.databaseUrl ?? process.env['DATABASE_URL'];
  if (!databaseUrl && !existsSync(join(dataDir, 'jixiao.sqlite')))
    throw new CliExit(
      EXIT.badInput,
      `数据库不存在：${join(dataDir, 'jixiao.sqlite')}（用 --data-dir 指定数据目录，或 --database-url / DATABASE_URL 指定 PostgreSQL）`,
    );
  // Loaded here: the store is needed only with --database.
  const { openContext } = await import('../../services/context.ts');
  const ctx = await openContext({ dataDir, databaseUrl });
  const { spotCheckFromStore } = await spotChecks();
  const bar = await progressBar('评分');
  let started = false;
  try {
    return await spotCheckFromStore(ctx.store, { scopePath: '/' }, q, (done, total) => {
      if (!started) bar.start(total, 0, { file: '' });
      started = true;
      bar.update(done, { file: '' });
    });
  } finally {
    if (started) bar.stop();
    await ctx.close();
  }
}

async function spotCheck(inputs: string[], opts: Options): Promise<void> {
  if (opts.database && inputs.length) throw new CliExit(EXIT.badInput, '--database 与 DIR 只能二选一');
  if (!opts.database && inputs.length === 0)
    throw new CliExit(EXIT.badInput, '抽查报告需要数据来源：给出目录（或文件），或用 --database 读取数据库');
  const q = {
    ...(opts.year !== undefined ? { year: parseYear(opts.year)! } : {}),
    ...(opts.unit ? { unit: opts.unit } : {}),
    ...(opts.status ? { status: opts.status } : {}),
  };
  let failed: Array<{ file: string; error: string }> = [];
  let report: Awaited<ReturnType<typeof fromDatabase>>;
  if (opts.database) report = await fromDatabase(opts, q);
  else {
    const { spotCheckFromFiles } = await spotChecks();
    const bar = await progressBar('读取');
    let started = false;
    const r = await spotCheckFromFiles(inputs, q, opts.profile, (done, total, file) => {
      if (!started) bar.start(total, 0, { file: '' });
      started = true;
      bar.update(done, { file: basename(file) });
    });
    if (started) bar.stop();
    report = r.report;
    failed = r.failed;
  }
  const out = opts.out ?? `抽查报告.${opts.format}`;
  const { spotCheckFile } = await spotChecks();
  const { writeAtomically } = await reports();
  const file = await spotCheckFile(report, opts.format as SpotCheckFormat);
  await writeAtomically(out, file.bytes);
  const t = report.totals;
  process.stdout.write(
    `已生成 ${out}（${t.forms} 张表，${t.errors} 个错误、${t.warnings} 个警告，风险排序 ${report.ranking.length} 张，${kb(file.bytes.length)}）\n`,
  );
  if (failed.length) {
    for (const f of failed) process.stderr.write(`✗ ${f.error}\n`);
    throw new CliExit(EXIT.badInput, `${failed.length} 个文件无法读取，未计入报告`);
  }
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      '生成报告：项目支出绩效自评报告（一张表，docx|pdf）或抽查报告（目录或数据库中的多张表，xlsx|pdf）',
    )
    .argument('[inputs...]', '自评报告：FORM（Form JSON 或可导入的文件）；抽查报告：目录或文件')
    .addOption(new Option('-k, --kind <kind>', '报告种类').choices([...REPORT_KINDS]).makeOptionMandatory())
    .addOption(
      new Option('-f, --format <format>', '格式：自评报告 docx|pdf，抽查报告 xlsx|pdf')
        .choices(['docx', 'pdf', 'xlsx'])
        .makeOptionMandatory(),
    )
    .option(
      '-o, --out <path>',
      '输出文件（默认：自评报告为“输入名-自评报告.格式”，抽查报告为“抽查报告.格式”）',
    )
    .option('-p, --profile <id>', '规则配置（默认取表样所指，否则 national；数据库中的表用其保存的配置）')
    .option('--database', '抽查报告：读取数据库（数据目录的 SQLite，或 DATABASE_URL 的 PostgreSQL）')
    .option('-d, --data-dir <dir>', '数据目录（环境变量 JIXIAO_DATA_DIR，默认 ./data）')
    .option('--database-url <url>', 'PostgreSQL 连接串（环境变量 DATABASE_URL）')
    .option('--year <year>', '抽查报告：只含该年度的表')
    .option('--unit <text>', '抽查报告：只含单位名称包含该文字的表')
    .option(
      '--status <status>',
      '抽查报告（--database）：只含该状态的表（draft/submitted/returned/approved/published 或 草稿/已提交/已退回/已审核/已公开）',
    )
    .action(async (inputs: string[], opts: Options) => {
      checkFormat(opts.kind, opts.format);
      try {
        if (opts.kind === 'self-evaluation-report') await selfEvaluation(inputs, opts);
        else await spotCheck(inputs, opts);
      } catch (e) {
        if (e instanceof ServiceError) throw new CliExit(EXIT.badInput, `错误：${e.message}`);
        if (e instanceof Error && e.message === FONT_MISSING_MESSAGE)
          throw new CliExit(EXIT.missingComponent, `错误：${e.message}`);
        throw e;
      }
    });
}
