// pdfjs's two modules (the display side, 1 MB, and the worker side, 2.4 MB of JavaScript) loaded
// as scripts with a V8 code cache.
//
// Every process and parse thread that reads a PDF compiles both modules, then compiles each
// function it runs on the first document (V8 compiles lazily): about a quarter of a second of CPU
// before the first page, paid again by every importer process of a batch. Node 20 keeps no compile
// cache for ES modules, but a vm.Script takes V8's cached data, and cached data made after the
// first document holds the bytecode of every function that document needed. Both files are single
// bundles whose only module syntax is one closing `export { … }` and `import.meta.url`: the export
// becomes the script's return value, import.meta.url the file's URL, and the few dynamic imports
// (a JPEG 2000 decoder fallback, pdfjs's own worker file) go through this module's loader.
//
// The cache lives in node_modules/.cache/jixiao/ (where tools keep their caches, owned by whoever
// installed the package: not a shared temporary folder, since cached bytecode is code). V8 checks
// it against the source and its own version and flags and rejects a stale or damaged one; then the
// source is compiled as before and the cache written again. Not writable: no cache, same result.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

const EXPORT_LINE = /^export \{([^}]*)\};$/m;

export type CacheUse = 'used' | 'rejected' | 'absent' | 'off';

export type CachedModule<T> = {
  exports: T;
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

/** Runs the bundled ES module `specifier` as a script in this context; `cacheDir` null: no cache. */
export function loadCachedModule<T>(specifier: string, cacheDir: string | null): CachedModule<T> {
  const file = createRequire(import.meta.url).resolve(specifier);
  const source = readFileSync(file, 'utf8');
  const exported = EXPORT_LINE.exec(source);
  if (!exported || /\bas\b/.test(exported[1]!))
    throw new Error(`${specifier}：找不到末尾的 export { … } 行，pdfjs-dist 的构建方式变了`);
  const body = source
    .replace(EXPORT_LINE, `return {${exported[1]}};`)
    .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(file).href));
  const cacheFile = cacheDir
    ? join(cacheDir, `${basename(file)}.${process.version}.${process.arch}.v8`)
    : null;
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {}
  }
  const script = new vm.Script(`(function () {\n${body}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: ((s: string) => import(s)) as never,
  });
  const exports = (script.runInThisContext() as () => T)();
  const cache: CacheUse = !cacheFile
    ? 'off'
    : !cachedData
      ? 'absent'
      : script.cachedDataRejected
        ? 'rejected'
        : 'used';
  let saved = cache === 'used' || cacheFile === null;
  return {
    exports,
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
