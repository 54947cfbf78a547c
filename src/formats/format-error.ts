/**
 * The one exception the format adapters throw (stack.md "house rules"): a code the server maps to
 * an HTTP status and the CLI to an exit code, a Chinese message that names the file, and where in
 * it the problem is.
 */
export type FormatErrorCode =
  | 'unsupported-format'
  | 'not-a-form'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'too-many-pages'
  | 'timeout'
  /** a program the format needs is not installed (LibreOffice for .xls/.doc): the server's fault, not the file's. */
  | 'missing-component'
  | 'invalid-form-json'
  | 'unreadable';

export type FormatLocation = {
  page?: number;
  sheet?: string;
  row?: number;
  cell?: string;
  line?: number;
  path?: string;
};

export class FormatError extends Error {
  readonly code: FormatErrorCode;
  readonly file: string;
  readonly location: FormatLocation | undefined;

  constructor(code: FormatErrorCode, file: string, reason: string, location?: FormatLocation) {
    super(`${file}${describeLocation(location)}：${reason}`);
    this.name = 'FormatError';
    this.code = code;
    this.file = file;
    this.location = location;
  }
}

function describeLocation(loc: FormatLocation | undefined): string {
  if (!loc) return '';
  const parts: string[] = [];
  if (loc.sheet !== undefined) parts.push(`工作表“${loc.sheet}”`);
  if (loc.page !== undefined) parts.push(`第 ${loc.page} 页`);
  if (loc.line !== undefined) parts.push(`第 ${loc.line} 行`);
  if (loc.row !== undefined) parts.push(`第 ${loc.row} 行`);
  if (loc.cell !== undefined) parts.push(`单元格 ${loc.cell}`);
  if (loc.path !== undefined) parts.push(`字段 ${loc.path}`);
  return parts.length ? `（${parts.join('，')}）` : '';
}
