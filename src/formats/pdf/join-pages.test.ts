import { describe, expect, it } from 'vitest';
import { joinPages } from './join-pages.ts';
import type { LooseLine, PageLayout, PageTable } from './page-table.ts';

/** A page table from a sketch: '^' merges with the cell above, '<' with the cell to the left. */
function table(sketch: string[][], openBottom = false, top = 500, open?: boolean[]): PageTable {
  const anchor: Array<Array<[number, number]>> = [];
  const cells = sketch.map((row, r) => {
    anchor.push([]);
    return row.map((s, c) => {
      const a: [number, number] = s === '^' ? anchor[r - 1]![c]! : s === '<' ? anchor[r]![c - 1]! : [r, c];
      anchor[r]!.push(a);
      return s === '^' || s === '<' ? '' : s;
    });
  });
  const openColumns = open ?? cells[0]!.map(() => openBottom);
  return { top, family: 'f', cells, anchor, openBottom, openColumns, ruled: true };
}

const page = (n: number, tables: PageTable[], lines: LooseLine[] = []): PageLayout => ({
  page: n,
  tables,
  lines,
});

const HEADER = ['绩效指标', '一级指标', '二级指标', '三级指标', '分值'];

describe('joinPages', () => {
  it('drops the repeated header and folds group cells redrawn under the break into the cells above', () => {
    const p1 = table([HEADER, ['^', '产出指标', '数量指标', '甲', '2'], ['^', '^', '^', '乙', '3']]);
    const p2 = table([
      HEADER,
      ['^', '产出指标', '数量指标', '丙', '4'],
      ['^', '效益指标', '社会效益指标', '丁', '5'],
    ]);
    const grid = joinPages([page(1, [p1], [{ top: 600, text: '项目支出绩效自评表' }]), page(2, [p2])]);
    expect(grid.cells).toEqual([
      ['项目支出绩效自评表', '', '', '', ''],
      HEADER,
      ['', '产出指标', '数量指标', '甲', '2'],
      ['', '', '', '乙', '3'],
      ['', '', '', '丙', '4'],
      ['', '效益指标', '社会效益指标', '丁', '5'],
    ]);
    expect(grid.rowSource.map((s) => s.page)).toEqual([1, 1, 1, 1, 2, 2]);
  });

  it('keeps a single-row cell that happens to repeat the one above (two indicators of one name)', () => {
    // Only merged areas are folded: one-row cells may really repeat, and a repeated group name
    // (产出指标 here) reads the same either way.
    const p1 = table([HEADER, ['^', '产出指标', '时效指标', '定额工作经费', '3']]);
    const p2 = table([HEADER, ['^', '产出指标', '成本指标', '定额工作经费', '2']]);
    const grid = joinPages([page(1, [p1]), page(2, [p2])]);
    expect(grid.cells.at(-1)).toEqual(['', '产出指标', '成本指标', '定额工作经费', '2']);
  });

  // Calc prints a merged cell's text once, centred on the whole area, and clips it on every page:
  // the group cell's rows on the first pages are blank, its text stands on a later page, and its
  // clipped copy shows up in the text above the table.
  it('puts the text of a group cell printed on a later page back where the area began', () => {
    const groupOpen = [true, true, true, false, false];
    const p1 = table(
      [HEADER, ['^', '产出指标', '数量指标', '甲', '2'], ['^', '', '', '乙', '3']],
      false,
      500,
      groupOpen,
    );
    const p2 = table([HEADER, ['^', '', '', '丙', '4'], ['^', '^', '^', '丁', '5']], false, 500, groupOpen);
    const p3 = table([HEADER, ['^', '效益指标', '社会效益指标', '戊', '6']]);
    // p1's last row began new groups (blank: their text is centred further down); p3 prints it.
    p1.anchor[2]![1] = [2, 1];
    p1.anchor[2]![2] = [2, 2];
    const grid = joinPages([page(1, [p1]), page(2, [p2]), page(3, [p3])]);
    expect(grid.cells.slice(1)).toEqual([
      ['', '产出指标', '数量指标', '甲', '2'],
      ['', '效益指标', '社会效益指标', '乙', '3'],
      ['', '', '', '丙', '4'],
      ['', '', '', '丁', '5'],
      ['', '', '', '戊', '6'],
    ]);
  });

  it('drops the clipped copy of a running group cell text that stands above the next page table', () => {
    const p1 = table([HEADER, ['^', '产出指标', '质量指标', '甲', '2']], false, 500, [
      true,
      true,
      true,
      false,
      false,
    ]);
    const p2 = table([HEADER, ['^', '', '', '乙', '3']]);
    const grid = joinPages([page(1, [p1]), page(2, [p2], [{ top: 560, text: '质量指标' }])]);
    expect(grid.cells.slice(1)).toEqual([
      ['', '产出指标', '质量指标', '甲', '2'],
      ['', '', '', '乙', '3'],
    ]);
  });

  it('keeps a new group that starts at the top of a page as its own', () => {
    const p1 = table([HEADER, ['^', '产出指标', '数量指标', '甲', '2']], false, 500, [
      true,
      true,
      false,
      false,
      false,
    ]);
    const p2 = table([HEADER, ['^', '产出指标', '质量指标', '乙', '3']]);
    const grid = joinPages([page(1, [p1]), page(2, [p2])]);
    expect(grid.cells.slice(1)).toEqual([
      ['', '产出指标', '数量指标', '甲', '2'],
      ['', '', '质量指标', '乙', '3'],
    ]);
  });

  it('joins the two parts of a row split by the page break', () => {
    const p1 = table([HEADER, ['^', '产出指标', '数量指标', '甲', '2']], true);
    const p2 = table([HEADER, ['^', '产出指标', '数量指标', '', ''], ['^', '^', '^', '乙', '3']]);
    p2.cells[1]![3] = '续行';
    const grid = joinPages([page(1, [p1]), page(2, [p2])]);
    expect(grid.cells.slice(1)).toEqual([
      ['', '产出指标', '数量指标', '甲\n续行', '2'],
      ['', '', '', '乙', '3'],
    ]);
  });

  it('drops a title repeated above a continued table but keeps a new form that starts with a title', () => {
    const title = { top: 600, text: '项目支出绩效自评表' };
    const first = table([HEADER, ['^', '产出指标', '数量指标', '甲', '2']]);
    const continued = table([HEADER, ['^', '产出指标', '数量指标', '乙', '3']]);
    const another = table([['项目名称', '<', '新项目', '<', '<']]);
    const grid = joinPages([
      page(1, [first], [title]),
      page(2, [continued], [title]),
      page(3, [another], [title]),
    ]);
    expect(grid.cells.map((r) => r[3] || r[0])).toEqual([
      '项目支出绩效自评表',
      '三级指标',
      '甲',
      '乙',
      '项目支出绩效自评表',
      '项目名称',
    ]);
  });

  it('pads ragged rows to one width', () => {
    const grid = joinPages([page(1, [table([['a', 'b', 'c']])], [{ top: 600, text: '标题' }])]);
    expect(grid.cells).toEqual([
      ['标题', '', ''],
      ['a', 'b', 'c'],
    ]);
  });
});
