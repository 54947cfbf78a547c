/**
 * Exit codes: 0 ok, 1 audit found errors, 2 bad input or usage (or some files failed in a batch),
 * 3 a program the input needs is not installed (LibreOffice for .xls/.doc): the machine, not the
 * file, needs fixing, and a script can tell the two apart.
 */
export const EXIT = { ok: 0, findings: 1, badInput: 2, missingComponent: 3 } as const;

/** The exit code for a failed import, by its FormatError code. */
export function exitForFormatCode(code: string): number {
  return code === 'missing-component' ? EXIT.missingComponent : EXIT.badInput;
}

/** Thrown by commands to stop with a message and a code; main prints it without a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
