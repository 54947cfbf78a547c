import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { IN_CI, onPath } from '../../../test/fixtures/tools.ts';
import { compareForms } from '../../core/form/compare.ts';
import { exportDocx } from './export-docx.ts';
import { importDocx } from './import-docx.ts';

// Proof that the exported .docx opens in real software: LibreOffice converts it to PDF and
// poppler reads the text back, page by page; LibreOffice's own re-save is read back too.
// Set JIXIAO_RENDER_DIR to keep the PDF for a look. Needs Debian's libreoffice-writer,
// fonts-noto-cjk and poppler-utils: missing in CI is a failure, on a developer's machine a skip.

const run = promisify(execFile);

const SOFFICE = onPath('soffice');
const PDFTOTEXT = onPath('pdftotext');

const ready = SOFFICE !== null && PDFTOTEXT !== null;
if (!ready && !IN_CI) {
  console.warn(
    '跳过 LibreOffice 打开 .docx 的测试：未安装 soffice/pdftotext（apt-get install -y libreoffice-writer fonts-noto-cjk poppler-utils）',
  );
}

const HEADER_WORDS = [
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '偏差原因分析及改进措施',
];

describe.skipIf(!ready && !IN_CI)('exported .docx in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** One soffice run with a fresh user profile, so runs never share (or wait on the lock of) one. */
  const soffice = async (args: string[]): Promise<void> => {
    const profileDir = mkdtempSync(join(dir, 'lo-profile-'));
    await run(SOFFICE!, [`-env:UserInstallation=file://${profileDir}`, '--headless', ...args], {
      timeout: 120_000,
    });
  };

  it('has soffice and pdftotext (CI must install libreoffice-writer and poppler-utils)', () => {
    expect(SOFFICE, 'soffice 未安装').not.toBeNull();
    expect(PDFTOTEXT, 'pdftotext 未安装').not.toBeNull();
  });

  it.runIf(ready)('converts the seed to a PDF that shows the whole form', { timeout: 180_000 }, async () => {
    const docx = join(dir, 'seed.docx');
    writeFileSync(docx, await exportDocx(seedForm(), profile('beijing')));
    await soffice(['--convert-to', 'pdf', '--outdir', dir, docx]);
    const pdf = join(dir, 'seed.pdf');
    if (process.env.JIXIAO_RENDER_DIR)
      copyFileSync(pdf, join(process.env.JIXIAO_RENDER_DIR, 'seed-docx.pdf'));
    const { stdout } = await run(PDFTOTEXT!, ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
    const pages = stdout
      .split('\f')
      .map((t) => t.replace(/\s+/g, ''))
      .filter(Boolean);
    const all = pages.join('');

    const seed = seedForm();
    for (const s of [
      '项目支出绩效自评表',
      '（2021年度）',
      seed.projectName,
      '93.51%',
      '99.35',
      '偏差原因分析及改进措施',
    ]) {
      expect(all).toContain(s);
    }
    // Text extraction interleaves the lines of neighbouring wrapped cells: check names that fit one line.
    const short = seed.indicators.map((i) => i.name).filter((n) => n.length <= 7);
    expect(short.length).toBeGreaterThan(10);
    for (const name of short) expect(all).toContain(name);

    // The indicator header row is on every page from the first indicator page on.
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const first = pages.findIndex((t) => t.includes('偏差原因分析及改进措施'));
    for (const t of pages.slice(first)) for (const h of HEADER_WORDS) expect(t).toContain(h);
    pages.forEach((t, i) => {
      expect(t).toContain(`第${i + 1}页共${pages.length}页`);
    });
  });

  it.runIf(ready)(
    'reads back the seed after LibreOffice saved it again as .docx',
    { timeout: 180_000 },
    async () => {
      const src = join(dir, 'resave.docx');
      const out = join(dir, 'resaved');
      writeFileSync(src, await exportDocx(seedForm(), profile('beijing')));
      await soffice(['--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, src]);
      const [r] = await importDocx(new Uint8Array(readFileSync(join(out, 'resave.docx'))), 'resave.docx');
      expect(compareForms(seedForm(), r!.form).filter((c) => !c.equal)).toEqual([]);
    },
  );
});
