/** Exit codes: 0 ok, 1 audit found errors (or some files failed in a batch), 2 bad input or usage. */
export const EXIT = { ok: 0, findings: 1, badInput: 2 } as const;

/** Thrown by commands to stop with a message and a code; main prints it without a stack trace. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
