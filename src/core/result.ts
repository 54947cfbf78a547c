/** Errors are values in the core: every fallible function returns one of these. */
export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; reason: string };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (reason: string): Err => ({ ok: false, reason });
