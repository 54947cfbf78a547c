/** A file name's extension, lower-case, with its dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}
