import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { exportPdf } from './export-pdf.ts';
import { readPdfPages } from './pdf-document.ts';
import { workerScriptLoaded } from './pdfjs-loader.ts';

// pdfjs's worker code runs as a script with a V8 code cache (worker-script.ts). Each load runs in
// a process of its own: the worker code changes the built-ins (core-js), which the loader undoes
// only for the load it makes itself.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'jixiao-worker-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOAD = join(dir, 'load.ts');
writeFileSync(
  LOAD,
  `import { loadWorkerScript } from ${JSON.stringify(join(import.meta.dirname, 'worker-script.ts'))};
const script = loadWorkerScript(process.argv[2] === '-' ? null : process.argv[2]);
const handler = (globalThis as { pdfjsWorker?: { WorkerMessageHandler?: { initializeFromPort?: unknown } } }).pdfjsWorker;
script.saveCache();
console.log(JSON.stringify({ cache: script.cache, runs: typeof handler?.WorkerMessageHandler?.initializeFromPort }));
`,
);

async function load(cacheDir: string): Promise<{ cache: string; runs: string }> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', LOAD, cacheDir], { timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describe('pdfjs worker code with a code cache', () => {
  it('writes the cache, uses it, and replaces a damaged one', async () => {
    const cacheDir = join(dir, 'cache');
    expect(await load(cacheDir)).toEqual({ cache: 'absent', runs: 'function' });
    expect(await load(cacheDir)).toEqual({ cache: 'used', runs: 'function' });
    const [file] = (await import('node:fs')).readdirSync(cacheDir);
    const path = join(cacheDir, file!);
    writeFileSync(path, Buffer.alloc(4096, 7));
    expect(await load(cacheDir)).toEqual({ cache: 'rejected', runs: 'function' });
    expect(statSync(path).size).toBeGreaterThan(100_000);
    expect(await load(cacheDir)).toEqual({ cache: 'used', runs: 'function' });
  }, 120_000);

  it('runs without a cache where none can be written', async () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder would be');
    expect(await load(join(blocked, 'cache'))).toEqual({ cache: 'absent', runs: 'function' });
    expect(await load('-')).toEqual({ cache: 'off', runs: 'function' });
  }, 120_000);

  it('is kept after this process reads its first PDF', async () => {
    await readPdfPages(await exportPdf(seedForm(), profile()), 'seed.pdf');
    const loaded = workerScriptLoaded();
    expect(loaded?.cacheFile).toBeTruthy();
    expect(existsSync(loaded!.cacheFile!)).toBe(true);
  }, 60_000);
});
