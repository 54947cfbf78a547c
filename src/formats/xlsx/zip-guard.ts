// Checks on the raw bytes before exceljs sees them: the kind of file (ZIP, or an OLE compound file:
// encrypted .xlsx or old .xls), the size, and zip bombs. The central directory's sizes are checked
// first without inflating anything; then every entry is inflated in chunks with a running count,
// so a directory that lies about sizes is caught before exceljs (JSZip) would inflate it whole.

import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { FormatError } from '../format-error.ts';

export const XLSX_LIMITS = {
  /** the .xlsx file itself. */
  maxFileBytes: 50 * 1024 * 1024,
  /** all entries together, uncompressed. exceljs holds the whole workbook as objects (~10× the XML). */
  maxTotalBytes: 100 * 1024 * 1024,
  /** compression ratio allowed for entries larger than `ratioFrom`; real sheet XML stays well below. */
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

function bomb(file: string, why: string): FormatError {
  return new FormatError('too-large', file, `${why}，拒绝读取（可能是压缩炸弹）`);
}

function corrupt(file: string, why: string): FormatError {
  return new FormatError('corrupt', file, `文件已损坏或不完整（${why}），请用 Excel 或 WPS 重新保存后再导入`);
}

/** Throws FormatError unless `bytes` is a ZIP whose entries inflate within the limits. */
export function checkXlsxBytes(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw corrupt(file, '文件为空');
  if (bytes.length > XLSX_LIMITS.maxFileBytes) {
    throw new FormatError(
      'too-large',
      file,
      `文件大小 ${(bytes.length / MB).toFixed(1)} MB，超过 Excel 导入上限 ${XLSX_LIMITS.maxFileBytes / MB} MB`,
    );
  }
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
    throw corrupt(file, '不是 .xlsx 文件（.xlsx 是 ZIP 压缩包，文件头不符）');
  }
  checkDirectory(bytes, file);
  checkInflatedSizes(bytes, file);
}

function checkDirectory(bytes: Uint8Array, file: string): void {
  let total = 0;
  let entries = 0;
  let failure: FormatError | null = null;
  const names = new Set<string>();
  try {
    // The filter sees each central-directory record and says no: nothing is inflated here.
    unzipSync(bytes, {
      filter: (f) => {
        if (failure) return false;
        entries++;
        total += f.originalSize;
        names.add(f.name.toLowerCase());
        if (entries > XLSX_LIMITS.maxEntries) {
          failure = new FormatError(
            'too-large',
            file,
            `压缩包内有超过 ${XLSX_LIMITS.maxEntries} 个文件，拒绝读取`,
          );
        } else if (total > XLSX_LIMITS.maxTotalBytes) {
          failure = bomb(file, `解压后超过 ${XLSX_LIMITS.maxTotalBytes / MB} MB`);
        } else if (
          f.originalSize > XLSX_LIMITS.ratioFrom &&
          f.originalSize > Math.max(1, f.size) * XLSX_LIMITS.maxRatio
        ) {
          failure = bomb(file, `“${f.name}”的压缩比异常（超过 ${XLSX_LIMITS.maxRatio}:1）`);
        }
        return false;
      },
    });
  } catch {
    throw corrupt(file, 'ZIP 目录无法读取');
  }
  if (failure) throw failure;
  if (entries === 0) throw corrupt(file, '压缩包是空的');
  if (!names.has('xl/workbook.xml')) {
    const what = names.has('word/document.xml')
      ? '这是 Word 文档，不是 Excel 工作簿'
      : '压缩包中没有 xl/workbook.xml，不是 Excel 工作簿';
    throw corrupt(file, what);
  }
}

function checkInflatedSizes(bytes: Uint8Array, file: string): void {
  let total = 0;
  let failure: FormatError | null = null;
  const unzip = new Unzip((entry) => {
    let size = 0;
    entry.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = corrupt(file, '压缩数据无法解压');
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (total > XLSX_LIMITS.maxTotalBytes)
        failure = bomb(file, `解压后超过 ${XLSX_LIMITS.maxTotalBytes / MB} MB`);
      else if (
        size > XLSX_LIMITS.ratioFrom &&
        entry.size !== undefined &&
        size > Math.max(1, entry.size) * XLSX_LIMITS.maxRatio
      ) {
        failure = bomb(file, `“${entry.name}”的压缩比异常（超过 ${XLSX_LIMITS.maxRatio}:1）`);
      }
      if (failure) entry.terminate();
    };
    try {
      entry.start();
    } catch {
      failure ??= corrupt(file, `“${entry.name}”使用了不支持的压缩方式`);
    }
  });
  unzip.register(UnzipInflate);
  try {
    const step = 256 * 1024;
    for (let p = 0; p < bytes.length && !failure; p += step)
      unzip.push(bytes.subarray(p, p + step), p + step >= bytes.length);
  } catch {
    failure ??= corrupt(file, 'ZIP 数据无法解压');
  }
  if (failure) throw failure;
}
