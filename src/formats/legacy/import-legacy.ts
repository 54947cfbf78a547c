import type { ImportResult } from '../../core/form/import-result.ts';
import { importDocx } from '../docx/import-docx.ts';
import { FormatError } from '../format-error.ts';
import { importHtml } from '../html/import-html.ts';
import { importXlsx } from '../xlsx/import-xlsx.ts';
import { isOle, oleEntryNames } from './ole.ts';
import { type ConvertOptions, convertWithSoffice } from './soffice.ts';

// .xls/.et (spreadsheets) and .doc/.wps (documents) → forms. What the bytes are decides, not the
// name: many "Excel" downloads from government systems are HTML tables named .xls, a renamed
// .xlsx is a zip, and an old binary file says in its directory whether it is a workbook or a
// document. Only old binary (and other non-zip, non-HTML) files go through LibreOffice, as the
// Microsoft format they are — Kingsoft's .et/.wps as .xls/.doc, so LibreOffice does not take a
// .wps for a Microsoft Works file.

export const LEGACY_EXTENSIONS = ['.xls', '.et', '.doc', '.wps'] as const;
export type LegacyExtension = (typeof LEGACY_EXTENSIONS)[number];

type Family = 'sheet' | 'text';

const FAMILY: Record<LegacyExtension, Family> = {
  '.xls': 'sheet',
  '.et': 'sheet',
  '.doc': 'text',
  '.wps': 'text',
};
const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|table)\b/i;

export async function importLegacy(
  bytes: Uint8Array,
  fileName: string,
  ext: LegacyExtension,
  options: ConvertOptions = {},
): Promise<ImportResult[]> {
  if (bytes.length === 0) throw new FormatError('corrupt', fileName, '文件是空的');
  let family = FAMILY[ext];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    return family === 'sheet' ? importXlsx(bytes, fileName) : importDocx(bytes, fileName);
  }
  if (looksLikeHtml(bytes)) return importHtml(bytes, fileName);
  if (isOle(bytes)) family = oleFamily(bytes, fileName) ?? family;
  const converted = await convertWithSoffice(
    bytes,
    fileName,
    family === 'sheet' ? '.xls' : '.doc',
    family === 'sheet' ? 'xlsx' : 'docx',
    options,
  );
  return family === 'sheet' ? importXlsx(converted, fileName) : importDocx(converted, fileName);
}

/** What an OLE file's directory says it holds; null when it names neither (Kingsoft variants). */
function oleFamily(bytes: Uint8Array, fileName: string): Family | null {
  const names = oleEntryNames(bytes);
  if (!names) {
    throw new FormatError(
      'corrupt',
      fileName,
      '文件已损坏：不是完整的 Excel/Word 97-2003 文件（复合文档目录无法读取），可能下载不完整',
    );
  }
  if (names.includes('EncryptedPackage')) {
    throw new FormatError(
      'encrypted',
      fileName,
      '文件设有打开密码（已加密），无法读取；请在 Excel、Word 或 WPS 中取消密码后另存为 .xlsx/.docx 再导入',
    );
  }
  if (names.includes('Workbook') || names.includes('Book')) return 'sheet';
  if (names.includes('WordDocument')) return 'text';
  return null;
}

/** Markup at the start, after a byte-order mark and blanks (in an ASCII-compatible encoding). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('\u00ef\u00bb\u00bf')) head = head.slice(3);
  return HTML_START.test(head);
}
