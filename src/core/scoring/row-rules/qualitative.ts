import { clampToBand, describeBand, describeClamp, tierBand, tierName } from './bands.ts';
import type { RowRule } from './types.ts';

/** rules.md §1.4: a tier word in the actual bounds the self-score to the tier's band. */
export const qualitativeTier: RowRule = {
  id: 'qualitative-tier',
  name: '定性指标分档',
  source: 'rules.md §1.4',
  apply({ row, profile, weight, selfScore }) {
    if (row.actual.kind !== 'tier') return null;
    const { tier, word } = row.actual;
    const band = tierBand(tier, weight, profile);
    const score = clampToBand(selfScore, band);
    const [lo, hi] = profile.qualitative.bands[tier];
    const numericTarget =
      row.target.kind === 'quantity'
        ? `；注意：年度指标值为数值 ${row.indicator.target}，实际却只写了定性结论`
        : '';
    return {
      rule: this.id,
      kind: 'qualitative',
      score,
      band,
      met: tier === 'met',
      trail:
        `定性·分档（rules.md §1.4）：实际“${word}”属“${tierName(tier)}”档，得分区间为分值 ${weight} 的 ` +
        `${lo}%–${hi}%（${describeBand(band)}）${numericTarget}；${describeClamp(selfScore, score)}。`,
    };
  },
};

/**
 * rules.md §1.4–1.5: an actual the rules cannot measure (a paragraph, or a value of another kind
 * than the target) is a judgement row: the self-score is accepted within [0, weight].
 */
export const judgement: RowRule = {
  id: 'judgement',
  name: '判断行',
  source: 'rules.md §1.4, §1.5',
  apply({ row, weight, selfScore }) {
    const band = { min: 0, max: weight };
    const score = clampToBand(selfScore, band);
    const what =
      row.actual.kind === 'narrative'
        ? '实际完成值为叙述性文字，无法按公式计分'
        : row.actual.kind === 'unparsed'
          ? `实际完成值无法识别（${row.actual.reason}）`
          : '年度指标值与实际完成值不是可比的同类数值';
    return {
      rule: this.id,
      kind: 'judgement',
      score,
      band,
      trail: `判断行（rules.md §1.4）：${what}，自评得分在 0–${weight} 分内予以采信；${describeClamp(selfScore, score)}。`,
    };
  },
};
