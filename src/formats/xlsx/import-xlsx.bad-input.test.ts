import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { seedForm } from '../../../test/fixtures/build-form.ts';
import { FormatError, type FormatErrorCode } from '../format-error.ts';
import { exportXlsx } from './export-xlsx.ts';
import { importXlsx } from './import-xlsx.ts';
import { XLSX_LIMITS } from './zip-guard.ts';

async function failure(bytes: Uint8Array, name = 'bad.xlsx'): Promise<FormatError> {
  const e = await importXlsx(bytes, name).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, 'importXlsx should have thrown').toBeInstanceOf(FormatError);
  return e as FormatError;
}

async function expectCode(bytes: Uint8Array, code: FormatErrorCode): Promise<FormatError> {
  const e = await failure(bytes);
  expect(e.code).toBe(code);
  expect(e.message.startsWith('bad.xlsx')).toBe(true);
  return e;
}

/** An OLE compound file header (what .xls and encrypted .xlsx files are). */
function ole(extra = ''): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 0; i < extra.length; i++) b[1024 + i * 2] = extra.charCodeAt(i);
  return b;
}

const u32 = (b: Uint8Array, o: number, v: number) =>
  new DataView(b.buffer, b.byteOffset).setUint32(o, v, true);

describe('importXlsx on bad input', () => {
  it('an empty file, random bytes and a text file are corrupt', async () => {
    await expectCode(new Uint8Array(0), 'corrupt');
    await expectCode(
      Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256),
      'corrupt',
    );
    await expectCode(new TextEncoder().encode('项目名称,测试\n'), 'corrupt');
  });

  it('a truncated .xlsx is corrupt', async () => {
    const good = await exportXlsx(seedForm(), null);
    for (const keep of [0.3, 0.6, 0.9, 0.99])
      await expectCode(good.slice(0, Math.floor(good.length * keep)), 'corrupt');
  });

  it('a .xlsx with a damaged entry is corrupt, not a crash', async () => {
    const good = await exportXlsx(seedForm(), null);
    const bad = good.slice();
    for (let i = 200; i < 1200; i++) bad[i] = 0x55;
    const e = await failure(bad);
    expect(['corrupt', 'unreadable']).toContain(e.code);
  });

  it('a ZIP that is not a workbook (or is a Word file) is corrupt', async () => {
    await expectCode(zipSync({ 'readme.txt': new TextEncoder().encode('hello') }), 'corrupt');
    const docx = await expectCode(
      zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>') }),
      'corrupt',
    );
    expect(docx.message).toContain('Word');
  });

  it('an OLE compound file: encrypted .xlsx → encrypted, old .xls → unsupported-format, in Chinese', async () => {
    const enc = await expectCode(ole('EncryptedPackage'), 'encrypted');
    expect(enc.message).toContain('加密');
    const xls = await expectCode(ole('Workbook'), 'unsupported-format');
    expect(xls.message).toContain('.xls');
    expect(xls.message).toContain('加密');
  });

  it('a zip bomb (one huge, highly compressed entry) is refused before inflating', async () => {
    const huge = new Uint8Array(4 * 1024 * 1024); // 4 MB of zeros deflates ~1000:1
    const bytes = zipSync(
      { '[Content_Types].xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': huge },
      { level: 9 },
    );
    const e = await expectCode(bytes, 'too-large');
    expect(e.message).toContain('压缩');
  });

  it('a ZIP whose entries add up to more than the cap is refused', async () => {
    // two stored 600 KB entries whose directory claims 60 MB each: a ratio of 100:1 passes the
    // per-entry check, the total of 120 MB does not
    const block = Uint8Array.from({ length: 600 * 1024 }, (_, i) => (i * 2654435761) >>> 24);
    const bytes = zipSync({ 'xl/workbook.xml': block, 'xl/worksheets/sheet1.xml': block }, { level: 0 });
    const view = new DataView(bytes.buffer);
    for (let o = 0; o < bytes.length - 4; o++) {
      if (view.getUint32(o, true) === 0x02014b50) u32(bytes, o + 24, 60 * 1024 * 1024);
    }
    const e = await expectCode(bytes, 'too-large');
    expect(e.message).toContain(`${XLSX_LIMITS.maxTotalBytes / 1024 / 1024} MB`);
  });

  it('a ZIP whose directory lies about the sizes is caught while inflating', async () => {
    const huge = new Uint8Array(3 * 1024 * 1024);
    const bytes = zipSync(
      { 'xl/workbook.xml': new Uint8Array(10), 'xl/worksheets/sheet1.xml': huge },
      { level: 9 },
    );
    // claim 1 KB uncompressed in the central directory and the local header
    const view = new DataView(bytes.buffer);
    for (let o = 0; o < bytes.length - 4; o++) {
      const sig = view.getUint32(o, true);
      if (sig === 0x04034b50 && view.getUint32(o + 22, true) === huge.length) u32(bytes, o + 22, 1024);
      if (sig === 0x02014b50 && view.getUint32(o + 24, true) === huge.length) u32(bytes, o + 24, 1024);
    }
    const e = await expectCode(bytes, 'too-large');
    expect(e.message).toContain('压缩比');
  });

  it('a file over the size limit is too-large', async () => {
    const big = new Uint8Array(XLSX_LIMITS.maxFileBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    await expectCode(big, 'too-large');
  });
});
