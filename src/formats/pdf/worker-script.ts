// pdfjs's worker code (2.4 MB of JavaScript) loaded as a script with a V8 code cache.
//
// Every process and parse thread that reads a PDF compiles the worker module, then compiles each
// function it runs on the first document (V8 compiles lazily): about a quarter of a second of CPU
// before the first page, paid again by every importer process of a batch. Node 20 keeps no compile
// cache for ES modules, but a vm.Script takes V8's cached data, and cached data made after the
// first document holds the bytecode of every function that document needed. So the module is
// loaded as a script (its one `export` dropped — it also sets globalThis.pdfjsWorker, which is what
// pdfjs and readerWorker() use), and the cache is written once, after the first document is read.
//
// The cache lives in node_modules/.cache/jixiao/ (where tools keep their caches, owned by whoever
// installed the package: not a shared temporary folder, since cached bytecode is code). V8 checks
// it against the source and its own version and flags and rejects a stale or damaged one; then the
// source is compiled as before and the cache written again. Not writable: no cache, same result.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const EXPORT_LINE = /^export \{ WorkerMessageHandler \};$/m;

export type CacheUse = 'used' | 'rejected' | 'absent' | 'off';

export type WorkerScript = {
  /** what became of the cache at load: 'used' (accepted by V8), 'rejected', 'absent', 'off' (no folder). */
  cache: CacheUse;
  /** where the cache is kept, or null. */
  cacheFile: string | null;
  /** Writes the cache unless it was used; once. Never throws. */
  saveCache(): void;
};

/** node_modules/.cache/jixiao beside the pdfjs-dist this module resolves, or null. */
export function defaultCacheDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    return join(dirname(dirname(pkg)), '.cache', 'jixiao');
  } catch {
    return null;
  }
}

/** Runs pdfjs's worker code in this context; `cacheDir` null: without a cache. */
export function loadWorkerScript(cacheDir: string | null): WorkerScript {
  const file = createRequire(import.meta.url).resolve(WORKER);
  const source = readFileSync(file, 'utf8');
  if (!EXPORT_LINE.test(source)) throw new Error(`${WORKER}：找不到 export 行，pdfjs-dist 的构建方式变了`);
  // The only other module syntax in the file: the URL the emscripten decoders resolve files from.
  const body = source
    .replace(EXPORT_LINE, '')
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href));
  const cacheFile = cacheDir ? join(cacheDir, `pdf.worker.${process.version}.${process.arch}.v8`) : null;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {}
  }
  const script = new vm.Script(`(function () {\n${body}\n})`, {
    filename: file,
    cachedData,
    // pdfjs imports a JPEG 2000 decoder fallback by URL; scripts import through this module's loader.
    importModuleDynamically: ((specifier: string) => import(specifier)) as never,
  });
  (script.runInThisContext() as () => void)();
  const cache: CacheUse = !cacheFile
    ? 'off'
    : !cachedData
      ? 'absent'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  let saved = cache === 'used' || cacheFile === null;
  return {
    cache,
    cacheFile,
    saveCache() {
      if (saved || !cacheFile) return;
      saved = true;
      const next = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(next, script.createCachedData());
        // readers see the old file or the new one, never half of one
        renameSync(next, cacheFile);
      } catch {
        try {
          rmSync(next, { force: true });
        } catch {}
      }
    },
  };
}
