import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { lyingWorkbook } from '../../../test/fixtures/lying-zip.ts';
import { FormatError } from '../format-error.ts';
import { checkXlsxBytes } from '../xlsx/zip-guard.ts';

async function failure(p: Promise<unknown>): Promise<FormatError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

/** Text that compresses about 3:1, like real sheet XML (well under the ratio limit). */
function sheetLike(bytes: number, seed: number): Uint8Array {
  const out = new Uint8Array(bytes);
  let x = seed;
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = 48 + ((x >>> 16) % 10);
  }
  return out;
}

describe('zip guard: streaming inflation', () => {
  it('stops an entry whose directory lies about its size, as the bytes arrive', async () => {
    const e = await failure(checkXlsxBytes(lyingWorkbook(64), '谎报.xlsx'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('谎报.xlsx');
    // stopped by the first count past the declared size (or the ratio that count shows)
    expect(e.message).toMatch(/超过声明的大小|压缩比异常/);
  });

  it('gives the event loop turns while a large archive inflates', async () => {
    const entries: Record<string, Uint8Array> = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    };
    for (let i = 0; i < 6; i++)
      entries[`xl/worksheets/sheet${i + 1}.xml`] = sheetLike(4 * 1024 * 1024, i + 1);
    const zip = zipSync(entries, { level: 1 });
    let turns = 0;
    let checking = true;
    const tick = () => {
      if (!checking) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    await checkXlsxBytes(zip, '大表.xlsx');
    checking = false;
    // 24 MB inflated: a synchronous inflater would leave no turn at all to the timer above.
    expect(turns).toBeGreaterThan(1);
  });
});
