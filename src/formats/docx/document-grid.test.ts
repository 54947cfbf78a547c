import { describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { readGridOf } from '../grid/from-export-grid.ts';
import { formGrid } from '../layout/form-grid.ts';
import { documentGrid } from './document-grid.ts';
import { parseXml } from './docx-xml.ts';
import { exportDocx } from './export-docx.ts';
import { documentXml, p, partOf, tbl, tc, tr } from './fixture-docx.ts';

const gridOf = (body: string) => documentGrid(parseXml(documentXml(body), 'x.docx', 'word/document.xml'));

describe('documentGrid', () => {
  it('reads the exported seed back to exactly the grid that was rendered', async () => {
    const bytes = await exportDocx(seedForm(), profile('beijing'));
    const grid = documentGrid(parseXml(partOf(bytes, 'word/document.xml'), 's.docx', 'word/document.xml'));
    const expected = readGridOf(formGrid(seedForm(), profile('beijing')));
    expect(grid.cells).toEqual(expected.cells);
    // '项目名称' where formGrid put it, and the merged area under 项目资金（万元） blank.
    expect(grid.cells[2]![0]).toBe('项目名称');
    const funds = grid.cells.findIndex((r) => r[0] === '项目资金（万元）');
    expect(grid.cells.slice(funds + 1, funds + 5).map((r) => r[0])).toEqual(['', '', '', '']);
    // the title lines are paragraphs, the rest table rows with their table and row number.
    expect(grid.rowSource.slice(0, 3)).toEqual([{}, {}, { table: 1, row: 1 }]);
    const header = grid.cells.findIndex((r) => r[1] === '一级指标');
    expect(grid.rowSource[header]).toEqual({ table: 2, row: 1 });
  });

  it('puts paragraphs outside tables as one-cell rows, in document order', () => {
    const grid = gridOf(
      p('项目支出绩效自评表') +
        p('（2021年度）') +
        p('   ') +
        tbl(tr(tc('项目名称'), tc('甲'), tc('乙'))) +
        p('填表人：张三'),
    );
    expect(grid.cells).toEqual([
      ['项目支出绩效自评表', '', ''],
      ['（2021年度）', '', ''],
      ['项目名称', '甲', '乙'],
      ['填表人：张三', '', ''],
    ]);
  });

  it('honours gridSpan, vMerge restart/continue, gridBefore and gridAfter', () => {
    const grid = gridOf(
      tbl(
        tr(tc('A', { vMerge: 'restart' }), tc('B', { span: 2 }), tc('C')),
        tr(tc('', { vMerge: 'continue' }), tc('D'), tc('E', { span: 2, vMerge: 'restart' })),
        tr(tc('ignored', { vMerge: 'continue' }), tc('F'), tc('', { span: 2, vMerge: 'continue' })),
        `<w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="2"/></w:trPr>${tc('G')}</w:tr>`,
      ),
    );
    expect(grid.cells).toEqual([
      ['A', 'B', '', 'C'],
      ['', 'D', 'E', ''],
      ['', 'F', '', ''],
      ['', 'G', '', ''],
    ]);
  });

  it('keeps paragraphs and line breaks of a cell as lines, tabs as spaces', () => {
    const cell = `<w:tc><w:p><w:r><w:t>年度目标：</w:t></w:r></w:p><w:p><w:r><w:t>1、完成</w:t><w:tab/><w:t>建设</w:t><w:br/><w:t>2、服务</w:t></w:r></w:p></w:tc>`;
    expect(gridOf(tbl(tr(cell))).cells).toEqual([['年度目标：\n1、完成 建设\n2、服务']]);
  });

  it('reads through content controls and tracked insertions, skips deletions and fallbacks', () => {
    const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
    const alt = `<mc:AlternateContent><mc:Choice Requires="wps">${run('甲')}</mc:Choice><mc:Fallback>${run('甲')}</mc:Fallback></mc:AlternateContent>`;
    const para = `<w:p>${run('项目')}<w:ins>${run('名称')}</w:ins><w:del><w:r><w:delText>旧</w:delText></w:r></w:del>${alt}</w:p>`;
    const grid = gridOf(
      `<w:sdt><w:sdtContent>${para}</w:sdtContent></w:sdt>` +
        tbl(
          `<w:sdt><w:sdtContent>${tr(`<w:sdt><w:sdtContent>${tc('乙')}</w:sdtContent></w:sdt>`, tc('丙'))}</w:sdtContent></w:sdt>`,
        ),
    );
    expect(grid.cells).toEqual([
      ['项目名称甲', ''],
      ['乙', '丙'],
    ]);
  });

  it('lifts a table nested in a one-cell frame row into rows of its own', () => {
    const inner = tbl(tr(tc('项目名称'), tc('甲')), tr(tc('主管部门'), tc('乙')));
    const frame = tbl(tr(`<w:tc>${p('项目支出绩效自评表')}${inner}<w:p/></w:tc>`));
    const grid = gridOf(frame);
    expect(grid.cells).toEqual([
      ['项目支出绩效自评表', ''],
      ['项目名称', '甲'],
      ['主管部门', '乙'],
    ]);
    expect(grid.rowSource).toEqual([{}, { table: 2, row: 1 }, { table: 2, row: 2 }]);
  });

  it('flattens a table nested beside other cells into its cell text', () => {
    const inner = tbl(tr(tc('数量'), tc('10个')), tr(tc('质量'), tc('合格')));
    const grid = gridOf(tbl(tr(tc('指标'), `<w:tc>${inner}<w:p/></w:tc>`)));
    expect(grid.cells).toEqual([['指标', '数量 10个\n质量 合格']]);
  });

  it('reads legacy hMerge continuations as blank', () => {
    const cont = '<w:tc><w:tcPr><w:hMerge/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>';
    const start =
      '<w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>';
    expect(gridOf(tbl(tr(start, cont, tc('尾')))).cells).toEqual([['合并', '', '尾']]);
  });

  it("caps an absurd gridSpan at Word's column limit", () => {
    expect(gridOf(tbl(tr(tc('x', { span: 1_000_000 })))).cells[0]).toHaveLength(64);
  });

  it('reads an empty body as an empty grid', () => {
    expect(gridOf('').cells).toEqual([]);
  });
});
