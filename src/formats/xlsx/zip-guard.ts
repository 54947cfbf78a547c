// Checks on the raw bytes before exceljs sees them: the kind of file (ZIP, or an OLE compound file:
// encrypted .xlsx or old .xls), then the shared ZIP guard (sizes, zip bombs) over the whole archive,
// since exceljs (JSZip) inflates every entry itself.

import { FormatError } from '../format-error.ts';
import { checkFileSize, inflateEntries, type ZipLimits, zipCorrupt, zipDirectory } from '../zip/zip-guard.ts';

export const XLSX_LIMITS: ZipLimits = {
  kind: 'Excel',
  maxFileBytes: 50 * 1024 * 1024,
  /** exceljs holds the whole workbook as objects (~10× the XML). */
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFrom: 1024 * 1024,
  maxEntries: 10_000,
};

const MB = 1024 * 1024;
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** UTF-16LE `EncryptedPackage`: the stream an encrypted OOXML file keeps inside its OLE container. */
function hasUtf16(bytes: Uint8Array, word: string): boolean {
  const pattern = new Uint8Array(word.length * 2);
  for (let i = 0; i < word.length; i++) pattern[i * 2] = word.charCodeAt(i);
  const limit = Math.min(bytes.length, 4 * MB) - pattern.length;
  outer: for (let o = 0; o <= limit; o++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[o + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** Throws FormatError unless `bytes` is a ZIP workbook whose entries inflate within the limits. */
export async function checkXlsxBytes(bytes: Uint8Array, file: string): Promise<void> {
  if (bytes.length === 0) throw zipCorrupt(file, '文件为空', XLSX_LIMITS);
  checkFileSize(bytes, file, XLSX_LIMITS);
  if (startsWith(bytes, OLE)) {
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      throw new FormatError(
        'encrypted',
        file,
        '这是加密（设有打开密码）的 Excel 文件，无法读取；请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入',
      );
    }
    throw new FormatError(
      'unsupported-format',
      file,
      '这是旧版 .xls（Excel 97-2003）或加密的 Excel 文件，无法读取；请在 Excel 或 WPS 中另存为 .xlsx（并取消密码）后再导入',
    );
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && !startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw zipCorrupt(file, '不是 .xlsx 文件（.xlsx 是 ZIP 压缩包，文件头不符）', XLSX_LIMITS);
  }
  const directory = zipDirectory(bytes, file, XLSX_LIMITS);
  const names = new Set(directory.map((e) => e.name.toLowerCase()));
  if (!names.has('xl/workbook.xml')) {
    const what = names.has('word/document.xml')
      ? '这是 Word 文档，不是 Excel 工作簿'
      : '压缩包中没有 xl/workbook.xml，不是 Excel 工作簿';
    throw zipCorrupt(file, what, XLSX_LIMITS);
  }
  await inflateEntries(bytes, file, XLSX_LIMITS, directory, null);
}
