import type { ImportResult } from '../core/form/import-result.ts';
import { extensionOf, IMPORTABLE } from './extension.ts';
import { FormatError } from './format-error.ts';
import { isOle } from './legacy/ole.ts';
import { MAX_FILE_BYTES } from './limits.ts';
import { readText } from './read-text.ts';
import { decodeText } from './text/decode.ts';

// The binary readers pull in exceljs, pdfjs, xmldom and parse5: load them on first use, so the
// CLI and a text import start fast.

export { MAX_FILE_BYTES };

/**
 * Any supported file → every form in it (a workbook or document may hold several). Throws
 * FormatError (never anything else) when the file holds no readable form.
 */
export async function importBytesAll(bytes: Uint8Array, file: string): Promise<ImportResult[]> {
  const ext = extensionOf(file);
  if (bytes.length > MAX_FILE_BYTES) {
    throw new FormatError(
      'too-large',
      file,
      `文件大小 ${(bytes.length / 1048576).toFixed(1)} MB，超过导入上限 ${MAX_FILE_BYTES / 1048576} MB`,
    );
  }
  try {
    // An old binary .xls/.doc renamed .xlsx/.docx (a common slip): read it as what it is.
    if ((ext === '.xlsx' || ext === '.docx') && isOle(bytes)) {
      const legacy = await import('./legacy/import-legacy.ts');
      return nonEmpty(await legacy.importLegacy(bytes, file, ext === '.xlsx' ? '.xls' : '.doc'), file);
    }
    switch (ext) {
      case '.json':
        return [(await import('./json/import-json.ts')).importFormJson(decodeText(bytes, file), file)];
      case '.txt':
      case '.text':
        return readText(decodeText(bytes, file), { fileName: file }).map((r) => requireForm(r, file));
      case '.xlsx':
        return nonEmpty(await (await import('./xlsx/import-xlsx.ts')).importXlsx(bytes, file), file);
      case '.docx':
        return nonEmpty(await (await import('./docx/import-docx.ts')).importDocx(bytes, file), file);
      case '.pdf':
        return nonEmpty(await (await import('./pdf/import-pdf.ts')).importPdf(bytes, file), file);
      case '.html':
      case '.htm':
        return (await import('./html/import-html.ts')).importHtml(bytes, file);
      case '.xls':
      case '.et':
      case '.doc':
      case '.wps':
        // Old binary Office files go through LibreOffice (formats/legacy), which may be missing.
        return nonEmpty(
          await (await import('./legacy/import-legacy.ts')).importLegacy(bytes, file, ext),
          file,
        );
      default:
        throw new FormatError(
          'unsupported-format',
          file,
          `不支持的文件类型“${ext || '无扩展名'}”，可导入：${IMPORTABLE.join(' ')}`,
        );
    }
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError('unreadable', file, `读取失败：${(e as Error)?.message ?? String(e)}`);
  }
}

/** The first form of a file: what the CLI's single-form commands (score, audit) read. */
export async function importBytes(bytes: Uint8Array, file: string): Promise<ImportResult> {
  return firstForm(await importBytesAll(bytes, file));
}

/**
 * The first form that has a table: a document site's preview often opens with the torn-off end
 * of the previous form (a name and a 总分, nothing else), which is not what the reader asked about.
 */
export function firstForm(all: readonly ImportResult[]): ImportResult {
  return all.find((r) => r.form.indicators.length > 0 || r.form.funds.total !== null) ?? all[0]!;
}

function nonEmpty(results: ImportResult[], file: string): ImportResult[] {
  if (results.length === 0) {
    throw new FormatError(
      'not-a-form',
      file,
      '没有找到项目支出绩效自评表（未识别到项目名称、项目资金或绩效指标表）',
    );
  }
  return results;
}

/** A result with no header and no indicators is not a form, whatever the reader salvaged. */
export function requireForm(result: ImportResult, file: string): ImportResult {
  const f = result.form;
  if (!f.projectName && f.indicators.length === 0 && f.funds.total === null) {
    throw new FormatError(
      'not-a-form',
      file,
      '没有找到项目支出绩效自评表的内容（项目名称、项目资金、绩效指标均未识别）',
    );
  }
  return result;
}
