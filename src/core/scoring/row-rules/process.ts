import { clip } from '../../grammar/text.ts';
import type { Value } from '../../grammar/value.ts';
import { clampToBand, describeClamp } from './bands.ts';
import type { RowRule } from './types.ts';

/** Values a formula can compare: a process row with two of these is scored like any other row. */
const measurable = (v: Value): boolean =>
  v.kind === 'quantity' || v.kind === 'deadline' || v.kind === 'schedule';

/** No value at all: the self-evaluation of the row was never written. */
const empty = (v: Value): boolean => v.kind === 'blank' || v.kind === 'placeholder';

/**
 * rules.md §1.4 (judgement rows): a 项目决策 / 项目管理 row (analysis/process-rows.ts) states a
 * judgement on how the project was run (`目标明确、内容细化`) against a target that is usually a
 * dash. No formula applies, so the self-score is accepted within [0, weight] — never a placeholder
 * target scored 0. A process row with a measurable target and actual (资金到位率 `100%` / `100%`) is
 * left to the formula rules.
 */
export const processJudgement: RowRule = {
  id: 'process-judgement',
  name: '过程类指标（判断行）',
  source: 'rules.md §1.4',
  apply({ row, weight, selfScore }) {
    if (!row.process) return null;
    if (measurable(row.target) && measurable(row.actual)) return null;
    const { indicator: ind } = row;
    const group = [ind.level1, ind.level2].filter((s) => s.trim()).join(' / ');
    if (empty(row.actual)) {
      return {
        rule: 'process-missing-actual',
        kind: 'unscorable',
        score: 0,
        trail: `无法计分（rules.md §1.4、§1.6）：过程类指标（${group}）的实际完成值${row.actual.kind === 'blank' ? '为空' : `为占位符“${ind.actual.trim()}”`}，没有可采信的评价结论，按 0 分计，请补填后重新评分。`,
      };
    }
    const band = { min: 0, max: weight };
    const score = clampToBand(selfScore, band);
    const target = empty(row.target) ? '未设数值目标' : `为“${clip(ind.target.trim())}”`;
    return {
      rule: this.id,
      kind: 'judgement',
      score,
      band,
      trail:
        `判断行·过程类指标（rules.md §1.4）：${group}属项目决策与管理评价，年度指标值${target}，` +
        `实际“${clip(ind.actual.trim())}”为评价结论，不按公式计分；自评得分在 0–${weight} 分内予以采信；${describeClamp(selfScore, score)}。`,
    };
  },
};
