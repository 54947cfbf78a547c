import { isUtf8, transcode } from 'node:buffer';
import { FormatError } from '../format-error.ts';

export const MAX_TEXT_BYTES = 64 * 1024 * 1024;
/** The characters of the text checked for control characters. */
const SAMPLE = 65536;
/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return. */
const CONTROL = /[\x00-\x08\x0e-\x1f]/;

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
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // Text files hold none of these: a regex search (native code) tells so several times faster than
  // a loop over the characters (a third of decoding a form), which then runs only if one is found.
  const first = sample.search(CONTROL);
  if (first >= 0 && countControl(sample, first) / sample.length > 0.01) {
    throw new FormatError('corrupt', file, '包含大量控制字符，不是文本文件');
  }
  return text;
}

function countControl(s: string, from: number): number {
  let control = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) control++;
  }
  return control;
}
