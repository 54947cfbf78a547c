import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { exportDocx } from './export-docx.ts';
import { partOf } from './fixture-docx.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function parse(xml: string): Element {
  return new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
}
const all = (el: Element, name: string): Element[] => Array.from(el.getElementsByTagNameNS(W, name));
const direct = (el: Element, name: string): Element[] =>
  (Array.from(el.childNodes).filter((c) => c.nodeType === 1) as Element[]).filter(
    (c) => c.localName === name,
  );
const val = (el: Element | undefined): string | null => el?.getAttributeNS(W, 'val') ?? null;

describe('exportDocx', async () => {
  const bytes = await exportDocx(seedForm(), profile('beijing'));
  const doc = parse(partOf(bytes, 'word/document.xml'));
  const tables = all(doc, 'tbl');

  it('is an A4 landscape document', () => {
    const size = all(doc, 'pgSz')[0]!;
    expect(size.getAttributeNS(W, 'w')).toBe('16838');
    expect(size.getAttributeNS(W, 'h')).toBe('11906');
    expect(size.getAttributeNS(W, 'orient')).toBe('landscape');
  });

  it('puts the centred bold title and the year above two tables, kept apart by a paragraph', () => {
    const body = all(doc, 'body')[0]!;
    const kinds = direct(body, 'p').length;
    expect(kinds).toBe(3);
    const order = (Array.from(body.childNodes).filter((c) => c.nodeType === 1) as Element[]).map(
      (c) => c.localName,
    );
    expect(order).toEqual(['p', 'p', 'tbl', 'p', 'tbl', 'sectPr']);
    const title = direct(body, 'p')[0]!;
    expect(title.textContent).toBe('项目支出绩效自评表');
    expect(val(all(title, 'jc')[0])).toBe('center');
    expect(all(title, 'b')).toHaveLength(1);
    expect(direct(body, 'p')[1]!.textContent).toBe('（2021年度）');
  });

  it('repeats the indicator header row, the first row of the second table, on every page', () => {
    expect(tables).toHaveLength(2);
    expect(all(tables[0]!, 'tblHeader')).toHaveLength(0);
    const rows = direct(tables[1]!, 'tr');
    expect(all(rows[0]!, 'tblHeader')).toHaveLength(1);
    expect(rows.slice(1).every((r) => all(r, 'tblHeader').length === 0)).toBe(true);
    expect(rows[0]!.textContent).toBe(
      '绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
    );
  });

  it('writes merges as gridSpan and vMerge, every row spanning the nine grid columns', () => {
    for (const t of tables) {
      expect(all(t, 'gridCol')).toHaveLength(9);
      for (const r of direct(t, 'tr')) {
        const spans = direct(r, 'tc').map((tc) => Number(val(all(tc, 'gridSpan')[0]) ?? 1));
        expect(spans.reduce((a, b) => a + b, 0)).toBe(9);
      }
    }
    // 项目资金（万元） spans its header row and the four funds rows.
    const col0 = direct(tables[0]!, 'tr').map((r) => direct(r, 'tc')[0]!);
    const merge = col0.map((tc) => (all(tc, 'vMerge')[0] ? (val(all(tc, 'vMerge')[0]) ?? 'continue') : null));
    const funds = col0.findIndex((tc) => tc.textContent === '项目资金（万元）');
    expect(merge.slice(funds, funds + 5)).toEqual([
      'restart',
      'continue',
      'continue',
      'continue',
      'continue',
    ]);
    // 产出指标 spans its 24 rows of the indicator table.
    const level1 = direct(tables[1]!, 'tr')
      .slice(1, 25)
      .map((r) => direct(r, 'tc')[1]!);
    expect(level1[0]!.textContent).toBe('产出指标');
    expect(level1.map((tc) => val(all(tc, 'vMerge')[0]) ?? 'continue')).toEqual([
      'restart',
      ...Array(23).fill('continue'),
    ]);
  });

  it('draws every border, and none inside the 绩效指标 label cut at the header row', () => {
    const borders = all(tables[0]!, 'tblBorders')[0]!;
    for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) {
      expect(all(borders, side)[0]?.getAttributeNS(W, 'val')).toBe('single');
    }
    const [head, first] = direct(tables[1]!, 'tr');
    expect(val(all(direct(head!, 'tc')[0]!, 'bottom')[0])).toBe('nil');
    expect(val(all(direct(first!, 'tc')[0]!, 'top')[0])).toBe('nil');
  });

  it('sets column widths from the grid and a fixed layout', () => {
    const widths = all(tables[1]!, 'gridCol').map((g) => Number(g.getAttributeNS(W, 'w')));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(16838 - 850 * 2);
    expect(widths[5]! / widths[0]!).toBeCloseTo(30 / 8, 1);
    expect(
      val(all(tables[1]!, 'tblLayout')[0]) ?? all(tables[1]!, 'tblLayout')[0]?.getAttributeNS(W, 'type'),
    ).toBe('fixed');
  });

  it('keeps user line breaks as w:br', () => {
    const goals = all(doc, 'tc').find((tc) => tc.textContent?.startsWith('年度目标：'))!;
    expect(all(goals, 'br').length).toBe(5);
  });

  it('sets SimSun as the East Asian font and numbers pages 第 X 页 共 Y 页', () => {
    const styles = partOf(bytes, 'word/styles.xml');
    expect(styles).toMatch(/w:eastAsia="SimSun"/);
    expect(partOf(bytes, 'word/fontTable.xml')).toContain('<w:altName w:val="宋体"/>');
    const footer = partOf(bytes, 'word/footer1.xml');
    expect(footer).toMatch(/第 .*PAGE.* 页 共 .*NUMPAGES.* 页/s);
  });

  it('escapes hostile text and keeps it as text', async () => {
    const f = form([row({ name: '<w:t>x</w:t>', target: 'A & B', actual: ']]>' })], {
      projectName: '"<script>" & \'x\'',
    });
    const out = await exportDocx(f, null);
    expect(parse(partOf(out, 'docProps/core.xml')).textContent).toContain('"<script>" & \'x\'');
    const d = parse(partOf(out, 'word/document.xml'));
    const texts = all(d, 't').map((t) => t.textContent);
    expect(texts).toContain('"<script>" & \'x\'');
    expect(texts).toContain('<w:t>x</w:t>');
    expect(texts).toContain(']]>');
  });

  it('exports a form without indicators: the header row and the total still print', async () => {
    const d = parse(partOf(await exportDocx(form([]), null), 'word/document.xml'));
    const rows = direct(all(d, 'tbl')[1]!, 'tr');
    expect(rows.map((r) => r.textContent)).toEqual([
      '绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
      '总分100-',
    ]);
  });
});
