import type { Form, FundsKey, Indicator } from '../../../../src/core/form/schema.ts';
import { rowRate } from '../../../../src/core/scoring/funds.ts';
import { round2 } from '../../../../src/core/scoring/round.ts';
import { parsePath, setAt } from './paths.ts';

// Every change the editor makes to a form, as data: the reducer, the import wizard, the bench and
// the tests all apply edits through `applyEdit`, so what is measured is what the page runs.

export type Edit =
  | { type: 'set'; path: string; value: unknown }
  | { type: 'insert-row'; at: number; row: Indicator }
  | { type: 'remove-row'; index: number }
  | { type: 'move-row'; from: number; to: number }
  /** rename the 一级/二级 of several rows at once (a merged cell). */
  | { type: 'set-levels'; indices: readonly number[]; level1?: string; level2?: string };

const FUNDS_AMOUNT = /^funds\.(total|fiscal|carryover|other)\.(initialBudget|annualBudget|executed|weight)$/;
const ROW_SCORE = /^indicators\[\d+\]\.score$/;
const ROW_WEIGHT = /^indicators\[\d+\]\.weight$/;

export function applyEdit(form: Form, edit: Edit): Form {
  switch (edit.type) {
    case 'set': {
      let next = setAt(form, edit.path, edit.value);
      const funds = FUNDS_AMOUNT.exec(edit.path);
      if (funds) {
        next = syncFundsRow(next, funds[1] as FundsKey);
        if (funds[1] === 'total') next = syncTotals(next, { score: true, weight: funds[2] === 'weight' });
      } else if (ROW_SCORE.test(edit.path)) next = syncTotals(next, { score: true });
      else if (ROW_WEIGHT.test(edit.path)) next = syncTotals(next, { weight: true });
      return next;
    }
    case 'insert-row': {
      const indicators = form.indicators.slice();
      indicators.splice(clamp(edit.at, 0, indicators.length), 0, edit.row);
      return syncTotals({ ...form, indicators }, { score: true, weight: true });
    }
    case 'remove-row': {
      if (edit.index < 0 || edit.index >= form.indicators.length) return form;
      const indicators = form.indicators.filter((_, i) => i !== edit.index);
      return syncTotals({ ...form, indicators }, { score: true, weight: true });
    }
    case 'move-row': {
      const n = form.indicators.length;
      if (edit.from === edit.to || edit.from < 0 || edit.from >= n || edit.to < 0 || edit.to >= n)
        return form;
      const indicators = form.indicators.slice();
      const [row] = indicators.splice(edit.from, 1);
      indicators.splice(edit.to, 0, row!);
      return { ...form, indicators };
    }
    case 'set-levels': {
      const wanted = new Set(edit.indices);
      const indicators = form.indicators.map((r, i) =>
        wanted.has(i)
          ? {
              ...r,
              ...(edit.level1 !== undefined ? { level1: edit.level1 } : {}),
              ...(edit.level2 !== undefined ? { level2: edit.level2 } : {}),
            }
          : r,
      );
      return { ...form, indicators };
    }
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

/**
 * The printed 执行率 and 得分 of a funds row follow its amounts as the user types (the page works
 * like the spreadsheet the form comes from). Imported figures stay as printed until edited, so
 * the audit still sees an arithmetic error in an imported form.
 */
function syncFundsRow(form: Form, key: FundsKey): Form {
  const row = form.funds[key];
  if (!row) return form;
  const rate = rowRate(row);
  const next = { ...row };
  if (rate === null) delete next.executionRate;
  else next.executionRate = round2(rate);
  if (key === 'total' && next.weight !== undefined) {
    if (rate === null) delete next.score;
    else next.score = round2((Math.max(0, Math.min(rate, 100)) / 100) * next.weight);
  }
  const empty = Object.values(next).every((v) => v === null || v === undefined);
  return { ...form, funds: { ...form.funds, [key]: empty ? null : next } };
}

/** 总分 row: printed weight and self-score totals follow the rows when a score or weight changes. */
function syncTotals(form: Form, what: { score?: boolean; weight?: boolean }): Form {
  let next = form;
  if (what.score) {
    const scores = form.indicators.map((r) => r.score);
    const fundsScore = form.funds.total?.score;
    const any = scores.some((s) => s !== null) || fundsScore !== undefined;
    next = {
      ...next,
      totalScore: any ? round2(scores.reduce<number>((a, s) => a + (s ?? 0), fundsScore ?? 0)) : null,
    };
  }
  if (what.weight) {
    const weights = form.indicators.map((r) => r.weight);
    const fundsWeight = form.funds.total?.weight;
    const any = weights.some((w) => w !== null) || fundsWeight !== undefined;
    next = {
      ...next,
      totalWeight: any ? round2(weights.reduce<number>((a, w) => a + (w ?? 0), fundsWeight ?? 0)) : null,
    };
  }
  return next;
}

/** True when the edit touches only one text cell (the common keystroke). */
export function isCellEdit(edit: Edit): boolean {
  return edit.type === 'set' && parsePath(edit.path).length > 0;
}
