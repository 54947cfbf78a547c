import type { Tier } from '../../grammar/value.ts';
import type { Profile } from '../../rules/profile.ts';
import { justBelow, round2 } from '../round.ts';
import type { Band } from './types.ts';

const TIER_NAMES: Record<Tier, string> = {
  met: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  unmet: '未达成年度指标且效果较差',
};

export function tierName(tier: Tier): string {
  return TIER_NAMES[tier];
}

/**
 * rules.md §1.4: the met band is closed [lo, hi]; the lower bands are half-open [lo, hi), so their
 * top is the largest 2-decimal score below hi.
 */
export function tierBand(tier: Tier, weight: number, profile: Profile): Band {
  const [lo, hi] = profile.qualitative.bands[tier];
  const min = round2((weight * lo) / 100);
  const max = tier === 'met' ? round2((weight * hi) / 100) : justBelow((weight * hi) / 100);
  return { min, max: Math.max(min, max) };
}

/** rules.md §1.5: a late deadline's ceiling is the top of the 部分达成 band. */
export function lateBand(weight: number, profile: Profile): Band {
  if (profile.timeliness.late === 'zero') return { min: 0, max: 0 };
  return { min: 0, max: tierBand('partial', weight, profile).max };
}

/** rules.md §1.5: a judgement row's rule score is the self-score clamped into its band. */
export function clampToBand(selfScore: number | null, band: Band): number {
  const s = selfScore ?? 0;
  return round2(Math.min(band.max, Math.max(band.min, s)));
}

export function describeBand(band: Band): string {
  return band.min === band.max ? `${band.max} 分` : `${band.min}–${band.max} 分`;
}

/** "自评 3 分 → 规则分 2.39" or "自评 2 分，在允许范围内". */
export function describeClamp(selfScore: number | null, score: number): string {
  if (selfScore === null) return `未填自评得分，按 ${score} 分计`;
  if (round2(selfScore) === score) return `自评 ${selfScore} 分在允许范围内，规则分 ${score}`;
  return `自评 ${selfScore} 分不在允许范围内，规则分取 ${score}`;
}
