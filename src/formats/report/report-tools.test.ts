import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { cleanForm } from '../../../test/fixtures/report-forms.ts';
import { IN_CI, onPath } from '../../../test/fixtures/tools.ts';
import { evaluateForm } from '../../core/evaluate.ts';
import type { Form } from '../../core/form/schema.ts';
import { selfEvaluationReport } from '../../core/report/self-evaluation.ts';
import { buildSpotCheck, spotCheckEntry } from '../../core/report/spot-check.ts';
import { renderReport, renderSpotCheck } from './render.ts';

// The reports checked by real software: LibreOffice opens the .docx and the .xlsx (converts them
// to PDF, which poppler reads back), and poppler reads the text of our own PDFs. Missing tools fail
// in CI and skip on a developer's machine (test/fixtures/tools.ts).

const run = promisify(execFile);
const SOFFICE = onPath('soffice');
const PDFTOTEXT = onPath('pdftotext');
const PDFFONTS = onPath('pdffonts');
const ready = SOFFICE !== null && PDFTOTEXT !== null && PDFFONTS !== null;
if (!ready && !IN_CI)
  console.warn(
    '跳过报告的 LibreOffice/poppler 测试：未安装 soffice 或 poppler-utils（apt-get install libreoffice-writer libreoffice-calc poppler-utils）',
  );

const national = profile('national');
const selfReport = (form: Form) =>
  selfEvaluationReport({ form, ...evaluateForm(form, national), profileName: national.name });

describe.skipIf(!ready && !IN_CI)('reports in real software', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const text = async (pdf: string): Promise<string> =>
    (await run(PDFTOTEXT!, ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 32 * 1024 * 1024 })).stdout;
  const squash = (s: string) => s.replace(/\s+/g, '');
  /** LibreOffice converts `file` to PDF in a fresh profile; the PDF's path. */
  const soffice = async (file: string): Promise<string> => {
    const profileDir = mkdtempSync(join(dir, 'lo-'));
    const out = mkdtempSync(join(dir, 'out-'));
    await run(
      SOFFICE!,
      [
        `-env:UserInstallation=file://${profileDir}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        file,
      ],
      { timeout: 180_000 },
    );
    const pdf = join(
      out,
      file
        .split('/')
        .pop()!
        .replace(/\.[^.]+$/, '.pdf'),
    );
    expect(existsSync(pdf), `LibreOffice 未能转换 ${file}`).toBe(true);
    return pdf;
  };

  it('has soffice, pdftotext and pdffonts (CI installs libreoffice and poppler-utils)', () => {
    expect(SOFFICE, 'soffice 未安装').not.toBeNull();
    expect(PDFTOTEXT, 'pdftotext 未安装').not.toBeNull();
    expect(PDFFONTS, 'pdffonts 未安装').not.toBeNull();
  });

  it.runIf(ready)(
    'the self-evaluation PDF holds the project, the totals, the execution rate and every flagged row',
    async () => {
      const form = seedForm();
      const file = join(dir, 'seed.pdf');
      writeFileSync(file, (await renderReport(selfReport(form), 'pdf')).bytes);
      const all = squash(await text(file));
      for (const s of [
        '2021年中关村海外联络工作支持资金项目支出绩效自评报告',
        '（2021年度）',
        '自评总分99.35分',
        '规则总分97.72分',
        '预算执行率93.51%',
        '2,926.00万元',
        '一、基本情况',
        '六、改进措施及结果应用',
      ])
        expect(all).toContain(s);
      for (const f of evaluateForm(form, national).findings)
        expect(all).toContain(squash(`第 ${f.row! + 1} 行“${form.indicators[f.row!]!.name}”`));
      const fonts = (await run(PDFFONTS!, [file])).stdout;
      expect(fonts).toMatch(/NotoSerifCJKsc-Bold/);
      expect(fonts).toMatch(/NotoSerifCJKsc-Regular/);
      expect(fonts).toMatch(/NotoSansCJKsc-Regular/);
      const info = (await run('pdfinfo', [file])).stdout;
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    },
  );

  it.runIf(ready)('a report of a form with no findings says so', async () => {
    const file = join(dir, 'clean.pdf');
    writeFileSync(file, (await renderReport(selfReport(cleanForm()), 'pdf')).bytes);
    const all = squash(await text(file));
    expect(all).toContain(
      '五、存在的问题经按“全国通用”评分规则审核，未发现算术、结构、评分、交叉核对、叙述一致性或数值方面的问题。',
    );
    expect(all).toContain('自评总分与规则总分一致。');
  });

  it.runIf(ready)(
    'LibreOffice opens the self-evaluation .docx and shows the whole report',
    { timeout: 200_000 },
    async () => {
      const form = { ...seedForm(), report: { measures: '按季度调度项目进度，年底前完成全部拨付。' } };
      const file = join(dir, '自评报告.docx');
      writeFileSync(file, (await renderReport(selfReport(form), 'docx')).bytes);
      const all = squash(await text(await soffice(file)));
      for (const s of [
        '2021年中关村海外联络工作支持资金项目支出绩效自评报告',
        '二、绩效目标及完成情况',
        '（二）各项指标完成情况',
        '定额工作经费',
        '97.72',
        '93.51%',
        '按季度调度项目进度，年底前完成全部拨付。',
      ])
        expect(all).toContain(s);
    },
  );

  it.runIf(ready)(
    'LibreOffice opens the spot-check workbook; the spot-check PDF draws its charts as text and lines',
    { timeout: 200_000 },
    async () => {
      const forms = [seedForm(), cleanForm()];
      const entries = forms.map((f, i) =>
        spotCheckEntry({ id: `f${i}`, status: '已提交' }, f, evaluateForm(f, national)),
      );
      const report = buildSpotCheck(entries, { scope: '2021 年度；全部单位；已提交', source: '测试' });
      const xlsx = join(dir, '抽查报告.xlsx');
      writeFileSync(xlsx, (await renderSpotCheck(report, 'xlsx')).bytes);
      const sheets = squash(await text(await soffice(xlsx)));
      // every sheet is printed: the summary, the findings with their codes, the forms
      for (const s of [
        '项目支出绩效自评抽查报告',
        'scoring.late-full-marks',
        '职业技能培训补助项目',
        '定额工作经费',
      ])
        expect(sheets).toContain(s);

      const pdf = join(dir, '抽查报告.pdf');
      writeFileSync(pdf, (await renderSpotCheck(report, 'pdf')).bytes);
      const all = squash(await text(pdf));
      for (const s of [
        '预算执行率分布',
        '规则等级分布',
        '90%–95%',
        '规则总分',
        '份数',
        '四、抽查建议（按风险排序）',
        '2021年中关村海外联络工作支持资金项目',
      ])
        expect(all).toContain(s);
    },
  );
});
