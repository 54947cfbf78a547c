import { isUtf8, transcode } from 'node:buffer';
import { FormatError } from '../format-error.ts';

export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * UTF-8 bytes → string, or null when they are not valid UTF-8.
 *
 * Why not TextDecoder: for a form's mostly-CJK text Node 20's decoder (and Buffer#toString) takes
 * ~45 µs per 13 KB — a tenth of a whole import+score+audit (bench/core.bench.ts). ICU's transcode
 * to UTF-16 plus a UTF-16 slice is ~5× faster, and isUtf8 (simdutf) checks validity first, as a
 * fatal TextDecoder would. TextDecoder stays as the fallback for a Node built without ICU.
 */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  let text: string;
  try {
    text = transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
  // TextDecoder drops a leading byte-order mark; transcode keeps it as U+FEFF.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Decodes UTF-8 text, refusing binary data rather than importing mojibake. */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new FormatError(
      'too-large',
      file,
      `文件大小 ${(bytes.length / 1048576).toFixed(1)} MB，超过文本导入上限 ${MAX_TEXT_BYTES / 1048576} MB`,
    );
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    throw new FormatError('corrupt', file, '不是 UTF-8 文本（可能是二进制文件或其他编码）');
  }
  const sampled = Math.min(text.length, 65536);
  let control = 0;
  for (let i = 0; i < sampled; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  if (control > 0 && control / Math.max(1, sampled) > 0.01) {
    throw new FormatError('corrupt', file, '包含大量控制字符，不是文本文件');
  }
  return text;
}
