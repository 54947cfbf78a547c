// Issue 12 §3 and §7: PDF import of a batch of office-made PDFs beside poppler's `pdftotext -layout`
// over the same files, and PDF export of one form beside LibreOffice converting its xlsx, each
// measured in the same run, alternating candidate and baseline.
//
// The importer runs as `jixiao import DIR` runs it once the CLI is compiled (issue 12 §6): plain
// JavaScript built from src/ by esbuild (packages stay imports of node_modules but zod, bundled as
// the build bundles it), in a child
// process, so its CPU time and peak RSS are the process's own, start-up and pdfjs load included.
// The same child is also run through tsx (TypeScript compiled at start, as before §6) for reference.
// Every process is timed by /usr/bin/time (CPU = user + system of the process and its children).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { exportPdf } from '../src/formats/pdf/export-pdf.ts';
import { importPdf } from '../src/formats/pdf/import-pdf.ts';
import { importText } from '../src/formats/text/index.ts';
import { exportXlsx } from '../src/formats/xlsx/export-xlsx.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { fmt } from './measure.ts';
import { indicatorFieldsRight, officePdfs, sourceForm } from './pdf-corpus.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SEED = join(ROOT, 'test', 'fixtures', 'seed.txt');
/** Three levels below the root, like src/formats/templates: the sources find templates/ from there. */
const BUILD = join(ROOT, '.tmp', 'bench-pdf', 'build');
const FILES = Number(process.env['BENCH_PDF_FILES'] ?? 40);
const ROUNDS = Number(process.env['BENCH_PDF_ROUNDS'] ?? 2);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], f: (x: number) => string): string =>
  xs.length > 1 ? `${f(Math.min(...xs))}–${f(Math.max(...xs))}` : f(xs[0]!);
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

type Timed = { wallMs: number; cpuMs: number; maxRssMb: number; stdout: string };

/** Runs `cmd` under /usr/bin/time on the given cores; resolves when it ends. */
function timed(cmd: string[], cores: string | null): Promise<Timed> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-time-'));
  const out = join(dir, 'time.txt');
  const argv = ['-f', '%e %U %S %M', '-o', out, ...(cores ? ['taskset', '-c', cores] : []), ...cmd];
  return new Promise((done, fail) => {
    const child = spawn('/usr/bin/time', argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const [e, u, s, m] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) fail(new Error(`${cmd.join(' ').slice(0, 80)} 退出码 ${code}`));
      else done({ wallMs: e! * 1000, cpuMs: (u! + s!) * 1000, maxRssMb: m! / 1024, stdout });
    });
  });
}

type ChildReport = { files: Array<{ cpuMs: number; indicators: number }>; maxRssMb: number };

