import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// The browser suite runs against the built app (dist/web), as `npm start` serves it. It is built
// here when missing or older than any source it is made from.

export const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const WEB_INDEX = join(ROOT, 'dist', 'web', 'index.html');
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/core', 'src/contract'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

export function webBuildIsStale(): boolean {
  if (!existsSync(WEB_INDEX)) return true;
  const built = statSync(WEB_INDEX).mtimeMs;
  return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

export function ensureWebBuilt(): void {
  if (!webBuildIsStale()) return;
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error(`网页构建失败：\n${r.stdout}\n${r.stderr}`);
}
