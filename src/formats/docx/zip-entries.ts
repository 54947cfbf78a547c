import { Inflate } from 'fflate';
import { FormatError } from '../format-error.ts';

// A .docx is a ZIP. Its central directory is read here by hand, not with fflate's unzipSync,
// because every size must be checked before a byte is inflated (zip bombs), and the one part we
// need is then inflated in chunks with a running count, so a directory that lies about sizes is
// caught too. fflate does the inflating.

export const ZIP_LIMITS = {
  /** the .docx file itself. */
  maxFileBytes: 100 * 1024 * 1024,
  /** all entries together, uncompressed. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** compression ratio allowed for entries larger than `ratioFrom`; real Word XML stays below 50:1. */
  maxRatio: 200,
  ratioFrom: 1024 * 1024,
  maxEntries: 10_000,
};

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MB = 1024 * 1024;

const u16 = (b: Uint8Array, o: number): number => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 2 ** 32;

function corrupt(file: string, why: string): FormatError {
  return new FormatError('corrupt', file, `文件已损坏或不完整（${why}），请重新保存或重新下载后再导入`);
}

/** The central directory, with every size limit checked. Inflates nothing. */
export function zipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  if (bytes.length > ZIP_LIMITS.maxFileBytes) {
    throw new FormatError(
      'too-large',
      file,
      `文件大小 ${(bytes.length / MB).toFixed(1)} MB，超过 Word 导入上限 ${ZIP_LIMITS.maxFileBytes / MB} MB`,
    );
  }
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 65535); o--) {
    if (u32(bytes, o) === EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) throw corrupt(file, '找不到 ZIP 目录');
  let count = u16(bytes, eocd + 10);
  let dirSize = u32(bytes, eocd + 12);
  let dirOffset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(bytes, eocd - 12);
    if (u32(bytes, z) !== ZIP64_EOCD) throw corrupt(file, 'ZIP64 目录无效');
    count = u64(bytes, z + 32);
    dirSize = u64(bytes, z + 40);
    dirOffset = u64(bytes, z + 48);
  }
  if (count > ZIP_LIMITS.maxEntries) {
    throw new FormatError('too-large', file, `压缩包内有 ${count} 个文件，超过上限 ${ZIP_LIMITS.maxEntries}`);
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt(file, 'ZIP 目录超出文件末尾');

  const entries: ZipEntry[] = [];
  let total = 0;
  let o = dirOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CENTRAL) throw corrupt(file, 'ZIP 目录项无效');
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const entry: ZipEntry = {
      flags: u16(bytes, o + 8),
      method: u16(bytes, o + 10),
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
      name: new TextDecoder().decode(bytes.subarray(o + 46, o + 46 + nameLength)),
    };
    readZip64Extra(bytes.subarray(o + 46 + nameLength, o + 46 + nameLength + extraLength), entry);
    o += 46 + nameLength + extraLength + u16(bytes, o + 32);
    total += entry.size;
    if (total > ZIP_LIMITS.maxTotalBytes) {
      throw new FormatError(
        'too-large',
        file,
        `解压后超过 ${ZIP_LIMITS.maxTotalBytes / MB} MB，拒绝读取（可能是压缩炸弹）`,
      );
    }
    if (entry.size > ZIP_LIMITS.ratioFrom && entry.size > entry.compressedSize * ZIP_LIMITS.maxRatio) {
      throw new FormatError(
        'too-large',
        file,
        `“${entry.name}”的压缩比异常（超过 ${ZIP_LIMITS.maxRatio}:1），拒绝读取（可能是压缩炸弹）`,
      );
    }
    entries.push(entry);
  }
  return entries;
}

/** ZIP64 extra field (id 1): the 64-bit values of the fields that are 0xFFFFFFFF, in this order. */
function readZip64Extra(extra: Uint8Array, entry: ZipEntry): void {
  for (let o = 0; o + 4 <= extra.length; o += 4 + u16(extra, o + 2)) {
    if (u16(extra, o) !== 1) continue;
    let p = o + 4;
    if (entry.size === 0xffffffff) {
      entry.size = u64(extra, p);
      p += 8;
    }
    if (entry.compressedSize === 0xffffffff) {
      entry.compressedSize = u64(extra, p);
      p += 8;
    }
    if (entry.localOffset === 0xffffffff) entry.localOffset = u64(extra, p);
    return;
  }
}

/** One entry's bytes, never more than its declared size. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  if (entry.flags & 1)
    throw new FormatError('encrypted', file, '文件已加密（压缩包受密码保护），请取消密码保护后再导入');
  const o = entry.localOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== LOCAL) throw corrupt(file, `“${entry.name}”的位置无效`);
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > bytes.length) throw corrupt(file, `“${entry.name}”被截断`);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw corrupt(file, `“${entry.name}”的大小不符`);
    return data.slice();
  }
  if (entry.method !== 8) throw corrupt(file, `“${entry.name}”使用了不支持的压缩方式 ${entry.method}`);
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflate = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      throw new FormatError(
        'too-large',
        file,
        `“${entry.name}”解压后超过声明的大小，拒绝读取（可能是压缩炸弹）`,
      );
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    const step = 64 * 1024;
    for (let p = 0; p < data.length || p === 0; p += step) {
      inflate.push(data.subarray(p, p + step), p + step >= data.length);
    }
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw corrupt(file, `“${entry.name}”无法解压`);
  }
  if (written !== entry.size) throw corrupt(file, `“${entry.name}”解压后大小不符`);
  return out;
}
