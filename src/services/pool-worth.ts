import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extensionOf } from '../formats/extension.ts';

// Whether a batch import pays for a parse pool (parse-pool.ts). Kept apart from the readers, so a
// command can decide — and start the pool's threads — before it loads them itself.

/** Text-like files read in milliseconds. */
const LIGHT = new Set(['.txt', '.json', '.html', '.htm']);

/**
 * Whether a batch pays for a parse pool's start-up (each worker thread loads the readers and, for
 * PDFs, pdfjs: together ~0.4 s of CPU): enough PDF/Office files for every core, or a very big
 * folder. Else one thread reads.
 */
export function worthAPool(files: readonly string[], cores = availableParallelism()): boolean {
  if (cores < 2) return false;
  const heavy = files.filter((f) => !LIGHT.has(extensionOf(f))).length;
  return heavy >= 2 * cores || files.length >= 200;
}

/**
 * Before the inputs are listed: whether they may make such a batch — a folder among them, or
 * already enough files. A guess that turns out wrong only costs the threads' start-up.
 */
export async function mayBeABatch(
  inputs: readonly string[],
  cores = availableParallelism(),
): Promise<boolean> {
  if (cores < 2) return false;
  if (worthAPool(inputs, cores)) return true;
  for (const input of inputs) {
    try {
      if ((await stat(input)).isDirectory()) return true;
    } catch {}
  }
  return false;
}
