import type { Form } from '../../core/form/schema.ts';
import type { CellReport } from './report.ts';
import { cellsOf, SPACE, type Stream } from './stream.ts';
import type { ZonedHit } from './zones.ts';

// The 总分 / 合计 row: its weight total and its score total, from the cells after the label, or
// from a pair of figures the layout printed away from it.

export function readTotals(
  s: Stream,
  pieces: readonly { from: number; to: number; zone: string; after: ZonedHit | null }[],
  pair: number[] | null,
  form: Form,
  report: CellReport,
): void {
  const p = pieces.find((x) => x.zone === 'totals' && x.after?.role === 'totals');
  const nums = p ? figuresAfterTotal(s, p.from, p.to, form) : [];
  const got = nums.length > 0 ? nums : (pair ?? []);
  if (got.length === 0) return;
  const weights = form.indicators.reduce((a, r) => a + (r.weight ?? 0), 0);
  if (got.length >= 2) {
    form.totalWeight = got[0]!;
    form.totalScore = got[1]!;
    report.set('totalWeight', nums.length > 0 ? 0.9 : 0.5);
    report.set('totalScore', nums.length > 0 ? 0.9 : 0.5);
  } else if (got.length === 1) {
    // One figure under 总分: the weight column when it adds up, else the score.
    const fundsWeight = form.funds.total?.weight ?? 0;
    if ([100, weights, weights + fundsWeight].some((w) => Math.abs(got[0]! - w) < 1e-9)) {
      form.totalWeight = got[0]!;
      report.set('totalWeight', 0.8);
    } else {
      form.totalScore ??= got[0]!;
      report.set('totalScore', 0.6);
    }
  }
}

/**
 * The figures of the 总分 row: its cells, or one run of digits cut where the weights say
 * (`10098` → 100, 98; `110108.3` → 110, 108.3 when the weights add up to 110).
 */
function figuresAfterTotal(s: Stream, from: number, to: number, form: Form): number[] {
  const cells = cellsOf(s, from, to, SPACE)
    .map(([a, b]) => s.key.slice(a, b))
    .filter((k) => /^\d+(?:\.\d+)?$/.test(k));
  if (cells.length !== 1) return cells.slice(0, 2).map(Number);
  const run = cells[0]!;
  const weights = form.indicators.reduce((a, r) => a + (r.weight ?? 0), 0);
  for (const w of [100, weights, weights + (form.funds.total?.weight ?? 0)]) {
    const ws = String(w);
    if (run.length > ws.length && run.startsWith(ws)) {
      const rest = Number(run.slice(ws.length));
      if (Number.isFinite(rest) && rest <= w && !run.slice(ws.length).startsWith('0')) return [w, rest];
    }
  }
  return [Number(run)];
}
