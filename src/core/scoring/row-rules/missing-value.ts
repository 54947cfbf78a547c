import type { RowRule } from './types.ts';

/**
 * rules.md §1.6 and §3: a blank actual is a finding, not "not applicable", and a placeholder
 * target (`**`) was never filled in. Neither can be scored, so the row earns 0 until fixed —
 * an unscorable row must never be silently scored.
 */
export const missingValue: RowRule = {
  id: 'missing-value',
  name: '缺少指标值',
  source: 'rules.md §1.6, §3',
  apply({ row }) {
    const { target, actual } = row;
    let why: string | null = null;
    if (target.kind === 'placeholder') why = `年度指标值为占位符“${target.text}”，目标从未填写`;
    else if (target.kind === 'blank') why = '年度指标值为空';
    else if (actual.kind === 'blank') why = '实际完成值为空';
    else if (actual.kind === 'placeholder') why = `实际完成值为占位符“${actual.text}”`;
    if (why === null) return null;
    return {
      rule: this.id,
      kind: 'unscorable',
      score: 0,
      trail: `无法计分（rules.md §1.6、§3）：${why}，按 0 分计，请补填后重新评分。`,
    };
  },
};
