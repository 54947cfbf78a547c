import { parentPort } from 'node:worker_threads';
import { FormatError } from '../formats/format-error.ts';
import { importBytesAll } from '../formats/import-any.ts';
import { readForms } from './import-files.ts';
import type { ParseReply, ParseTask } from './parse-pool.ts';

// A worker thread of the parse pool (parse-pool.ts): reads one file into Form JSON per message.
// Failures go back as values; the pool turns them into the same FormatError an in-process read
// throws, so callers cannot tell where the file was read.

async function parse(task: ParseTask): Promise<ParseReply> {
  try {
    const results =
      'path' in task ? await readForms(task.path) : await importBytesAll(task.bytes, task.fileName);
    return { id: task.id, ok: true, results };
  } catch (e) {
    if (e instanceof FormatError)
      return { id: task.id, ok: false, formatCode: e.code, file: e.file, message: e.message };
    return {
      id: task.id,
      ok: false,
      formatCode: null,
      file: '',
      message: (e as Error)?.message ?? String(e),
    };
  }
}

parentPort!.on('message', (task: ParseTask) => {
  parse(task).then(
    (reply) => parentPort!.postMessage(reply),
    (e: unknown) =>
      parentPort!.postMessage({ id: task.id, ok: false, formatCode: null, file: '', message: String(e) }),
  );
});
