import { describe, expect, it } from 'vitest';
import type { PageContent, Rule, TextRun } from './geometry.ts';
import { columnBoundaries, findFrames, ruledTable } from './ruled-table.ts';

// The bottom of a table at a page break: is its last row cut in two (continued overleaf), or
// finished while only a group cell (一级/二级指标) runs on? Columns at x 0/100/200/300, rows
// between y 700/680/660/640; column 0 is one group cell down the whole page.

const hLine = (y: number, x1: number, x2: number): Rule => ({ x1, y1: y, x2, y2: y });
const vLine = (x: number, y1: number, y2: number): Rule => ({ x1: x, y1, x2: x, y2 });
const run = (str: string, x: number, y: number): TextRun => ({ str, x, y, width: 24, size: 10 });

function bottomOfPage(closedUnder: { group: boolean; row: boolean }): boolean {
  const horizontal = [hLine(700, 0, 300), hLine(680, 100, 300), hLine(660, 100, 300)];
  if (closedUnder.group) horizontal.push(hLine(640, 0, 100));
  if (closedUnder.row) horizontal.push(hLine(640, 100, 300));
  const content: PageContent = {
    page: 1,
    horizontal,
    vertical: [0, 100, 200, 300].map((x) => vLine(x, 640, 700)),
    texts: [run('产出指标', 10, 665), run('甲', 110, 685), run('2', 210, 685), run('乙', 110, 645)],
    images: 0,
  };
  const frames = findFrames(content);
  expect(frames).toHaveLength(1);
  const { table } = ruledTable(frames[0]!, 'f', columnBoundaries(frames), content.texts);
  expect(table.cells.map((r) => r.length)).toEqual([3, 3, 3]);
  return table.openBottom;
}

describe('ruledTable: the last row at a page break', () => {
  it('is finished when its own cells are closed and only the group cell beside it runs on (Calc)', () => {
    expect(bottomOfPage({ group: false, row: true })).toBe(false);
  });

  it('is cut in two when none of its cells is closed (a row Word splits over the break)', () => {
    expect(bottomOfPage({ group: false, row: false })).toBe(true);
  });

  it('is finished when every cell is closed', () => {
    expect(bottomOfPage({ group: true, row: true })).toBe(false);
  });
});
