import type { Form, Indicator } from '../form/schema.ts';
import { extractQuantities } from '../grammar/extract.ts';
import { parseValue } from '../grammar/parse.ts';
import { parseTarget } from '../grammar/parts.ts';
import type { Comparator, QuotedNumber, Value } from '../grammar/value.ts';
import { isProcessRow } from './process-rows.ts';

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
  /**
   * a 项目决策 / 项目管理 row (process-rows.ts): its actual is a judgement (`目标明确、内容细化`) and
   * its target often a dash, so it is scored as a judgement row (rules.md §1.4).
   */
  process: boolean;
};

export type AnalysedForm = {
  form: Form;
  rows: AnalysedRow[];
  /** numbers quoted in the goal cells (offsets into the cell text). */
  goals: { expected: QuotedNumber[]; actual: QuotedNumber[] };
};

// rules.md §1.3: rows under a 成本 heading are lower-is-better.
const COST = '成本';

/** A dash typed (or OCR'd) as `一` in a process row's value cell: no value, not the number 1. */
const DASH_AS_YI = /^一+$/;

export function analyseForm(form: Form): AnalysedForm {
  const ctx = { year: form.year };
  const rows = form.indicators.map((indicator, index): AnalysedRow => {
    const process = isProcessRow(indicator);
    // v1.1: a target printed over 指标性质 | 指标值 | 度量单位 is read from its columns (grammar/parts.ts).
    let target = parseTarget(indicator.target, indicator.targetParts, ctx);
    let actual = parseValue(indicator.actual, ctx);
    if (process) {
      if (DASH_AS_YI.test(indicator.target.trim())) target = { kind: 'placeholder', text: indicator.target };
      if (DASH_AS_YI.test(indicator.actual.trim())) actual = { kind: 'placeholder', text: indicator.actual };
    }
    const isCost = indicator.level2.includes(COST) || indicator.level1.includes(COST);
    let direction: Comparator | null = null;
    let directionInferred = false;
    if (target.kind === 'quantity') {
      // rules.md §1.3: a bare number means ≥ in 数量/质量/效益 rows and ≤ in 成本 rows.
      direction = target.comparator ?? (isCost ? '<=' : '>=');
      directionInferred = target.comparator === null;
    }
    return { index, indicator, target, actual, direction, directionInferred, isCost, process };
  });
  const goals = {
    expected: extractQuantities(form.goals.expected),
    actual: extractQuantities(form.goals.actual),
  };
  return { form, rows, goals };
}
