import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { IN_CI, onPath } from '../../../test/fixtures/tools.ts';
import { exportHtml } from './export-html.ts';

// The print view printed by a real browser: headless Chromium prints the seed to PDF and poppler
// reads it back page by page. Skipped where Chromium or poppler is missing, except in CI (which
// installs both: a missing one fails there); set JIXIAO_RENDER_DIR to keep the PDF for a look.

const run = promisify(execFile);

const CHROMIUM = onPath('chromium') ?? onPath('chromium-browser');
const PDFTOTEXT = onPath('pdftotext');
const PDFINFO = onPath('pdfinfo');
const ready = CHROMIUM !== null && PDFTOTEXT !== null && PDFINFO !== null;
if (!ready && !IN_CI)
  console.warn(
    '跳过 HTML 打印测试：未安装 chromium 或 poppler-utils（apt-get install -y chromium fonts-noto-cjk poppler-utils）',
  );

describe.skipIf(!ready && !IN_CI)('HTML print view in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints A4 landscape pages, each with the indicator header and its page number', {
    timeout: 120_000,
  }, async () => {
    if (!ready) throw new Error('CI 须安装 chromium 与 poppler-utils（.ci/run）');
    const html = join(dir, 'seed.html');
    const pdf = join(dir, 'seed.pdf');
    writeFileSync(html, exportHtml(seedForm(), profile('beijing')));
    await run(
      CHROMIUM!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${pdf}`,
        `file://${html}`,
      ],
      { timeout: 90_000 },
    );
    if (process.env.JIXIAO_RENDER_DIR)
      copyFileSync(pdf, join(process.env.JIXIAO_RENDER_DIR, 'seed-html.pdf'));
    const info = (await run(PDFINFO!, [pdf])).stdout;
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!;
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);

    const { stdout } = await run(PDFTOTEXT!, ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 16 * 1024 * 1024 });
    const pages = stdout
      .split('\f')
      .map((t) => t.replace(/\s+/g, ''))
      .filter(Boolean);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join('');
    for (const s of ['项目支出绩效自评表', '（2021年度）', seedForm().projectName, '93.51%', '99.35'])
      expect(all).toContain(s);
    const first = pages.findIndex((t) => t.includes('偏差原因分析及改进措施'));
    // (text extraction interleaves wrapped cells, so the header's words are checked one by one)
    for (const t of pages.slice(first)) {
      for (const h of [
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '偏差原因分析及改进措施',
      ]) {
        expect(t).toContain(h);
      }
    }
    pages.forEach((t, i) => {
      expect(t).toContain(`第${i + 1}页共${pages.length}页`);
    });
  });
});
