import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { HTML_LIMITS, pageGrid } from './html-grid.ts';
import { formTable, governmentPage } from './test-pages.ts';

const grid = (html: string) => pageGrid(parse(html));
const cells = (html: string) => grid(html).grid.cells;

describe('pageGrid: merged cells', () => {
  it('expands rowspan and colspan as the xlsx/docx readers show merges: text top-left, "" elsewhere', () => {
    const html = `<table>
      <tr><td rowspan="2">A</td><td colspan="2">B</td><td>C</td></tr>
      <tr><td>D</td><td rowspan="2" colspan="2">E</td></tr>
      <tr><td>F</td><td>G</td></tr>
    </table>`;
    expect(cells(html)).toEqual([
      ['A', 'B', '', 'C'],
      ['', 'D', 'E', ''],
      ['F', 'G', '', ''],
    ]);
  });

  it('reads spans as browsers do: colspan 0 is 1, rowspan 0 runs to the end, no span leaves the table', () => {
    const html = `<table>
      <tr><td colspan="0">a</td><td rowspan="0">b</td><td rowspan="9">c</td></tr>
      <tr><td>d</td></tr>
      <tr><td colspan="x">e</td><td>f</td></tr>
    </table>`;
    expect(cells(html)).toEqual([
      ['a', 'b', 'c', ''],
      ['d', '', '', ''],
      ['e', '', '', 'f'],
    ]);
  });

  it('lets rowspans cross the per-row <tbody>s LibreOffice Writer writes, but not into <tfoot>', () => {
    const html = `<table>
      <thead><tr><td>一级指标</td><td>三级指标</td></tr></thead>
      <tbody><tr><td rowspan="3">产出指标</td><td>甲</td></tr></tbody>
      <tbody><tr><td>乙</td></tr></tbody>
      <tfoot><tr><td>总分</td><td>100</td></tr></tfoot>
    </table>`;
    expect(cells(html)).toEqual([
      ['一级指标', '三级指标'],
      ['产出指标', '甲'],
      ['', '乙'],
      ['总分', '100'],
    ]);
  });

  it('pads ragged rows to one width across all tables and names each row by table and <tr>', () => {
    const g = grid(
      '<table><tr><td>a</td></tr></table><table><tr><td>b</td><td>c</td><td>d</td></tr></table>',
    );
    expect(g.grid.cells).toEqual([
      ['a', '', ''],
      ['b', 'c', 'd'],
    ]);
    expect(g.grid.rowSource).toEqual([
      { table: 1, row: 1 },
      { table: 2, row: 1 },
    ]);
    expect(g.tables).toBe(2);
  });

  it('caps a hostile colspan at the column limit and says so', () => {
    const g = grid(
      '<table><tr><td colspan="1000">a</td><td>b</td></tr><tr><td rowspan="65534">c</td></tr></table>',
    );
    expect(g.truncated).toBe(true);
    expect(g.grid.cells.every((r) => r.length === HTML_LIMITS.maxColumns)).toBe(true);
    expect(g.grid.cells).toHaveLength(2);
  });
});

describe('pageGrid: cell text', () => {
  it('turns <br> and blocks into line breaks, decodes entities, reads &nbsp; as a space', () => {
    const [[text]] = cells(
      '<table><tr><td>年度目标：<br>1、A&nbsp;&amp;&nbsp;B<div>2、&lt;C&gt; &#x4E2D;&#20013;</div><p>3、</p></td></tr></table>',
    ) as [[string]];
    expect(text).toBe('年度目标：\n1、A & B\n2、<C> 中中\n3、');
  });

  it('keeps a line break of the page source (the grid parser joins wrapped lines) and collapses spaces', () => {
    const [[text]] = cells('<table><tr><td>\n   不少于\n   180篇   共   计\n</td></tr></table>') as [
      [string],
    ];
    expect(text).toBe('不少于\n180篇 共 计');
  });

  it('ignores scripts, styles, hidden cells and rows, comments and noscript', () => {
    const html = `<table>
      <tr><td>a<script>document.write('x')</script><style>td{}</style><!-- note --></td><td hidden>h</td><td>b</td></tr>
      <tr style="display: none"><td>hidden row</td></tr>
      <tr><td><span style="visibility:hidden">secret</span>c</td><td>d</td></tr>
    </table><noscript><table><tr><td>n</td></tr></table></noscript>`;
    expect(cells(html)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps the numbers a spreadsheet saved with its cells (sdval, x:num), not a date serial', () => {
    const g = grid(`<table><tr>
      <td sdval="0.9351" sdnum="1033;0;0.00%">93.51%</td>
      <td x:num="2926">2,926.00</td>
      <td sdval="44377" sdnum="1033;0;YYYY-MM-DD">2021-06-30</td>
      <td sdval="oops">5</td>
    </tr></table>`);
    expect([...g.grid.numbers!]).toEqual([
      ['0,0', 0.9351],
      ['0,1', 2926],
    ]);
  });
});

describe('pageGrid: a page around the tables', () => {
  it('keeps the short lines right above a table (title, year) and drops navigation and footers', () => {
    const g = grid(`<body><div>首页 | 新闻 | 2022年度决算</div><p>${'很长的正文'.repeat(20)}</p>
      <h2>项目支出绩效自评表</h2><p>（2021年度）</p>
      <table><caption>单位：万元</caption><tr><td>项目名称</td><td>X</td></tr></table>
      <p>相关链接</p></body>`);
    expect(g.grid.cells).toEqual([
      ['项目支出绩效自评表', ''],
      ['（2021年度）', ''],
      ['单位：万元', ''],
      ['项目名称', 'X'],
    ]);
    expect(g.grid.rowSource.slice(0, 3)).toEqual([{}, {}, {}]);
  });

  it('reads a form framed in a layout table as its own rows, and the navigation table beside it apart', () => {
    const g = grid(governmentPage(formTable({ project: '测试项目' })));
    const text = g.grid.cells.map((r) => r.filter(Boolean).join('|'));
    expect(text).toContain('通知公告');
    const title = text.indexOf('项目支出绩效自评表');
    expect(title).toBeGreaterThan(0);
    expect(text[title + 2]).toBe('项目名称|测试项目');
    expect(text.join('\n')).not.toMatch(/脚本里的假表|noscript|隐藏的内容|版权所有/);
    // The form's rows keep their width: 9 columns, the merged funds label over five rows.
    expect(g.grid.cells[title + 4]!.slice(0, 4)).toEqual(['项目资金\n（万元）', '', '', '年初预算数']);
    expect(g.grid.cells[title + 5]!.slice(0, 4)).toEqual(['', '', '年度资金总额', '1,000.00']);
  });

  it('reads a table nested in the last row of a form (a layout row) as rows of their own', () => {
    const g = grid(`<table>
      <tr><td>项目名称</td><td>X</td></tr>
      <tr><td colspan="2"><table><tr><td>一级指标</td><td>二级指标</td></tr></table></td></tr>
    </table>`);
    expect(g.grid.cells).toEqual([
      ['项目名称', 'X'],
      ['一级指标', '二级指标'],
    ]);
    expect(g.grid.rowSource).toEqual([
      { table: 1, row: 1 },
      { table: 2, row: 1 },
    ]);
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const deep = `${'<div>'.repeat(20_000)}<table><tr><td>x</td></tr></table>${'</div>'.repeat(20_000)}`;
    expect(() => grid(deep)).not.toThrow();
  });
});
