// Builders for the expected values of the grammar's table tests (notation, unit, seed): the
// expectations are written by hand, these only spell the objects shortly.
import type { Comparator, Quantity, Unit } from './value.ts';

export const count = (symbol: string): Unit => ({ dimension: 'count', symbol });
export const time = (symbol: string): Unit => ({ dimension: 'time', symbol });
export const MONEY: Unit = { dimension: 'money', symbol: '元' };
export const RATIO: Unit = { dimension: 'ratio', symbol: '%' };

export function q(
  comparator: Comparator | null,
  amount: number,
  unit: Unit | null,
  unitText: string,
  writtenAmount = amount,
): Quantity {
  return { kind: 'quantity', comparator, amount, unit, unitText, writtenAmount };
}

/** The seed form's year: deadlines written without one (`6月底前`) take it. */
export const CTX = { year: 2021 };
