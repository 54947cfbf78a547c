import { toNotation } from '../../grammar/format.ts';
import type { Comparator, Quantity, Unit } from '../../grammar/value.ts';
import { round2 } from '../round.ts';
import type { RowOutcome, RowRule } from './types.ts';

const DIRECTION_NAME: Record<Comparator, string> = {
  '>=': '越高越好（≥）',
  '>': '越高越好（>）',
  '<=': '越低越好（≤）',
  '<': '越低越好（<）',
  '=': '等于目标（=）',
};

/** rules.md §1.3: units must agree after normalisation; a bare number takes the other's unit. */
export function unitsAgree(a: Unit | null, b: Unit | null): boolean {
  if (a === null || b === null) return true;
  return a.dimension === b.dimension && a.symbol === b.symbol;
}

export function showQuantity(q: Quantity): string {
  return toNotation(q);
}

/**
 * A quantitative row's outcome. A module function, not a closure made per row: tsx (keepNames)
 * renames every named closure as it is created, which costs more than the scoring itself.
 */
function outcome(
  direction: Comparator,
  head: string,
  score: number,
  why: string,
  met: boolean,
  completion?: number,
): RowOutcome {
  const o: RowOutcome = {
    rule:
      direction === '<=' || direction === '<'
        ? 'lower-is-better'
        : direction === '='
          ? 'equality'
          : 'higher-is-better',
    kind: 'quantitative',
    score: round2(score),
    band: { min: round2(score), max: round2(score) },
    met,
    trail: `${head}；${why}`,
  };
  // Set only when known (no spread of a temporary object): facts stays absent otherwise.
  if (completion !== undefined) o.facts = { completion };
  return o;
}

/** Scores a quantity target against a quantity actual (rules.md §1.3). */
export const quantitative: RowRule = {
  id: 'quantitative',
  name: '定量指标',
  source: 'rules.md §1.3',
  apply({ row, profile, weight }) {
    const { target, actual, direction } = row;
    if (target.kind !== 'quantity' || actual.kind !== 'quantity' || direction === null) return null;
    const head = `定量·${DIRECTION_NAME[direction]}（rules.md §1.3）：目标 ${showQuantity(target)}${row.directionInferred ? `（未写比较符，${row.isCost ? '成本' : '数量/质量/效益'}类按${direction === '<=' ? '≤' : '≥'}处理）` : ''}，实际 ${showQuantity(actual)}`;
    if (!unitsAgree(target.unit, actual.unit)) {
      return {
        rule: 'unit-mismatch',
        kind: 'unscorable',
        score: 0,
        trail: `${head}；单位不一致（${target.unitText || '无'} 与 ${actual.unitText || '无'}），无法比较，按 0 分计，请统一单位。`,
        facts: { unitMismatch: { target: target.unitText, actual: actual.unitText } },
      };
    }
    // rules.md §1.3: negative actuals count as 0.
    const a = Math.max(0, actual.amount);
    const t = target.amount;
    if (direction === '=' && t === 0) {
      const full = a <= 0;
      return outcome(
        direction,
        head,
        full ? weight : 0,
        full ? `目标为 0 且实际为 0，得满分 ${weight}。` : `目标为 0 而实际为 ${a}，得 0 分。`,
        full,
      );
    }
    if (direction === '>=' || direction === '>' || direction === '=') {
      if (t <= 0) return outcome(direction, head, weight, `目标为 0，实际不低于 0，得满分 ${weight}。`, true);
      const ratio = a / t;
      const completion = ratio * 100;
      const s = weight * Math.min(ratio, 1);
      const capped = ratio > 1 ? '（超过 100% 按 100% 计）' : '';
      return outcome(
        direction,
        head,
        s,
        `完成比 = ${round2(completion)}%${capped}；得分 = ${weight} × ${round2(Math.min(completion, 100))}% = ${round2(s)}。`,
        ratio >= 1,
        completion,
      );
    }
    // lower is better
    if (a <= t || a === 0) {
      return outcome(
        direction,
        head,
        weight,
        `实际未超过目标，得满分 ${weight}。`,
        true,
        t > 0 ? (a / t) * 100 : 0,
      );
    }
    if (profile.quantitative.lowerIsBetter === 'linear-deviation') {
      const dev = t > 0 ? (a - t) / t : Number.POSITIVE_INFINITY;
      const s = dev >= 1 ? 0 : weight * (1 - dev);
      return outcome(
        direction,
        head,
        s,
        `偏离度法：超出目标 ${round2(dev * 100)}%，得分 = ${weight} × (1 − ${round2(dev * 100)}%) = ${round2(s)}（超出一倍及以上为 0）。`,
        false,
        t > 0 ? (a / t) * 100 : undefined,
      );
    }
    const s = t > 0 ? weight * Math.min(t / a, 1) : 0;
    return outcome(
      direction,
      head,
      s,
      `比率法：得分 = ${weight} × 目标 ÷ 实际 = ${weight} × ${round2((t / a) * 100)}% = ${round2(s)}。`,
      false,
      (a / t) * 100,
    );
  },
};
