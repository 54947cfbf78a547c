// Loads pdfjs-dist's legacy build on first use, and undoes what it does to the built-ins.
//
// The legacy build (the one that runs on Node 20) bundles core-js, which on V8 11 *replaces*
// native Array.prototype.push, JSON.stringify and JSON.parse with JavaScript versions for the
// whole process: JSON.stringify became ten times slower in every module of the server, not just
// here. The features pdfjs actually lacks on Node 20 (Promise.withResolvers, Set methods,
// Uint8Array base64 …) are additions and are kept; only functions that existed before loading and
// were swapped out are put back. pdfjs works with the native versions (its modern build uses them).
//
// Loading lazily also keeps the cost (and the globals) out of processes that never read a PDF.
//
// pdfjs's Node build also loads @napi-rs/canvas (a native module) the moment it is imported, to
// polyfill DOMMatrix, ImageData and Path2D for rendering. We only read text and ruling lines, never
// render, and that load was a quarter of a second of CPU in every process and parse thread that
// reads a PDF (about 4% of a 40-file batch). So for the import only, the module resolves to an
// empty one and the three globals to placeholders (pdfjs then neither loads nor warns); both are
// taken away afterwards, so anything that does render later loads the real module.
//
// Two hot spots of pdfjs's own text extraction are patched on install (patches/, patch-package):
// TextState.clone made every saved text state the prototype of the next (V8 then turns each into a
// slow dictionary-mode object), and the CFF compiler spread whole fonts into push() (which throws
// past ~120k arguments and is then concatenated). Same results; measured alternately on 40 PDFs:
// 14–17% less CPU per file for the first, about 22% for both (median of 3 rounds, 8.97 → 6.96 s).

import { createRequire, Module } from 'node:module';
import { dirname } from 'node:path';
import { type CachedModule, defaultCacheDir, loadCachedModule } from './cached-module.ts';
import { InThreadPort } from './in-thread-port.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const GUARDED: Array<[string, object]> = [
  ['Array.prototype', Array.prototype],
  ['Object', Object],
  ['JSON', JSON],
  ['Math', Math],
  ['Promise', Promise],
  ['Promise.prototype', Promise.prototype],
  ['String.prototype', String.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
  ['Function.prototype', Function.prototype],
  ['RegExp.prototype', RegExp.prototype],
  ['Uint8Array.prototype', Uint8Array.prototype],
  ['TypedArray.prototype', Object.getPrototypeOf(Uint8Array.prototype) as object],
  ['ArrayBuffer.prototype', ArrayBuffer.prototype],
];

type Snapshot = Array<{ target: object; key: string | symbol; descriptor: PropertyDescriptor }>;

function snapshot(): Snapshot {
  const out: Snapshot = [];
  for (const [, target] of GUARDED) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor && typeof descriptor.value === 'function') out.push({ target, key, descriptor });
    }
  }
  return out;
}

/** Puts back every native function that loading replaced. */
function restore(before: Snapshot): void {
  for (const { target, key, descriptor } of before) {
    if (Object.getOwnPropertyDescriptor(target, key)?.value !== descriptor.value) {
      Object.defineProperty(target, key, descriptor);
    }
  }
}

let loading: Promise<Pdfjs> | null = null;

const RENDER_GLOBALS = ['DOMMatrix', 'ImageData', 'Path2D'] as const;

/** Runs `load` with @napi-rs/canvas resolving to an empty module (see the top of this file). */
async function withoutCanvas<T>(load: () => Promise<T>): Promise<T> {
  const require = createRequire(import.meta.url);
  let path: string;
  try {
    // resolved from pdfjs-dist's folder, as pdfjs itself resolves it
    const from = dirname(require.resolve('pdfjs-dist/package.json'));
    path = createRequire(`${from}/`).resolve('@napi-rs/canvas');
  } catch {
    return load();
  }
  if (require.cache[path]) return load();
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = {};
  require.cache[path] = stub;
  const g = globalThis as Record<string, unknown>;
  const placed = RENDER_GLOBALS.filter((name) => g[name] === undefined);
  for (const name of placed) g[name] = class Unavailable {};
  try {
    return await load();
  } finally {
    delete require.cache[path];
    for (const name of placed) delete g[name];
  }
}

async function load(): Promise<Pdfjs> {
  const before = snapshot();
  // Both modules run as scripts with a code cache (cached-module.ts).
  const cacheDir = defaultCacheDir();
  const display = await withoutCanvas(async () =>
    loadCachedModule<Pdfjs>('pdfjs-dist/legacy/build/pdf.mjs', cacheDir),
  );
  // The worker module would be imported (with its own core-js) by the first getDocument; loading
  // it now, where pdfjs's fake worker finds it (globalThis.pdfjsWorker), lets one restore cover both.
  const workerSide = loadCachedModule<unknown>('pdfjs-dist/legacy/build/pdf.worker.mjs', cacheDir);
  restore(before);
  loaded = [display, workerSide];
  return display.exports;
}

let loaded: Array<CachedModule<unknown>> = [];

/** After a document was read: keeps pdfjs's compiled code for the next process (once). */
export function keepCompiledPdfjs(): void {
  for (const m of loaded) m.saveCache();
}

/** How this thread loaded pdfjs's two modules (empty: not yet). */
export function pdfjsModulesLoaded(): Array<Pick<CachedModule<unknown>, 'cache' | 'cacheFile'>> {
  return loaded.map((m) => ({ cache: m.cache, cacheFile: m.cacheFile }));
}

/** The pdfjs-dist module, loaded once. */
export function pdfjs(): Promise<Pdfjs> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

type WorkerHandle = InstanceType<Pdfjs['PDFWorker']>;
let worker: Promise<WorkerHandle> | null = null;

/**
 * The pdfjs worker every document of this thread is read through: pdfjs's worker code in this
 * thread, behind a port that hands messages over without serialising them (in-thread-port.ts).
 * Documents are told apart by pdfjs itself, as in a real worker; a document's task does not end it.
 */
export function readerWorker(): Promise<WorkerHandle> {
  worker ??= pdfjs().then((lib) => {
    const port = new InThreadPort();
    const side = (
      globalThis as { pdfjsWorker?: { WorkerMessageHandler: { initializeFromPort(p: unknown): void } } }
    ).pdfjsWorker;
    if (!side) throw new Error('pdfjs worker module not loaded');
    side.WorkerMessageHandler.initializeFromPort(port);
    // the port stands where a worker's MessagePort would. The worker side takes its verbosity
    // here, once (getDocument's own only reaches workers it creates): errors only, as the readers
    // ask for, so damaged files print nothing (their errors become FormatErrors).
    return lib.PDFWorker.create({ port: port as unknown as Worker, verbosity: lib.VerbosityLevel.ERRORS });
  });
  worker.catch(() => {
    worker = null;
  });
  return worker;
}
