import type { ImportResult } from '../../core/form/import-result.ts';
import { FormatError } from '../format-error.ts';
import { gridToForms } from '../grid/grid-to-form.ts';
import type { PdfReadOptions } from './pdf-document.ts';
import { readPdfGrid } from './read-pdf-grid.ts';

// PDF → Form JSON: geometry gives the table (read-pdf-grid.ts), the shared grid parser reads the
// form out of it, exactly as for xlsx and docx.

export type { PdfReadOptions } from './pdf-document.ts';

function hasContent(r: ImportResult): boolean {
  const f = r.form;
  return Boolean(f.projectName) || f.indicators.length > 0 || f.funds.total !== null;
}

/**
 * Every 项目支出绩效自评表 in the PDF, in page order. Throws FormatError only: 'corrupt',
 * 'encrypted', 'too-many-pages', 'timeout', or 'not-a-form' (including scans without a text layer).
 */
export async function importPdf(
  bytes: Uint8Array,
  fileName: string,
  options: PdfReadOptions = {},
): Promise<ImportResult[]> {
  const read = await readPdfGrid(bytes, fileName, options);
  if (read.textChars === 0) {
    throw new FormatError(
      'not-a-form',
      fileName,
      read.images > 0
        ? '这是扫描件（页面只有图片，没有文字层），无法读取表格内容；请导入原始的 PDF/Excel/Word 文件，或先做文字识别（OCR）'
        : 'PDF 中没有任何文字',
    );
  }
  let results: ImportResult[];
  try {
    results = gridToForms(read.grid, { fileName }).filter(hasContent);
  } catch (e) {
    throw new FormatError(
      'unreadable',
      fileName,
      `解析表格失败：${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (results.length === 0) {
    throw new FormatError(
      'not-a-form',
      fileName,
      '没有找到项目支出绩效自评表的内容（项目名称、项目资金、绩效指标均未识别）',
    );
  }
  if (read.unruledPages.length > 0) {
    const pages = read.unruledPages.join('、');
    for (const r of results) {
      r.warnings.push({
        path: '',
        message: `第 ${pages} 页没有表格线，行列是按文字位置推断的（合并单元格无法识别），请逐项核对`,
        confidence: 0.5,
        source: { page: read.unruledPages[0]! },
      });
    }
  }
  return results;
}
