import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { escapeHtml, exportHtml } from './export-html.ts';

function tables(html: string): Element[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.getElementsByTagName('table'));
}

/** Columns covered by each row of a table, counting cells merged down from rows above. */
function coveredColumns(table: Element): number[] {
  const rows = Array.from(table.getElementsByTagName('tr'));
  const carry: number[] = [];
  return rows.map((tr, r) => {
    let n = carry[r] ?? 0;
    for (const cell of Array.from(tr.childNodes).filter((c) => c.nodeType === 1) as Element[]) {
      const span = Number(cell.getAttribute('colspan') ?? 1);
      const down = Number(cell.getAttribute('rowspan') ?? 1);
      n += span;
      for (let k = 1; k < down; k++) carry[r + k] = (carry[r + k] ?? 0) + span;
    }
    return n;
  });
}

describe('exportHtml', () => {
  const html = exportHtml(seedForm(), profile('beijing'));

  it('is one self-contained zh-CN page', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|\ssrc=|\shref=|url\(|@import/i);
  });

  it('prints A4 landscape with the indicator header row in a repeated thead and page numbers', () => {
    expect(html).toMatch(
      /@page\{size:A4 landscape;margin:[^}]*@bottom-center\{content:"第 " counter\(page\) " 页 共 " counter\(pages\) " 页"/,
    );
    expect(html).toContain('thead{display:table-header-group}');
    const [, indicators] = tables(html);
    const thead = indicators!.getElementsByTagName('thead')[0]!;
    expect(thead.textContent?.trim()).toBe(
      '绩效指标一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施',
    );
  });

  it('renders the form grid with its merges: every row spans the nine columns', () => {
    const all = tables(html);
    expect(all).toHaveLength(2);
    for (const t of all) for (const n of coveredColumns(t)) expect(n).toBe(9);
    expect(html).toContain('<th class="label center" rowspan="5">项目资金（万元）</th>');
    expect(html).toContain('<td class="percent right">93.51%</td>');
    expect(html).toContain('<td class="score right">99.35</td>');
    expect(html).toContain('<h1>项目支出绩效自评表</h1>');
    expect(html).toContain('<p class="subtitle">（2021年度）</p>');
  });

  it('keeps line breaks of narrative text (pre-wrap) and escapes all user text', () => {
    expect(html).toContain('年度目标：\n1、完成2021年中关村海外联络支持各项工作');
    const hostile = form(
      [
        row({
          name: '<script>alert(1)</script>',
          target: 'A & B',
          actual: '"x" \'y\'',
          deviation: '</td></tr>',
        }),
      ],
      { projectName: '<img src=x onerror=alert(1)>项目 & 工程', implementingUnit: 'R&D <b>' },
    );
    const out = exportHtml(hostile, null);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;项目 &amp; 工程');
    expect(out).toContain('A &amp; B');
    expect(out).toContain('&quot;x&quot; &#39;y&#39;');
    expect(out).toContain(
      '<title>项目支出绩效自评表 — &lt;img src=x onerror=alert(1)&gt;项目 &amp; 工程</title>',
    );
    for (const t of tables(out)) for (const n of coveredColumns(t)) expect(n).toBe(9);
  });

  it('escapes every markup character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('uses the profile labels (安徽: 本年财政拨款, 产出指标(…分))', () => {
    const f = form([row({ target: '≥10个', actual: '12个', weight: 50, score: 50 })], { fundsUnit: '元' });
    const out = exportHtml(f, profile('anhui'));
    expect(out).toContain('其中：本年财政拨款');
    expect(out).toContain('产出指标(50分)');
    expect(out).toContain('项目资金（元）');
  });

  it('renders a form without indicators', () => {
    const out = exportHtml(form([]), null);
    for (const t of tables(out)) for (const n of coveredColumns(t)) expect(n).toBe(9);
    expect(out).toContain('<th class="label center" colspan="6">总分</th>');
  });
});
