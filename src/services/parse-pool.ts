import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ImportResult } from '../core/form/import-result.ts';
import { FormatError, type FormatErrorCode } from '../formats/format-error.ts';
import { workerEntry } from './worker-entry.ts';

// Reading files into Form JSON is the CPU-heavy part of a batch (PDF layout, xlsx, docx); a pool
// of worker threads, one per core, reads several at once and keeps it off the thread that answers
// requests. node:worker_threads directly: the pool needs a queue, one task per worker and a
// replacement for a worker that died — not enough to justify another dependency.

export type ParseTask = { id: number } & ({ path: string } | { bytes: Uint8Array; fileName: string });
export type ParseReply =
  | { id: number; ok: true; results: ImportResult[] }
  | { id: number; ok: false; formatCode: FormatErrorCode | null; file: string; message: string };

/** Reads a file (by path, or its bytes) into every form it holds; throws FormatError like importBytesAll. */
export type Parser = {
  readonly size: number;
  bytes(bytes: Uint8Array, fileName: string): Promise<ImportResult[]>;
  file(path: string): Promise<ImportResult[]>;
  close(): Promise<void>;
};

/**
 * Parses on the calling thread (SQLite tests, one-file commands, a machine with one core). The
 * readers load on first use: a process that only starts a pool does not load them itself.
 */
export const inProcessParser: Parser = {
  size: 1,
  bytes: async (bytes, fileName) =>
    (await import('../formats/import-any.ts')).importBytesAll(bytes, fileName),
  file: async (path) => (await import('./import-files.ts')).readForms(path),
  close: async () => undefined,
};

export const defaultPoolSize = (): number => availableParallelism();

type Pending = {
  task: ParseTask;
  resolve(r: ImportResult[]): void;
  reject(e: unknown): void;
};

type Slot = { worker: Worker; busy: Pending | null };

function failure(reply: Extract<ParseReply, { ok: false }>): Error {
  if (!reply.formatCode) return new Error(reply.message);
  const e = new FormatError(reply.formatCode, reply.file, '');
  e.message = reply.message;
  return e;
}

const fileOf = (task: ParseTask): string => ('path' in task ? task.path : task.fileName);

/**
 * `eager`: start every worker now, so that their start-up (loading the readers, ~0.2 s each)
 * overlaps whatever the caller does before the first file, instead of following it.
 */
export function createParsePool(
  options: { size?: number; maxMemoryMb?: number; eager?: boolean } = {},
): Parser {
  const size = Math.max(1, options.size ?? defaultPoolSize());
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;
  const entry = workerEntry('parse-worker');

  const spawn = (): Slot => {
    const worker = new Worker(entry.filename, {
      eval: entry.eval,
      ...(options.maxMemoryMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb } } : {}),
    });
    const slot: Slot = { worker, busy: null };
    worker.unref();
    worker.on('message', (reply: ParseReply) => {
      const p = slot.busy;
      slot.busy = null;
      worker.unref();
      if (p && p.task.id === reply.id) {
        if (reply.ok) p.resolve(reply.results);
        else p.reject(failure(reply));
      }
      pump();
    });
    const died = (err: unknown) => {
      const i = slots.indexOf(slot);
      if (i < 0) return;
      slots.splice(i, 1);
      const p = slot.busy;
      slot.busy = null;
      if (p) {
        const oom = (err as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
        p.reject(
          oom
            ? new FormatError('too-large', fileOf(p.task), `读取时超出内存上限 ${options.maxMemoryMb} MB`)
            : new Error(`读取 ${fileOf(p.task)} 的工作线程意外退出：${String(err ?? '')}`),
        );
      }
      pump();
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(code === 0 ? undefined : `退出码 ${code}`));
    slots.push(slot);
    return slot;
  };

  const pump = () => {
    while (!closed && queue.length) {
      const slot = slots.find((s) => !s.busy) ?? (slots.length < size ? spawn() : null);
      if (!slot) return;
      const p = queue.shift()!;
      slot.busy = p;
      // Referenced while it works, so a CLI run does not exit under it; idle workers keep nothing alive.
      slot.worker.ref();
      slot.worker.postMessage(p.task);
    }
  };

  if (options.eager) while (slots.length < size) spawn();

  const submit = (task: Omit<ParseTask, 'id'>): Promise<ImportResult[]> => {
    if (closed) return Promise.reject(new Error('解析线程池已关闭'));
    return new Promise((resolve, reject) => {
      queue.push({ task: { ...task, id: nextId++ } as ParseTask, resolve, reject });
      pump();
    });
  };

  return {
    size,
    bytes: (bytes, fileName) => submit({ bytes, fileName }),
    file: (path) => submit({ path }),
    async close() {
      closed = true;
      for (const p of queue.splice(0)) p.reject(new Error('解析线程池已关闭'));
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
  };
}
