import { describe, expect, it } from 'vitest';
import { Workbook } from './exceljs.ts';
import { readSheet } from './read-sheet.ts';

describe('readSheet', () => {
  it('shows cells as a spreadsheet does and keeps the stored numbers', () => {
    const ws = new Workbook().addWorksheet('S');
    ws.getCell('A1').value = 0.9351;
    ws.getCell('A1').numFmt = '0.00%';
    ws.getCell('B1').value = 2926;
    ws.getCell('B1').numFmt = '#,##0.000000';
    ws.getCell('C1').value = 0.1 + 0.2;
    ws.getCell('D1').value = new Date(Date.UTC(2021, 5, 30));
    ws.getCell('E1').value = { richText: [{ text: '不少于' }, { text: '180篇', font: { bold: true } }] };
    ws.getCell('F1').value = { formula: 'B1*2', result: 5852 };
    ws.getCell('G1').value = { formula: 'B1/0', result: { error: '#DIV/0!' } };
    ws.getCell('H1').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('I1').value = { formula: 'SUM(A1:B1)' } as never;
    ws.getCell('A2').value = '合并';
    ws.mergeCells('A2:C3');
    const { grid, uncomputed } = readSheet(ws);
    expect(grid.cells[0]).toEqual([
      '93.51%',
      '2926',
      '0.3',
      '2021年6月30日',
      '不少于180篇',
      '5852',
      '#DIV/0!',
      '链接',
      '',
    ]);
    expect(grid.cells[1]!.slice(0, 3)).toEqual(['合并', '', '']);
    expect(grid.cells[2]!.slice(0, 3)).toEqual(['', '', '']);
    expect(grid.numbers?.get('0,0')).toBe(0.9351);
    expect(grid.numbers?.get('0,5')).toBe(5852);
    expect(grid.rowSource[1]).toEqual({ sheet: 'S', row: 2 });
    expect(uncomputed).toEqual(['I1']);
  });
});
