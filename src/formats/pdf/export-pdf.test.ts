import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { POPPLER_MISSING, poppler, popplerAvailable } from '../../../test/fixtures/pdf/poppler.ts';
import { COLUMN_WIDTHS } from '../layout/form-grid.ts';
import { importText } from '../text/index.ts';
import { exportPdf } from './export-pdf.ts';
import { PAGE, tableWidth } from './page-plan.ts';

// The exported PDF read back by an independent reader (poppler): text, fonts, rendering.

const HAS_POPPLER = popplerAvailable();

if (!HAS_POPPLER && process.env.CI === 'true') {
  it('has poppler-utils installed (required in CI)', () => {
    throw new Error(POPPLER_MISSING);
  });
} else if (!HAS_POPPLER) {
  it.skip(`poppler checks skipped: ${POPPLER_MISSING}`, () => {});
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** x of the left edge of a column of the printed table, in points. */
function columnX(col: number): number {
  const units = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  return PAGE.left + (tableWidth() * COLUMN_WIDTHS.slice(0, col).reduce((a, b) => a + b, 0)) / units;
}

/** The text pdftotext finds between two x positions (and below `top`) of one page. */
function crop(file: string, page: number, x0: number, x1: number, top = 0): string {
  const area = [
    '-x',
    String(Math.ceil(x0) + 1),
    '-y',
    String(Math.ceil(top)),
    '-W',
    String(Math.floor(x1 - x0) - 2),
    '-H',
    '600',
  ];
  return poppler('pdftotext', ['-f', String(page), '-l', String(page), ...area, file, '-']);
}

/** A form long enough to need several pages, one row taller than a page. */
function longForm() {
  const inds = Array.from({ length: 70 }, (_, i) =>
    row({
      level1: i < 50 ? '产出指标' : '效益指标',
      level2: i < 25 ? '数量指标' : i < 50 ? '质量指标' : '社会效益指标',
      name: `第${i + 1}项指标`,
      target: `不少于${i + 1}个`,
      actual: `${i + 2}个`,
      weight: 1,
      score: 1,
      deviation: i === 60 ? '因工作调整，进度有所滞后，下一年度将加强统筹。'.repeat(40) : '',
    }),
  );
  return form(inds, { projectName: '多页测试项目' });
}

describe.skipIf(!HAS_POPPLER)('exportPdf, checked with poppler', () => {
  let dir: string;
  let seedPdf: string;
  let longPdf: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-pdf-'));
    seedPdf = join(dir, 'seed.pdf');
    longPdf = join(dir, 'long.pdf');
    writeFileSync(seedPdf, await exportPdf(seedForm(), profile('beijing')));
    writeFileSync(longPdf, await exportPdf(longForm(), null));
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', [file]))?.[1]);

  it('its `pdftotext -layout` text is one the text importer refuses to trust, and says why', () => {
    const text = poppler('pdftotext', ['-layout', seedPdf, '-']);
    const { warnings } = importText(text);
    expect(warnings[0]?.message).toContain('pdftotext -layout');
    expect(warnings[0]?.message).toContain('请直接导入 PDF 文件');
  });

  it('prints the form: project, funds, scores, indicators, headers, page numbers', () => {
    const text = poppler('pdftotext', ['-layout', seedPdf, '-']);
    for (const s of [
      '项目支出绩效自评表',
      '（2021年度）',
      '2021年中关村海外联络工作支持资金项目',
      '中关村科技园区管理委员会本级',
      '2,926.00',
      '93.51%',
      '9.35',
      '99.35',
      '政策宣讲会受众人数',
      '定额工作经费',
      '后绩效补助经费',
      '偏差原因分析及改进措施',
      '年度目标：',
    ]) {
      expect(text).toContain(s);
    }
    // Each wrapped narrative is all there: read its columns alone, line breaks taken out.
    const goals = seedForm().goals;
    expect(squash(crop(seedPdf, 1, columnX(1), columnX(5)))).toContain(squash(goals.expected));
    expect(squash(crop(seedPdf, 1, columnX(5), columnX(9)))).toContain(squash(goals.actual));
    const n = pages(seedPdf);
    expect(n).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= n; p++) expect(squash(text)).toContain(`第${p}页/共${n}页`);
  });

  it('embeds the Chinese font as a subset', () => {
    const fonts = poppler('pdffonts', [seedPdf]);
    const cjk = fonts.split('\n').filter((l) => /NotoS(erif|ans)CJK/.test(l));
    expect(cjk.length).toBeGreaterThan(0);
    for (const line of cjk) {
      expect(line).toMatch(/^[A-Z]{6}\+/); // subset tag
      expect(line).toMatch(/\byes\s+yes\b/); // emb yes, sub yes
    }
  });

  it('is A4 landscape with the title and project name in the document info', () => {
    const info = poppler('pdfinfo', [seedPdf]);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    expect(info).toContain('Title:           项目支出绩效自评表 2021年中关村海外联络工作支持资金项目');
  });

  it('repeats the indicator header on every page after the first and numbers the pages', () => {
    const n = pages(longPdf);
    expect(n).toBeGreaterThanOrEqual(3);
    for (let p = 2; p <= n; p++) {
      const text = poppler('pdftotext', ['-layout', '-f', String(p), '-l', String(p), longPdf, '-']);
      expect(text).toContain('三级指标');
      expect(text).toContain('偏差原因分析及改进措施');
      expect(squash(text)).toContain(`第${p}页/共${n}页`);
    }
    // The row taller than a page is printed in full across the break: read the 偏差 column of
    // every page below the header row and join the pages.
    let column = '';
    for (let p = 1; p <= n; p++) column += crop(longPdf, p, columnX(8), columnX(9), PAGE.top + 25);
    const note = '因工作调整，进度有所滞后，下一年度将加强统筹。';
    expect(squash(column)).toContain(note.repeat(40));
  });

  it('renders every page with pdftoppm', () => {
    for (const file of [seedPdf, longPdf]) {
      const prefix = join(dir, file.endsWith('seed.pdf') ? 'seed' : 'long');
      poppler('pdftoppm', ['-png', '-r', '60', file, prefix]);
      const pngs = readdirSync(dir).filter(
        (f) => f.startsWith(`${prefix.split('/').at(-1)}-`) && f.endsWith('.png'),
      );
      expect(pngs.length).toBe(pages(file));
      for (const png of pngs) {
        const bytes = readFileSync(join(dir, png));
        // IHDR: landscape, 842 × 595 pt at 60 dpi ≈ 702 × 496 px.
        expect(bytes.readUInt32BE(16)).toBeGreaterThan(bytes.readUInt32BE(20));
        expect(bytes.length).toBeGreaterThan(5000);
      }
    }
  });
});

describe('exportPdf', () => {
  it('is quick once the font is loaded', async () => {
    await exportPdf(seedForm(), null);
    const start = performance.now();
    const bytes = await exportPdf(seedForm(), null);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
  }, 60_000);
});
