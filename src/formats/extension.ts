// File extensions: kept apart from the readers, so that listing a folder does not load them.

/** A file name's extension, lower-case, with its dot ('' when it has none). */
export function extensionOf(fileName: string): string {
  const m = /\.[^./\\]+$/.exec(fileName);
  return m ? m[0].toLowerCase() : '';
}

/** Extensions the importers read, in the order the CLI lists them. */
export const IMPORTABLE = [
  '.xlsx',
  '.docx',
  '.pdf',
  '.html',
  '.htm',
  '.xls',
  '.et',
  '.doc',
  '.wps',
  '.txt',
  '.json',
] as const;
