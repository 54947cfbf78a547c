import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { exportXlsx } from './export-xlsx.ts';

// Proof that real spreadsheet software opens the export: LibreOffice converts it to PDF and the
// PDF's text holds the form. CI must have LibreOffice (.ci/run installs it): there a missing
// soffice fails the test; elsewhere it is skipped with a message.

const run = promisify(execFile);

async function has(cmd: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${cmd}`]);
    return true;
  } catch {
    return false;
  }
}

const tools = await Promise.all(['soffice', 'pdftotext', 'pdfinfo'].map(has));
const available = tools.every(Boolean);
const inCi = process.env['CI'] === 'true';
if (!available && !inCi) {
  console.warn(
    '跳过 LibreOffice 转换测试：未安装 soffice / pdftotext（apt-get install libreoffice-calc poppler-utils fonts-noto-cjk）',
  );
}

const squash = (s: string) => s.replace(/\s+/g, '');
const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe.skipIf(!available && !inCi)('exportXlsx opens in LibreOffice', () => {
  it('converts to an A4 landscape PDF whose text holds the form', { timeout: 180_000 }, async () => {
    expect(available, 'CI=true but soffice/pdftotext/pdfinfo are not installed').toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'jixiao-xlsx-'));
    const profileDir = await mkdtemp(join(tmpdir(), 'lo-'));
    dirs.push(dir, profileDir);
    const file = join(dir, 'seed.xlsx');
    await writeFile(file, await exportXlsx(seedForm(), profile('beijing')));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profileDir}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { timeout: 120_000 },
    );
    const pdf = join(dir, 'seed.pdf');
    const info = (await run('pdfinfo', [pdf])).stdout;
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(size, info).not.toBeNull();
    expect(Math.round(Number(size![1]))).toBe(842); // A4 landscape: 842 × 595 pt
    expect(Math.round(Number(size![2]))).toBe(595);
    const text = (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).stdout;
    const flat = squash(text);
    const seed = seedForm();
    expect(flat).toContain(squash(seed.projectName));
    expect(flat).toContain('93.51%');
    expect(flat).toContain('99.35');
    expect(flat).toContain('2,926.00');
    expect(flat).toContain('偏差原因分析及改进措施'); // the last column is on the page, not cut off
    for (const ind of seed.indicators) {
      // a name that wraps in its narrow column is interleaved with its neighbours' lines
      expect(flat).toContain(squash(ind.name).slice(0, 6));
    }
    expect(flat).toContain('第1页');
  });
});
