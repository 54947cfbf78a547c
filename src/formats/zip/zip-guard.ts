// One guard for the ZIP containers we import (.xlsx, .docx): the size of the file, the central
// directory's claims (entry count, total size, compression ratio) checked before a byte is
// inflated, then entries inflated streaming with a running count, so a directory that lies about
// its sizes is caught before the bytes pile up (zip bombs). fflate reads the ZIP; nothing here
// parses ZIP records by hand.
//
// fflate's streaming inflater hands over everything one pushed chunk expands to in one piece, and
// deflate expands up to ~1000:1: a 256 KB push of a bomb was one 260 MB buffer, allocated before
// any count could see it (an upload left the server at ~1 GB). So the compressed bytes go in small
// pushes — at most ~16 MB comes out of each, and the cap stops the entry within one — and the
// event loop gets a turn every few MB, so a bomb upload never holds up other requests.

import { Unzip, type UnzipFile, UnzipInflate, unzipSync } from 'fflate';
import { FormatError } from '../format-error.ts';

export type ZipLimits = {
  /** what the archive holds, for messages: `Excel`, `Word`. */
  kind: string;
  /** the file itself. */
  maxFileBytes: number;
  /** all entries together, uncompressed. */
  maxTotalBytes: number;
  /** compression ratio allowed for entries larger than `ratioFrom`; real Office XML stays below 50:1. */
  maxRatio: number;
  ratioFrom: number;
  maxEntries: number;
};

export type ZipEntry = {
  name: string;
  /** compressed size, as the central directory states it. */
  compressedSize: number;
  /** uncompressed size, as the central directory states it. */
  size: number;
};

const MB = 1024 * 1024;
/** APPNOTE 4.4.5: method 99 marks an AES-encrypted entry (WinZip, 7-Zip, WinRAR). */
const AES = 99;
/** compressed bytes per push: ≤ ~16 MB out of each, even for a bomb (smaller pushes cost more CPU per file). */
const CHUNK = 16384;
/** inflated bytes between two turns of the event loop. */
const YIELD_EVERY = 4 * 1024 * 1024;

const nextTurn = () => new Promise<void>((r) => setImmediate(r));

export function zipCorrupt(file: string, why: string, limits: ZipLimits): FormatError {
  const hint =
    limits.kind === 'Excel' ? '请用 Excel 或 WPS 重新保存后再导入' : '请重新保存或重新下载后再导入';
  return new FormatError('corrupt', file, `文件已损坏或不完整（${why}），${hint}`);
}

function bomb(file: string, why: string): FormatError {
  return new FormatError('too-large', file, `${why}，拒绝读取（可能是压缩炸弹）`);
}

const tooMuch = (file: string, limits: ZipLimits) => bomb(file, `解压后超过 ${limits.maxTotalBytes / MB} MB`);

const badRatio = (file: string, name: string, limits: ZipLimits) =>
  bomb(file, `“${name}”的压缩比异常（超过 ${limits.maxRatio}:1）`);

const overRatio = (size: number, compressed: number, limits: ZipLimits) =>
  size > limits.ratioFrom && size > Math.max(1, compressed) * limits.maxRatio;

/** Throws when the file itself is over the limit (checked first: nothing else is read then). */
export function checkFileSize(bytes: Uint8Array, file: string, limits: ZipLimits): void {
  if (bytes.length > limits.maxFileBytes) {
    throw new FormatError(
      'too-large',
      file,
      `文件大小 ${(bytes.length / MB).toFixed(1)} MB，超过 ${limits.kind} 导入上限 ${limits.maxFileBytes / MB} MB`,
    );
  }
}