async function buildChild(): Promise<string> {
  const { build } = await import('esbuild');
  mkdirSync(BUILD, { recursive: true });
  const outfile = join(BUILD, 'pdf-import-child.mjs');
  await build({
    entryPoints: [join(ROOT, 'bench', 'pdf-import-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // packages stay imports of node_modules, but zod, which the compiled CLI bundles too
    // (scripts/build-node.mjs, VENDORED)
    plugins: [
      {
        name: 'packages-but-zod',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path === 'zod' ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

const pdftotextLoop = (files: string[], out: string): string[] => [
  'sh',
  '-c',
  `for f in "$@"; do pdftotext -layout "$f" ${out} || exit 1; done`,
  'sh',
  ...files,
];

async function benchImport(profile: Parameters<typeof officePdfs>[2]): Promise<string[]> {
  const files = await officePdfs(join(tmpdir(), 'jixiao-bench-office-pdfs-v1'), FILES, profile);
  const child = await buildChild();
  const scratch = mkdtempSync(join(tmpdir(), 'jixiao-bench-pdf-'));
  // Each half gets as many Calc as Writer PDFs (files alternate calc, writer): a pool hands the
  // next file to whichever worker is free, so neither ends up with only the heavier kind.
  const halves = [0, 1].map((h) => files.filter((_, i) => Math.floor(i / 2) % 2 === h));
  // `jixiao import DIR` itself (compiled CLI, its parse pool of one thread per core), over a folder
  // holding only these PDFs.
  const folder = join(scratch, 'pdfs');
  mkdirSync(folder);
  for (const f of files) symlinkSync(f, join(folder, basename(f)));
  const cli = ['node', join(ROOT, 'bin', 'jixiao'), 'import', folder];
  // bin/jixiao runs build/ only when it is current (else TypeScript through tsx)
  if (spawnSync('node', [join(ROOT, 'scripts', 'build-node.mjs'), '--if-stale']).status !== 0)
    throw new Error('scripts/build-node.mjs 失败');
  const oursCli: number[] = [];
  const ours: Timed[] = [];
  const perFile: number[] = [];
  const theirs: Timed[] = [];
  const oursPair: number[] = [];
  const oursPairCpu: number[] = [];
  const theirsPair: number[] = [];
  let tsx: Timed | null = null;
  let read = '';
  try {
    for (let r = 0; r < ROUNDS; r++) {
      // One core each: the CPU comparison.
      theirs.push(await timed(pdftotextLoop(files, join(scratch, 'one.txt')), '0'));
      const one = await timed(['node', child, ...files], '0');
      ours.push(one);
      const report = JSON.parse(one.stdout) as ChildReport;
      // Steady state: past the first file, which pays for loading pdfjs and compiling it.
      perFile.push(median(report.files.slice(1).map((f) => f.cpuMs)));
      read = `${report.files.reduce((n, f) => n + f.indicators, 0)} 行指标`;
      // Both cores: our importer as two processes (what a pool of two workers does) beside
      // pdftotext over the same halves in two processes, and beside the one-core loop.
      let t = performance.now();
      const pair = await Promise.all(halves.map((h) => timed(['node', child, ...h], null)));
      oursPair.push(performance.now() - t);
      oursPairCpu.push(pair[0]!.cpuMs + pair[1]!.cpuMs);
      t = performance.now();
      await Promise.all(halves.map((h, i) => timed(pdftotextLoop(h, join(scratch, `${i}.txt`)), null)));
      theirsPair.push(performance.now() - t);
      oursCli.push((await timed(cli, null)).wallMs);
    }
    tsx = await timed(['node', '--import', 'tsx', join(ROOT, 'bench', 'pdf-import-child.ts'), ...files], '0');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const cpu = median(ours.map((o) => o.cpuMs));
  const base = median(theirs.map((o) => o.cpuMs));
  const baseWall = median(theirs.map((o) => o.wallMs));
  const rss = Math.max(...ours.map((o) => o.maxRssMb));
  const pf = median(perFile);
  const basePf = base / files.length;
  const wall2 = median(oursPair);
  const cores = availableParallelism();
  // What was read, against the forms the PDFs were printed from (in this process, not timed).
  let right = 0;
  let total = 0;
  for (const file of files) {
    const [r, n] = indicatorFieldsRight(
      (await importPdf(new Uint8Array(readFileSync(file)), file))[0]!.form,
      sourceForm(file),
    );
    right += r;
    total += n;
  }
  read += `，指标字段 ${right}/${total} 与原表一致`;
  const label = `${files.length} 个 10 页 PDF（LibreOffice 由本项目导出的 xlsx/docx 打印，Calc、Writer 各半；${read}）`;
  const hours = (ms: number): string => {
    const h = (ms / files.length) * (100_000 / 3_600_000);
    return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
  };
  return [
    `| PDF 批量导入：${label}，单进程单核（编译后的 JS） | CPU ${sec(cpu)}（${range(
      ours.map((o) => o.cpuMs),
      sec,
    )}），墙钟 ${sec(median(ours.map((o) => o.wallMs)))} | pdftotext -layout 逐个 CPU ${sec(base)}，墙钟 ${sec(baseWall)} | CPU ${(cpu / base).toFixed(2)}× | CPU ≤ 3× ${cpu / base <= 3 ? '✓' : '✗'} |`,
    `| 同上，每个文件 CPU（稳态：除第一个外的中位数） | ${fmt(pf)} ms | pdftotext 每个文件（含进程启动）${fmt(basePf)} ms | ${(pf / basePf).toFixed(2)}× | ≤ 3× ${pf / basePf <= 3 ? '✓' : '✗'} |`,
    `| 同上，2 个导入进程（2 核，各导入一半：Calc、Writer 各 10 个） | 墙钟 ${sec(wall2)}（${range(oursPair, sec)}），CPU ${sec(median(oursPairCpu))} | pdftotext 单进程循环墙钟 ${sec(baseWall)}；同样 2 个进程 ${sec(median(theirsPair))} | ${(wall2 / baseWall).toFixed(2)}×（对 2 进程 ${(wall2 / median(theirsPair)).toFixed(2)}×） | 墙钟 ≤ 1.5× ${wall2 / baseWall <= 1.5 ? '✓' : '✗'} |`,
    `| 同上，\`bin/jixiao import 目录\`（编译后的 CLI，解析线程池 ${cores} 个线程，2 核） | 墙钟 ${sec(median(oursCli))}（${range(oursCli, sec)}） | pdftotext 单进程循环墙钟 ${sec(baseWall)} | ${(median(oursCli) / baseWall).toFixed(2)}× | 墙钟 ≤ 1.5× ${median(oursCli) / baseWall <= 1.5 ? '✓' : '✗'} |`,
    `| 同上，每个导入进程的峰值内存（RSS） | ${Math.round(rss)} MB | pdftotext ${Math.round(Math.max(...theirs.map((o) => o.maxRssMb)))} MB | — | ≤ 250 MB ${rss <= 250 ? '✓' : '✗'} |`,
    tsx
      ? `| （参考）同上单进程，经 tsx 直接运行 TypeScript（编译 CLI 之前的运行方式） | CPU ${sec(tsx.cpuMs)}，峰值 ${Math.round(tsx.maxRssMb)} MB | pdftotext CPU ${sec(base)} | ${(tsx.cpuMs / base).toFixed(2)}× | — |`
      : '',
    `| 推算：10 万个这样的 PDF（本次运行时机器负载 ${loadavg()[0]!.toFixed(1)}） | 按稳态 CPU（每核每个 ${fmt(pf)} ms）：本机 ${cores} 核约 ${hours((pf * files.length) / cores)}，N 台同样的机器约 ${hours((pf * files.length) / cores)} ÷ N；按本次 2 进程墙钟约 ${hours(wall2)} | pdftotext 单核墙钟 ${hours(baseWall)}，按 CPU ${hours(base)} | — | — |`,
  ].filter(Boolean);
}

async function benchExport(profile: Parameters<typeof exportPdf>[1]): Promise<string> {
  if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0)
    return '| PDF 导出 | 未测 | 缺少 soffice | | |';
  const form = importText(readFileSync(SEED, 'utf8')).form;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-export-'));
  try {
    const xlsx = join(dir, 'seed.xlsx');
    writeFileSync(xlsx, await exportXlsx(form, profile));
    const soffice = [
      'soffice',
      `-env:UserInstallation=file://${dir}/lo`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
      xlsx,
    ];
    await timed(soffice, null); // the first start creates the profile
    for (let i = 0; i < 5; i++) await exportPdf(form, profile);
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const theirs: number[] = [];
    const theirsCpu: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = await timed(soffice, null);
      theirs.push(t.wallMs);
      theirsCpu.push(t.cpuMs);
      for (let i = 0; i < 5; i++) {
        const c = process.cpuUsage();
        const w = performance.now();
        await exportPdf(form, profile);
        ours.push(performance.now() - w);
        const d = process.cpuUsage(c);
        oursCpu.push((d.user + d.system) / 1000);
      }
    }
    const speedup = median(theirs) / median(ours);
    const cpuSpeedup = median(theirsCpu) / median(oursCpu);
    return `| PDF 导出（种子表，进程内第 6 次起 25 次的中位数） | 墙钟 ${fmt(median(ours))} ms（${range(ours, fmt)}），CPU ${fmt(median(oursCpu))} ms | soffice 转换导出的 xlsx 墙钟 ${fmt(median(theirs))} ms（5 次，${range(theirs, fmt)}），CPU ${fmt(median(theirsCpu))} ms | 墙钟快 ${speedup.toFixed(1)} 倍，CPU 少 ${cpuSpeedup.toFixed(1)} 倍 | ≥ 20 倍 ${speedup >= 20 ? '✓' : '✗'} |`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchPdf(): Promise<string[]> {
  const profile = loadProfile('national');
  if (!profile.ok) throw new Error(profile.reason);
  for (const tool of ['pdftotext', 'soffice', 'taskset']) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0)
      return [`| PDF 批量导入 | 未测 | 缺少 ${tool} | | |`];
  }
  return [...(await benchImport(profile.value)), await benchExport(profile.value)];
}
