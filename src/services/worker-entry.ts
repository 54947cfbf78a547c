import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Where a worker thread's code lives. The one place that knows whether this program runs as
// TypeScript (through tsx, as in development and tests) or as compiled JavaScript: a worker does
// not inherit its parent's loader, so a TypeScript entry is started by a tiny script that registers
// tsx first; a compiled build finds its `.js` entry beside this module (a bundler must emit each
// worker entry as its own file next to this one).

export type WorkerEntry = { filename: string; eval: boolean };

/** The entry `name` (a module in src/services, without extension) as `new Worker` takes it. */
export function workerEntry(name: string): WorkerEntry {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const target = pathToFileURL(join(dirname(here), `${name}${ext}`)).href;
  if (ext !== '.ts') return { filename: fileURLToPath(target), eval: false };
  // tsx's ESM API (its CommonJS build cannot register the ESM hooks from an eval'd script).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return { filename: boot, eval: true };
}
