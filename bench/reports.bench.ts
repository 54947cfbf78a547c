// Issue 14 §3: the reports are fast enough to make on demand.
//  - one 项目支出绩效自评报告 to .docx (evaluate + draft + write) < 300 ms, beside the form's own
//    Word export (exportDocx, the official table) as baseline, alternated in the same run;
//  - a 抽查报告 over BENCH_REPORT_FORMS synthetic forms (default 10,000) in the database < 30 s,
//    as xlsx and as PDF, beside the dashboard API over the same forms as baseline.
// `npm run bench -- reports`, or `npx tsx bench/reports.bench.ts`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { exportDocx } from '../src/formats/docx/export-docx.ts';
import { importText } from '../src/formats/text/index.ts';
import { type Actor, createContext } from '../src/services/context.ts';
import { getDashboard } from '../src/services/dashboards.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { selfEvaluationReportFile } from '../src/services/reports.ts';
import { spotCheckFile, spotCheckFromStore } from '../src/services/spot-check.ts';
import { openStore } from '../src/store/index.ts';
import { bulkLoad } from './bulk-load.ts';
import { fmt } from './measure.ts';

const SEED = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'seed.txt');
const FORMS = Number(process.env['BENCH_REPORT_FORMS'] ?? 10_000);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function wall(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function selfEvaluation(): Promise<string[]> {
  const profile = loadProfile('national');
  if (!profile.ok) throw new Error(profile.reason);
  const form = importText(readFileSync(SEED, 'utf8')).form;
  // the first report also loads the docx writer: timed on its own (a CLI run pays it once)
  const first = await wall(() => selfEvaluationReportFile(form, profile.value, 'docx'));
  for (let i = 0; i < 5; i++) {
    await selfEvaluationReportFile(form, profile.value, 'docx');
    await exportDocx(form, profile.value);
  }
  const ours: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < 30; i++) {
    ours.push(await wall(() => selfEvaluationReportFile(form, profile.value, 'docx')));
    base.push(await wall(() => exportDocx(form, profile.value)));
  }
  const pdf: number[] = [];
  await selfEvaluationReportFile(form, profile.value, 'pdf');
  for (let i = 0; i < 5; i++)
    pdf.push(await wall(() => selfEvaluationReportFile(form, profile.value, 'pdf')));
  const m = median(ours);
  const b = median(base);
  return [
    `| 自评报告 → docx（种子表：评分审核、起草、写 Word；30 次中位数；进程内首次 ${fmt(first)} ms，含加载 Word 写入模块） | ${fmt(m)} ms | 种子表 Word 导出（官方表样 exportDocx）${fmt(b)} ms | ${(m / b).toFixed(2)}× | < 300 ms ${m < 300 ? '✓' : '✗'} |`,
    `| 自评报告 → PDF（种子表，5 次中位数） | ${fmt(median(pdf))} ms | — | — | — |`,
  ];
}

async function spotCheck(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-bench-'));
  const rows: string[] = [];
  const n = FORMS.toLocaleString('en-US');
  try {
    const store = await openStore({ dataDir: dir });
    await bulkLoad(store, FORMS);
    await sql`analyze`.execute(store.db);
    const ctx = createContext(store, dir);
    const actor: Actor = {
      userId: 'syn-admin',
      username: 'syn-admin',
      displayName: '压测',
      role: 'finance-reviewer',
      orgId: 'syn-root',
      orgName: '',
      orgKind: 'finance',
      orgPath: '/syn-root/',
      sessionId: '',
      csrfToken: '',
      ip: null,
      passwordChange: null,
    };
    const dashboard = await wall(() => getDashboard(ctx, actor, {}));
    for (const format of ['xlsx', 'pdf'] as const) {
      let read = 0;
      let findings = 0;
      let bytes = 0;
      const total = await wall(async () => {
        const t = performance.now();
        const report = await spotCheckFromStore(store, { scopePath: '/syn-root/' }, {});
        read = performance.now() - t;
        findings = report.totals.errors + report.totals.warnings + report.totals.infos;
        bytes = (await spotCheckFile(report, format)).bytes.length;
      });
      rows.push(
        `| 抽查报告 → ${format}（SQLite ${n} 张合成表，${findings.toLocaleString('en-US')} 条问题；读取并重新评分审核 ${fmt(read / 1000)} s，写文件 ${fmt((total - read) / 1000)} s，${(bytes / 1e6).toFixed(1)} MB） | ${fmt(total / 1000)} s | 看板接口（同库全部表）${fmt(dashboard)} ms | ${(total / dashboard).toFixed(0)}× | < 30 s ${total < 30_000 ? '✓' : '✗'} |`,
      );
    }
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function benchReports(print: (line: string) => void = () => undefined): Promise<string[]> {
  const rows: string[] = [];
  for (const r of await selfEvaluation()) {
    print(r);
    rows.push(r);
  }
  for (const r of await spotCheck()) {
    print(r);
    rows.push(r);
  }
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  await benchReports((line) => console.log(line));
}
