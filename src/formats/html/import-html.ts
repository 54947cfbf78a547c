import { parse } from 'parse5';
import type { ImportResult } from '../../core/form/import-result.ts';
import { FormatError } from '../format-error.ts';
import { gridToForms } from '../grid/grid-to-form.ts';
import { decodeHtml } from './decode-html.ts';
import { HTML_LIMITS, pageGrid } from './html-grid.ts';

// .html/.htm → forms: forms published as web pages, spreadsheets and documents saved as web pages,
// and our own HTML export. The page's tables become one grid (html-grid.ts) and the same grid
// parser as the xlsx, docx and PDF readers finds the forms in it.

/** A page holding a form is well under a megabyte; the DOM of a bigger one takes many times its size. */
export const MAX_HTML_BYTES = 32 * 1024 * 1024;
/** Bytes looked at for NULs: text never has them, a binary file renamed .html soon does. */
const BINARY_PROBE = 4096;

/** Every form in the page, in document order. Throws FormatError, never anything else. */
export function importHtml(bytes: Uint8Array, fileName: string): ImportResult[] {
  try {
    return read(bytes, fileName);
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError('unreadable', fileName, `读取网页失败：${(e as Error)?.message ?? String(e)}`);
  }
}

function read(bytes: Uint8Array, file: string): ImportResult[] {
  if (bytes.length === 0) throw new FormatError('corrupt', file, '文件是空的');
  if (bytes.length > MAX_HTML_BYTES) {
    throw new FormatError(
      'too-large',
      file,
      `网页文件 ${(bytes.length / 1048576).toFixed(1)} MB，超过网页导入上限 ${MAX_HTML_BYTES / 1048576} MB`,
    );
  }
  const { text, encoding } = decodeHtml(bytes);
  if (!encoding.startsWith('utf-16') && bytes.subarray(0, BINARY_PROBE).includes(0)) {
    throw new FormatError('corrupt', file, '不是网页文件：内容是二进制数据');
  }
  const page = pageGrid(parse(text));
  if (page.tables === 0) {
    throw new FormatError(
      'not-a-form',
      file,
      '网页中没有表格（<table>），没有找到项目支出绩效自评表；如是扫描件或图片，请导入原始的 PDF、Excel 或 Word 文件',
    );
  }
  const results = gridToForms(page.grid, { fileName: file });
  if (results.length === 0) {
    throw new FormatError(
      'not-a-form',
      file,
      `网页的 ${page.tables} 个表格中没有找到项目支出绩效自评表（应有项目名称、项目资金、绩效指标等栏目）`,
    );
  }
  if (page.truncated) {
    for (const r of results) {
      r.warnings.push({
        path: '',
        message: `网页表格超过 ${HTML_LIMITS.maxRows} 行或 ${HTML_LIMITS.maxColumns} 列，只读取了前面部分`,
        confidence: 0.5,
      });
    }
  }
  return results;
}
