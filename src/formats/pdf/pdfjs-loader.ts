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

async function load(): Promise<Pdfjs> {
  const before = snapshot();
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The worker module would be imported (with its own core-js) by the first getDocument; loading
  // it now, where pdfjs's fake worker finds it (globalThis.pdfjsWorker), lets one restore cover both.
  const worker: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  await import(worker);
  restore(before);
  return lib;
}

/** The pdfjs-dist module, loaded once. */
export function pdfjs(): Promise<Pdfjs> {
  loading ??= load().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
