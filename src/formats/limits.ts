/** Upload cap for binary formats: a real form file is well under a megabyte. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
