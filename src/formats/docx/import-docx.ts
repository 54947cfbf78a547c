import type { ImportResult } from '../../core/form/import-result.ts';
import { FormatError } from '../format-error.ts';
import { gridToForms } from '../grid/grid-to-form.ts';
import { inflateEntries, type ZipEntry, type ZipLimits, zipDirectory } from '../zip/zip-guard.ts';
import { documentGrid } from './document-grid.ts';
import { decodeXml, elementChildren, parseXml } from './docx-xml.ts';

// .docx → forms. Every table of the document, with the paragraphs around them, goes into one grid
// in document order; the shared grid parser finds the forms in it (one per 项目名称), so a
// document holding several forms yields several results.

/** D0 CF 11 E0 A1 B1 1A E1: an OLE compound file — a password-protected .docx or a Word 97-2003 .doc. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT = /\/officeDocument$/;
const RELS = '_rels/.rels';

export const DOCX_LIMITS: ZipLimits = {
  kind: 'Word',
  maxFileBytes: 100 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioFrom: 1024 * 1024,
  maxEntries: 10_000,
};
const MAX_RELS_BYTES = 1024 * 1024;
/** A form's document.xml is well under 1 MB; beyond this the DOM alone would take gigabytes. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<ImportResult[]> {
  try {
    return await readDocx(bytes, fileName);
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError(
      'unreadable',
      fileName,
      `读取 Word 文件失败：${(e as Error)?.message ?? String(e)}`,
    );
  }
}

async function readDocx(bytes: Uint8Array, file: string): Promise<ImportResult[]> {
  if (bytes.length === 0) throw new FormatError('corrupt', file, '文件是空的');
  if (OLE.every((b, i) => bytes[i] === b)) {
    throw new FormatError(
      'encrypted',
      file,
      '文件已加密（设置了打开密码），或是旧版 Word 97-2003 的 .doc 文件，无法读取：请在 Word 中取消密码后另存为 .docx 再导入',
    );
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new FormatError(
      'unsupported-format',
      file,
      '不是 Word 文档（.docx）：文件内容不是 Word 2007 及以后版本的格式',
    );
  }
  const entries = zipDirectory(bytes, file, DOCX_LIMITS);
  const part = await mainPart(bytes, entries, file);
  const entry = entries.find((e) => e.name === part);
  if (!entry) {
    const excel = entries.some((e) => e.name.startsWith('xl/'));
    throw new FormatError(
      'unsupported-format',
      file,
      excel
        ? '这是 Excel 文件，不是 Word 文档：请以 .xlsx 扩展名导入'
        : '不是 Word 文档：压缩包中没有 word/document.xml',
    );
  }
  if (entry.size > MAX_DOCUMENT_BYTES) {
    throw new FormatError(
      'too-large',
      file,
      `正文（${part}）解压后超过 ${MAX_DOCUMENT_BYTES / 1048576} MB，不像是一张自评表，拒绝读取`,
    );
  }
  const root = parseXml(decodeXml(await readEntry(bytes, entries, part, file), file, part), file, part);
  const results = gridToForms(documentGrid(root), { fileName: file });
  if (results.length === 0) {
    throw new FormatError(
      'not-a-form',
      file,
      '文档中没有找到项目支出绩效自评表（没有识别到项目名称、项目资金或绩效指标表格）',
    );
  }
  return results;
}

/** The main document part named by _rels/.rels (usually word/document.xml). */
async function mainPart(bytes: Uint8Array, entries: ZipEntry[], file: string): Promise<string> {
  const fallback = 'word/document.xml';
  const rels = entries.find((e) => e.name === RELS);
  if (!rels || rels.size > MAX_RELS_BYTES) return fallback;
  const root = parseXml(decodeXml(await readEntry(bytes, entries, RELS, file), file, RELS), file, RELS);
  for (const rel of elementChildren(root)) {
    if (rel.localName !== 'Relationship' || !OFFICE_DOCUMENT.test(rel.getAttribute('Type') ?? '')) continue;
    const target = (rel.getAttribute('Target') ?? '').replace(/^\/+/, '');
    if (target && entries.some((e) => e.name === target)) return target;
  }
  return fallback;
}

/** One entry's bytes, inflated under the ZIP guard (never more than its directory record declares). */
async function readEntry(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
  file: string,
): Promise<Uint8Array> {
  return (
    (await inflateEntries(bytes, file, DOCX_LIMITS, entries, new Set([name]))).get(name) ?? new Uint8Array()
  );
}
