import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormSummary } from '../../src/contract/forms.ts';
import { apiLogin } from './support/api.ts';
import { chromiumAvailable, launchChromium, screenshot, spaced, VIEWPORT } from './support/browser.ts';
import { startTestServer, type TestServer } from './support/server.ts';
import { ensureWebBuilt } from './support/web-build.ts';

// The two reports in Chromium against the real server: the unit edits a section of its 自评报告
// beside the form, saves, and downloads the Word file with the edit in it; the finance bureau
// exports the 抽查报告 from the dashboard.

const PASSWORD = 'jixiao-demo';
const EDIT = '定额工作经费改为每年三月底前拨付，由财务科负责跟踪。';
const run = chromiumAvailable();

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let formId = '';
const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-reports-'));
const button = (label: string) => page.getByRole('button', { name: spaced(label) });

async function login(username: string): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await button('登录').click();
  await page.waitForURL(`${server.url}/`);
}

describe.skipIf(!run)('reports in Chromium', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.error(`页面错误：${e.message}`));
    const unit = await apiLogin(server.url, 'danwei', PASSWORD);
    formId = (await unit.get<{ items: FormSummary[] }>('/api/forms')).items[0]!.id;
  }, 240_000);

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail')
      await screenshot(page, `failed-${ctx.task.name.slice(0, 24)}`).catch(() => {});
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits a section of the self-evaluation report, saves it with the form and downloads it in Word', async () => {
    await login('danwei');
    await page.goto(`${server.url}/forms/${formId}`);
    await page.waitForSelector('.form-sheet');
    await page.locator('.report-button').click();
    const measures = page.getByLabel('六、改进措施及结果应用');
    await expect.poll(async () => measures.inputValue()).toContain('【请填写：');
    expect(await page.locator('.report-drawer').textContent()).toContain('自评总分比规则总分高 1.63 分');
    await measures.fill(EDIT);
    await page.locator('.report-drawer').getByText('已修改').waitFor();
    await screenshot(page, 'report-drawer');
    await page.keyboard.press('Escape');
    await page.locator('.save-button').click();
    await page.locator('.saved-note').waitFor();

    await page.locator('.report-button').click();
    expect(await measures.inputValue()).toBe(EDIT);
    const download = page.waitForEvent('download');
    await page
      .locator('.report-drawer')
      .getByRole('button', { name: spaced('导出 Word') })
      .click();
    const file = join(dir, (await download).suggestedFilename() || 'report.docx');
    await (await download).saveAs(file);
    expect(file).toMatch(/绩效自评报告\.docx$/);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    expect(xml.replace(/<[^>]+>/g, '')).toContain(EDIT);
  });

  it('exports the spot-check report from the dashboard', async () => {
    await context.clearCookies();
    await login('caizheng');
    await page.locator('.app-menu').getByRole('link', { name: '统计看板' }).click();
    await page.locator('.spot-check-export').click();
    const modal = page.locator('.ant-modal');
    await modal.getByText('PDF：').click();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await modal.getByRole('button', { name: spaced('导出') }).click();
    const file = join(dir, (await download).suggestedFilename() || 'spot.pdf');
    await (await download).saveAs(file);
    expect(file).toMatch(/抽查报告.*\.pdf$/);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('项目支出绩效自评抽查报告');
    expect(text).toContain('2021年中关村海外联络工作支持资金项目');
  });
});
