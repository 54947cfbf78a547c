import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportResult } from '../core/form/import-result.ts';
import { extensionOf, IMPORTABLE } from '../formats/extension.ts';
import { FormatError } from '../formats/format-error.ts';

export type ImportOutcome =
  /** a file may hold several forms (one per sheet or table). */
  | { file: string; ok: true; results: ImportResult[] }
  | { file: string; ok: false; code: string; error: string };

export type Expanded = { files: string[]; fromDirectory: boolean; missing: string[] };

/** FILE|DIR… → the importable files, directories walked recursively in name order. */
export async function expandInputs(inputs: readonly string[]): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  let fromDirectory = false;
  for (const input of inputs) {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (info.isDirectory()) {
      fromDirectory = true;
      files.push(...(await walk(input)));
    } else files.push(input);
  }
  return { files, fromDirectory, missing };
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(path)));
    else if ((IMPORTABLE as readonly string[]).includes(extensionOf(e.name))) out.push(path);
  }
  return out;
}

/** Reads and imports every form in one file; throws FormatError (naming the file) on any failure. */
export async function readForms(file: string): Promise<ImportResult[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? '文件不存在'
        : code === 'EACCES'
          ? '没有读取权限'
          : code === 'EISDIR'
            ? '是目录，不是文件'
            : String(e);
    throw new FormatError('unreadable', file, reason);
  }
  // the readers load on first use: a batch read by a parse pool never loads them on this thread
  return (await import('../formats/import-any.ts')).importBytesAll(bytes, file);
}

/** The first form in a file — what `score` and `audit` read. */
export async function readForm(file: string): Promise<ImportResult> {
  const { firstForm } = await import('../formats/import-any.ts');
  return firstForm(await readForms(file));
}

/** Imports one file; every failure becomes a value naming the file and the reason. */
export async function importFile(
  file: string,
  read: (file: string) => Promise<ImportResult[]> = readForms,
): Promise<ImportOutcome> {
  try {
    return { file, ok: true, results: await read(file) };
  } catch (e) {
    if (e instanceof FormatError) return { file, ok: false, code: e.code, error: e.message };
    return { file, ok: false, code: 'unreadable', error: `${file}：${(e as Error).message}` };
  }
}

/**
 * Imports every file, in the order given. With a parse pool (parse-pool.ts) several files are read
 * at once, one per worker, and a few more queued so no worker waits; this thread reads too, so the
 * batch moves while the workers start (each loads the readers on its first file). Progress
 * counts files as they finish.
 */
export async function importFiles(
  files: readonly string[],
  onProgress?: (done: number, file: string) => void,
  parser?: { size: number; file(path: string): Promise<ImportResult[]> },
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const lane = (read: (file: string) => Promise<ImportResult[]>) => async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      out[i] = await importFile(file, read);
      onProgress?.(++done, file);
    }
  };
  // With a pool, every file is read in its threads (one per core): a reading lane on this thread
  // too would put one more reader than cores on the machine, each paying the readers' start-up
  // and all slowing each other.
  const lanes = parser
    ? Array.from({ length: parser.size * 2 }, () => lane((f) => parser.file(f)))
    : [lane(readForms)];
  await Promise.all(lanes.slice(0, Math.max(1, files.length)).map((run) => run()));
  return out;
}
