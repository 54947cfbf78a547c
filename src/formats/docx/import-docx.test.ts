import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { FormatError } from '../format-error.ts';
import { exportDocx } from './export-docx.ts';
import { documentXml, docxOf, p, partOf, tbl, tc, tr } from './fixture-docx.ts';
import { DOCX_LIMITS, importDocx } from './import-docx.ts';

async function failure(bytes: Uint8Array): Promise<FormatError> {
  try {
    await importDocx(bytes, '表.docx');
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

/** Offsets of the central directory records of a zip, to tamper with sizes and flags. */
function centralRecords(zip: Uint8Array): Array<{ offset: number; name: string }> {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = zip.length - 22;
  while (v.getUint32(eocd, true) !== 0x06054b50) eocd--;
  const count = v.getUint16(eocd + 10, true);
  let o = v.getUint32(eocd + 16, true);
  const out: Array<{ offset: number; name: string }> = [];
  for (let i = 0; i < count; i++) {
    const n = v.getUint16(o + 28, true);
    out.push({ offset: o, name: new TextDecoder().decode(zip.subarray(o + 46, o + 46 + n)) });
    o += 46 + n + v.getUint16(o + 30, true) + v.getUint16(o + 32, true);
  }
  return out;
}

function patchEntry(zip: Uint8Array, name: string, patch: (v: DataView, offset: number) => void): Uint8Array {
  const copy = zip.slice();
  const rec = centralRecords(copy).find((r) => r.name === name)!;
  patch(new DataView(copy.buffer), rec.offset);
  return copy;
}

const formDoc = (f = seedForm()) => exportDocx(f, profile('beijing'));

describe('importDocx: forms', () => {
  it('reads several forms in one document, each its own result', async () => {
    const a = form([row({ name: '道路长度', target: '≥10公里', actual: '12公里' })], {
      projectName: '甲项目',
    });
    const b = form([row({ name: '培训人数', target: '≥100人', actual: '120人' })], {
      projectName: '乙项目',
      year: 2022,
    });
    const bodyOf = async (f: typeof a) =>
      /<w:body>(.*)<w:sectPr/s.exec(partOf(await formDoc(f), 'word/document.xml'))![1]!;
    const doc = docxOf((await bodyOf(a)) + p('') + (await bodyOf(b)));
    const results = await importDocx(doc, '两张表.docx');
    expect(results.map((r) => r.form.projectName)).toEqual(['甲项目', '乙项目']);
    expect(results.map((r) => r.form.year)).toEqual([2021, 2022]);
    expect(results.map((r) => r.form.indicators[0]!.name)).toEqual(['道路长度', '培训人数']);
  });

  it('reads a form typed in Word: title paragraphs above one table', async () => {
    const body =
      p('项目支出绩效自评表') +
      p('（2022年度）') +
      tbl(
        tr(tc('项目名称'), tc('乡村道路修建', { span: 7 })),
        tr(tc('主管部门'), tc('交通局', { span: 3 }), tc('实施单位'), tc('公路站', { span: 3 })),
        tr(
          tc(['项目资金', '（万元）'], { vMerge: 'restart' }),
          tc(''),
          tc('年初预算数'),
          tc('全年预算数'),
          tc('全年执行数'),
          tc('分值'),
          tc('执行率'),
          tc('得分'),
        ),
        tr(
          tc('', { vMerge: 'continue' }),
          tc('年度资金总额'),
          tc('100'),
          tc('100'),
          tc('90'),
          tc('10'),
          tc('90%'),
          tc('9'),
        ),
        tr(
          tc('绩效指标', { vMerge: 'restart' }),
          tc('一级指标'),
          tc('二级指标'),
          tc('三级指标'),
          tc('年度指标值'),
          tc('实际完成值'),
          tc('分值'),
          tc('得分'),
        ),
        tr(
          tc('', { vMerge: 'continue' }),
          tc('产出指标'),
          tc('数量指标'),
          tc(['道路', '长度']),
          tc('≥10公里'),
          tc('12公里'),
          tc('50'),
          tc('50'),
        ),
      );
    const [r] = await importDocx(docxOf(body), '手填.docx');
    expect(r!.form).toMatchObject({
      projectName: '乡村道路修建',
      competentDepartment: '交通局',
      implementingUnit: '公路站',
      year: 2022,
    });
    expect(r!.form.funds.total).toMatchObject({ initialBudget: 100, executed: 90, executionRate: 90 });
    expect(r!.form.indicators[0]).toMatchObject({ name: '道路长度', target: '≥10公里', weight: 50 });
  });

  it('says when a valid Word document holds no form', async () => {
    const e = await failure(docxOf(p('会议纪要') + tbl(tr(tc('时间'), tc('地点')))));
    expect(e.code).toBe('not-a-form');
    expect(e.message).toContain('没有找到项目支出绩效自评表');
  });
});

describe('importDocx: bad input', () => {
  afterEach(() => {
    DOCX_LIMITS.maxTotalBytes = 200 * 1024 * 1024;
  });

  it('refuses an empty file and a file that is not a zip', async () => {
    expect((await failure(new Uint8Array())).code).toBe('corrupt');
    const e = await failure(strToU8('%PDF-1.7 not a docx'));
    expect(e.code).toBe('unsupported-format');
    expect(e.message).toContain('不是 Word 文档');
  });

  it('refuses a truncated zip', async () => {
    const whole = await formDoc();
    for (const cut of [10, whole.length / 2, whole.length - 30]) {
      const e = await failure(whole.subarray(0, Math.floor(cut)));
      expect(e.code).toBe('corrupt');
      expect(e.message).toContain('损坏');
    }
  });

  it('says an OLE file is encrypted or an old .doc', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await failure(ole);
    expect(e.code).toBe('encrypted');
    expect(e.message).toContain('加密');
    expect(e.message).toContain('.doc');
  });

  it('says a zip without word/document.xml is not a Word document, and names Excel', async () => {
    expect((await failure(zipSync({ 'a.txt': strToU8('x') }))).message).toContain('没有 word/document.xml');
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    expect((await failure(xlsx)).message).toContain('Excel');
  });

  it('refuses a zip bomb by its compression ratio before inflating', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    const e = await failure(bomb);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('压缩比');
  });

  it('refuses a zip whose entries add up to more than the cap', async () => {
    DOCX_LIMITS.maxTotalBytes = 4000;
    const e = await failure(await formDoc());
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('MB');
  });

  it('stops inflating an entry that is larger than its directory says', async () => {
    const lying = patchEntry(await formDoc(), 'word/document.xml', (v, o) => v.setUint32(o + 24, 1000, true));
    const e = await failure(lying);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('超过声明的大小');
  });

  it('says a password-protected (AES) zip entry is encrypted', async () => {
    // WinZip/7-Zip AES: the encrypted flag and method 99, in the central and the local header.
    const locked = patchEntry(await formDoc(), 'word/document.xml', (v, o) => {
      const local = v.getUint32(o + 42, true);
      for (const [flags, method] of [
        [o + 8, o + 10],
        [local + 6, local + 8],
      ] as const) {
        v.setUint16(flags, v.getUint16(flags, true) | 1, true);
        v.setUint16(method, 99, true);
      }
    });
    const e = await failure(locked);
    expect(e.code).toBe('encrypted');
    expect(e.message).toContain('密码');
  });

  it('refuses DOCTYPE and entity declarations', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>${documentXml(p('&lol2;')).replace(/^<\?xml[^>]*\?>/, '')}`;
    const e = await failure(zipSync({ 'word/document.xml': strToU8(laughs) }));
    expect(e.code).toBe('corrupt');
    expect(e.message).toContain('DOCTYPE');
    const external = `<!ENTITY x SYSTEM "file:///etc/passwd">${documentXml(p('x'))}`;
    expect((await failure(zipSync({ 'word/document.xml': strToU8(external) }))).message).toContain('实体');
  });

  it('refuses malformed XML and bad text encoding', async () => {
    expect((await failure(zipSync({ 'word/document.xml': strToU8('<w:document><w:body>') }))).code).toBe(
      'corrupt',
    );
    expect(
      (await failure(zipSync({ 'word/document.xml': new Uint8Array([0x3c, 0xff, 0xfe, 0x80]) }))).code,
    ).toBe('corrupt');
  });

  it('throws only FormatError whatever bytes of a real docx are damaged', async () => {
    const good = await formDoc(form([row({ target: '≥1个', actual: '1个' })]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (edits) => {
          const bad = good.slice();
          for (const [at, byte] of edits) bad[at] = byte;
          try {
            const results = await importDocx(bad, 'x.docx');
            expect(Array.isArray(results)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(FormatError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
