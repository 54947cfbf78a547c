import { basename } from 'node:path';
import type { FieldWarning } from '../core/form/import-result.ts';

/** One import warning as the CLI prints it: `⚠ file path message`. */
export function warningLine(file: string, w: FieldWarning): string {
  return `⚠ ${basename(file)} ${w.path ? `${w.path} ` : ''}${w.message}`;
}

/**
 * Import warnings of a file whose command prints something else on stdout (Form JSON, a score, an
 * audit): they go to stderr, so stdout stays what a script reads and a person still sees that the
 * form under the figures was read with doubts.
 */
export function writeImportWarnings(file: string, warnings: readonly FieldWarning[]): void {
  for (const w of warnings) process.stderr.write(`${warningLine(file, w)}\n`);
}
