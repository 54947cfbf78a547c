import { describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { formGrid } from '../layout/form-grid.ts';
import { printParts, rowSlots } from './print-parts.ts';

describe('printParts', () => {
  const grid = formGrid(seedForm(), profile('beijing'));
  const parts = printParts(grid);

  it('prints the title and year as headings, then the top block and the indicator table', () => {
    expect(parts.headings.map((h) => h.text)).toEqual(['项目支出绩效自评表', '（2021年度）']);
    expect(parts.tables).toHaveLength(2);
    const [top, indicators] = parts.tables;
    expect(top!.headerRows).toBe(0);
    expect(top!.fromRow).toBe(2);
    expect(indicators!.fromRow).toBe(grid.repeatRows!.from);
    expect(indicators!.headerRows).toBe(1);
    expect(top!.rowCount + indicators!.rowCount + 2).toBe(grid.rowCount);
  });

  it('cuts the 绩效指标 label at the header row, keeping its text above and no border between', () => {
    const indicators = parts.tables[1]!;
    const col0 = indicators.cells.filter((c) => c.col === 0);
    expect(col0[0]).toMatchObject({ row: 0, rowSpan: 1, text: '绩效指标', openBottom: true });
    expect(col0[1]).toMatchObject({ row: 1, rowSpan: seedForm().indicators.length, text: '', openTop: true });
    // No cell of the header row reaches into the body.
    expect(indicators.cells.filter((c) => c.row === 0).every((c) => c.rowSpan === 1)).toBe(true);
  });

  it('gives every row slots covering all nine columns', () => {
    for (const t of parts.tables) {
      for (const slots of rowSlots(t)) {
        expect(slots.reduce((n, s) => n + s.cell.colSpan, 0)).toBe(9);
      }
    }
  });

  it('prints one table without repeats when the grid has no header rows', () => {
    const single = printParts({ ...grid, repeatRows: null });
    expect(single.tables).toHaveLength(1);
    expect(single.tables[0]!.headerRows).toBe(0);
  });
});
