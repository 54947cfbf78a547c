import { describe, expect, it } from 'vitest';
import type { FundsColumn } from '../../core/template/schema.ts';
import { readFundsRow } from './funds-row.ts';

const NATIONAL: FundsColumn[] = [
  'initialBudget',
  'annualBudget',
  'executed',
  'weight',
  'executionRate',
  'score',
];
const read = (cells: string[], columns = NATIONAL, separated = true, subRow = false) =>
  readFundsRow(cells, columns, { subRow, separated })?.values;

describe('funds row: figures to columns', () => {
  it('lays one figure per column when every cell is there', () => {
    expect(read(['500', '480', '456', '10', '95%', '9.5'])).toEqual({
      initialBudget: 500,
      annualBudget: 480,
      executed: 456,
      weight: 10,
      executionRate: 95,
      score: 9.5,
    });
  });

  it('takes a vanished cell to be 全年执行数 when the rate cannot tell (blank later columns beat blank budgets)', () => {
    expect(read(['40', '40', '10', '100%', '98'])).toEqual({
      initialBudget: 40,
      annualBudget: 40,
      weight: 10,
      executionRate: 100,
      score: 98,
    });
  });

  it('puts two different figures where their ratio is the printed rate (全年预算数 and 全年执行数)', () => {
    expect(read(['72.4', '70.2', '10', '96%', '9'])).toEqual({
      annualBudget: 72.4,
      executed: 70.2,
      weight: 10,
      executionRate: 96,
      score: 9,
    });
  });

  it('reads dashes in a 其中 row as blank cells, not figures', () => {
    const v = read(['88', '88', '86', '-', '-'], NATIONAL, true, true)!;
    expect([v.initialBudget, v.annualBudget, v.executed]).toEqual([88, 88, 86]);
    for (const c of ['weight', 'executionRate', 'score'] as const) expect(typeof v[c]).not.toBe('number');
  });

  it('cuts figures that run together by the arithmetic', () => {
    expect(read(['606012100%'], NATIONAL, false)).toEqual({
      initialBudget: 60,
      annualBudget: 60,
      weight: 12,
      executionRate: 100,
    });
    expect(
      read(['353510100.00%10'], ['annualBudget', 'executed', 'weight', 'executionRate', 'score'], false),
    ).toEqual({
      annualBudget: 35,
      executed: 35,
      weight: 10,
      executionRate: 100,
      score: 10,
    });
    expect(read(['121.5121.5100%'], ['annualBudget', 'executed', 'executionRate'], false)).toEqual({
      annualBudget: 121.5,
      executed: 121.5,
      executionRate: 100,
    });
  });

  it('does not cut a figure the text printed as one cell', () => {
    expect(read(['202.64', '132.912', '132.912'], NATIONAL, true, true)).toEqual({
      initialBudget: 202.64,
      annualBudget: 132.912,
      executed: 132.912,
    });
  });

  it('returns nothing for cells that hold no figure', () => {
    expect(readFundsRow(['没有数字'], NATIONAL, { subRow: false, separated: true })).toBeNull();
  });
});