/** The central directory, every limit checked against what it claims. Inflates nothing. */
export function zipDirectory(bytes: Uint8Array, file: string, limits: ZipLimits): ZipEntry[] {
  checkFileSize(bytes, file, limits);
  const entries: ZipEntry[] = [];
  let total = 0;
  let failure: FormatError | null = null;
  try {
    // The filter sees each central-directory record and says no: nothing is inflated here.
    unzipSync(bytes, {
      filter: (f) => {
        if (failure) return false;
        total += f.originalSize;
        if (entries.length >= limits.maxEntries) {
          failure = new FormatError(
            'too-large',
            file,
            `压缩包内有超过 ${limits.maxEntries} 个文件，拒绝读取`,
          );
        } else if (total > limits.maxTotalBytes) failure = tooMuch(file, limits);
        else if (overRatio(f.originalSize, f.size, limits)) failure = badRatio(file, f.name, limits);
        else entries.push({ name: f.name, compressedSize: f.size, size: f.originalSize });
        return false;
      },
    });
  } catch {
    throw zipCorrupt(file, 'ZIP 目录无法读取', limits);
  }
  if (failure) throw failure;
  if (entries.length === 0) throw zipCorrupt(file, '压缩包是空的', limits);
  return entries;
}

/**
 * Inflates the entries `keep` names (all entries when `keep` is null, keeping none: a check that
 * the whole archive inflates within the limits, for readers that inflate everything themselves).
 * Each entry is stopped as soon as it passes the size its directory record declared.
 */
export async function inflateEntries(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits,
  directory: readonly ZipEntry[],
  keep: ReadonlySet<string> | null,
): Promise<Map<string, Uint8Array>> {
  const declared = new Map(directory.map((e) => [e.name, e]));
  const kept = new Map<string, Uint8Array[]>();
  let total = 0;
  let failure: FormatError | null = null;
  const onFile = (entry: UnzipFile) => {
    if (failure || (keep !== null && !keep.has(entry.name))) return;
    if (entry.compression === AES) {
      failure = new FormatError('encrypted', file, '文件已加密（压缩包受密码保护），请取消密码保护后再导入');
      return;
    }
    const stated = declared.get(entry.name);
    const chunks: Uint8Array[] = [];
    if (keep !== null) kept.set(entry.name, chunks);
    let size = 0;
    entry.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = zipCorrupt(file, `“${entry.name}”无法解压（数据损坏，或设有密码）`, limits);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (keep !== null) chunks.push(chunk);
      if (total > limits.maxTotalBytes) failure = tooMuch(file, limits);
      else if (stated && size > stated.size) {
        // A directory may lie low and pass the ratio check: what it declared is all we accept.
        failure = overRatio(size, stated.compressedSize, limits)
          ? badRatio(file, entry.name, limits)
          : bomb(file, `“${entry.name}”解压后超过声明的大小`);
      } else if (overRatio(size, entry.size ?? stated?.compressedSize ?? 0, limits)) {
        failure = badRatio(file, entry.name, limits);
      }
      if (failure) entry.terminate();
    };
    try {
      entry.start();
    } catch {
      failure ??= zipCorrupt(file, `“${entry.name}”使用了不支持的压缩方式`, limits);
    }
  };
  const unzip = new Unzip(onFile);
  unzip.register(UnzipInflate);
  let sinceYield = 0;
  try {
    for (let p = 0; p < bytes.length && !failure; p += CHUNK) {
      const before = total;
      unzip.push(bytes.subarray(p, p + CHUNK), p + CHUNK >= bytes.length);
      sinceYield += total - before + CHUNK;
      if (sinceYield >= YIELD_EVERY) {
        sinceYield = 0;
        await nextTurn();
      }
    }
  } catch {
    failure ??= zipCorrupt(file, 'ZIP 数据无法解压', limits);
  }
  if (failure) throw failure;
  const out = new Map<string, Uint8Array>();
  for (const [name, chunks] of kept) {
    const stated = declared.get(name);
    const data = concat(chunks);
    if (stated && data.length !== stated.size) throw zipCorrupt(file, `“${name}”解压后大小不符`, limits);
    out.set(name, data);
  }
  return out;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
