import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

// The browser suite runs against the built app (dist/web), as `npm start` serves it;
// scripts/build-web.mjs builds it when missing or older than its sources.

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`网页构建失败：\n${r.stdout}\n${r.stderr}`);
}
