import type { Form, Indicator } from '../form/schema.ts';
import { extractQuantities } from '../grammar/extract.ts';
import { parseValue } from '../grammar/parse.ts';
import type { Comparator, QuotedNumber, Value } from '../grammar/value.ts';

/**
 * Every cell of a form parsed once, shared by scoring and audit so neither re-parses.
 * Pure data: the index is the row's position in `form.indicators`.
 */
export type AnalysedRow = {
  index: number;
  indicator: Indicator;
  target: Value;
  actual: Value;
  /** the comparator that decides the direction (rules.md §1.3), null when target is not a quantity. */
  direction: Comparator | null;
  /** true when the direction was inferred from the row's level (no comparator written). */
  directionInferred: boolean;
  isCost: boolean;
};

export type AnalysedForm = {
  form: Form;
  rows: AnalysedRow[];
  /** numbers quoted in the goal cells (offsets into the cell text). */
  goals: { expected: QuotedNumber[]; actual: QuotedNumber[] };
};

// rules.md §1.3: rows under a 成本 heading are lower-is-better.
const COST = '成本';

export function analyseForm(form: Form): AnalysedForm {
  const ctx = { year: form.year };
  const rows = form.indicators.map((indicator, index): AnalysedRow => {
    const target = parseValue(indicator.target, ctx);
    const actual = parseValue(indicator.actual, ctx);
    const isCost = indicator.level2.includes(COST) || indicator.level1.includes(COST);
    let direction: Comparator | null = null;
    let directionInferred = false;
    if (target.kind === 'quantity') {
      // rules.md §1.3: a bare number means ≥ in 数量/质量/效益 rows and ≤ in 成本 rows.
      direction = target.comparator ?? (isCost ? '<=' : '>=');
      directionInferred = target.comparator === null;
    }
    return { index, indicator, target, actual, direction, directionInferred, isCost };
  });
  const goals = {
    expected: extractQuantities(form.goals.expected),
    actual: extractQuantities(form.goals.actual),
  };
  return { form, rows, goals };
}
