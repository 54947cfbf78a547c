// Issue 3 §8: each format benchmark beside its baseline, measured in the same run (wall-clock
// medians, alternating candidate and baseline; the baselines are external processes).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exportPdf } from '../src/formats/pdf/export-pdf.ts';
import { importPdf } from '../src/formats/pdf/import-pdf.ts';
import { importText } from '../src/formats/text/index.ts';
import { exportXlsx } from '../src/formats/xlsx/export-xlsx.ts';
import { loadProfile } from '../src/services/profiles.ts';
import { fmt } from './measure.ts';

const SEED = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'seed.txt');

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function wall(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

export async function benchFormats(): Promise<string[]> {
  const profile = loadProfile('national');
  if (!profile.ok) throw new Error(profile.reason);
  const form = importText(readFileSync(SEED, 'utf8')).form;
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
  const rows: string[] = [];
  try {
    // xlsx export: goal ≤ 30 ms per form; baseline: JSON.stringify of the same form.
    for (let i = 0; i < 5; i++) await exportXlsx(form, profile.value);
    const xs: number[] = [];
    const js: number[] = [];
    for (let i = 0; i < 30; i++) {
      xs.push(await wall(() => exportXlsx(form, profile.value)));
      js.push(await wall(() => JSON.stringify(form)));
    }
    const x = median(xs);
    rows.push(
      `| xlsx 导出（种子表） | ${fmt(x)} ms/表 | JSON 序列化 ${fmt(median(js))} ms | ${(x / median(js)).toFixed(0)}× | ≤ 30 ms ${x <= 30 ? '✓' : '✗'} |`,
    );

    const pdf = await exportPdf(form, profile.value);
    const pdfPath = join(dir, 'seed.pdf');
    writeFileSync(pdfPath, pdf);
    if (has('pdftotext')) {
      await importPdf(pdf, 'seed.pdf');
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < 7; i++) {
        ours.push(await wall(() => importPdf(pdf, 'seed.pdf')));
        theirs.push(
          await wall(() => spawnSync('pdftotext', ['-layout', pdfPath, join(dir, 'seed-layout.txt')])),
        );
      }
      const r = median(ours) / median(theirs);
      rows.push(
        `| PDF 导入（种子表导出的 5 页 PDF） | ${fmt(median(ours))} ms | pdftotext -layout ${fmt(median(theirs))} ms | ${r.toFixed(2)}× | ≤ 3× ${r <= 3 ? '✓' : '✗'} |`,
      );
    } else rows.push('| PDF 导入 | 未测 | 缺少 pdftotext（poppler-utils） | | |');

    if (has('soffice')) {
      const xlsxPath = join(dir, 'seed.xlsx');
      writeFileSync(xlsxPath, await exportXlsx(form, profile.value));
      for (let i = 0; i < 3; i++) await exportPdf(form, profile.value);
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < 3; i++) {
        ours.push(await wall(() => exportPdf(form, profile.value)));
        theirs.push(
          await wall(() =>
            spawnSync(
              'soffice',
              [
                `-env:UserInstallation=file://${dir}/lo`,
                '--headless',
                '--convert-to',
                'pdf',
                '--outdir',
                dir,
                xlsxPath,
              ],
              { timeout: 180_000 },
            ),
          ),
        );
      }
      const speedup = median(theirs) / median(ours);
      rows.push(
        `| PDF 导出（种子表） | ${fmt(median(ours))} ms | soffice 转换导出的 xlsx ${fmt(median(theirs))} ms | 快 ${speedup.toFixed(1)} 倍 | ≥ 20 倍 ${speedup >= 20 ? '✓' : '✗'} |`,
      );
    } else rows.push('| PDF 导出 | 未测 | 缺少 soffice（libreoffice-calc） | | |');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
