import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './web-build.ts';

// Debian's Chromium, driven by playwright-core (stack.md trap 5: these flags, a fresh profile).

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots');
export const VIEWPORT = { width: 1366, height: 768 };

/** Whether to run: in CI a missing Chromium is a failure, elsewhere the suite is skipped. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env['CI'] === 'true') throw new Error(`${CHROMIUM} 不存在：CI 须先安装 chromium（.ci/run）`);
  console.warn(`跳过浏览器测试：${CHROMIUM} 不存在（apt-get install -y chromium fonts-noto-cjk）`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/**
 * A button's accessible name: antd puts a space between two Chinese characters, and an icon adds
 * its own label in front (`send 提交`).
 */
export function spaced(label: string): RegExp {
  return new RegExp(`(?:^|\\s)${[...label].join('\\s*')}\\s*$`);
}
