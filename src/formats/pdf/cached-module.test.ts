import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { exportPdf } from './export-pdf.ts';
import { readPdfPages } from './pdf-document.ts';
import { pdfjsModulesLoaded } from './pdfjs-loader.ts';

// pdfjs's modules run as scripts with a V8 code cache (cached-module.ts). Each load here runs in a
// process of its own: pdfjs's code changes the built-ins (core-js), which the loader undoes only
// for the load it makes itself.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-worker-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOAD = join(dir, 'load.ts');
writeFileSync(
  LOAD,
  `import { loadCachedModule } from ${JSON.stringify(join(import.meta.dirname, 'cached-module.ts'))};
type Side = { WorkerMessageHandler?: { initializeFromPort?: unknown } };
const m = loadCachedModule<Side>('pdfjs-dist/legacy/build/pdf.worker.mjs', process.argv[2] === '-' ? null : process.argv[2]);
const global = (globalThis as { pdfjsWorker?: Side }).pdfjsWorker;
m.saveCache();
console.log(JSON.stringify({
  cache: m.cache,
  runs: typeof global?.WorkerMessageHandler?.initializeFromPort,
  exported: m.exports.WorkerMessageHandler === global?.WorkerMessageHandler,
}));
`,
);

async function load(cacheDir: string): Promise<{ cache: string; runs: string; exported: boolean }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', LOAD, cacheDir], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('pdfjs modules with a code cache', () => {
  it('writes the cache, uses it, and replaces a damaged one', async () => {
    const cacheDir = join(dir, 'cache');
    expect(await load(cacheDir)).toEqual({ cache: 'absent', runs: 'function', exported: true });
    expect(await load(cacheDir)).toEqual({ cache: 'used', runs: 'function', exported: true });
    const [file] = (await import('node:fs')).readdirSync(cacheDir);
    const path = join(cacheDir, file!);
    writeFileSync(path, Buffer.alloc(4096, 7));
    expect(await load(cacheDir)).toEqual({ cache: 'rejected', runs: 'function', exported: true });
    expect(statSync(path).size).toBeGreaterThan(100_000);
    expect(await load(cacheDir)).toEqual({ cache: 'used', runs: 'function', exported: true });
  }, 120_000);

  it('runs without a cache where none can be written', async () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder would be');
    expect(await load(join(blocked, 'cache'))).toEqual({ cache: 'absent', runs: 'function', exported: true });
    expect(await load('-')).toEqual({ cache: 'off', runs: 'function', exported: true });
  }, 120_000);

  it('keeps both modules after this process reads its first PDF', async () => {
    await readPdfPages(await exportPdf(seedForm(), profile()), 'seed.pdf');
    const loaded = pdfjsModulesLoaded();
    expect(loaded).toHaveLength(2);
    for (const m of loaded) {
      expect(m.cacheFile).toBeTruthy();
      expect(existsSync(m.cacheFile!)).toBe(true);
    }
  }, 60_000);
});
