import type { RowRule } from './types.ts';

/** rules.md §1.6: only an explicit 不适用 mark leaves a row out; a blank is not one. */
export const notApplicable: RowRule = {
  id: 'not-applicable',
  name: '不适用',
  source: 'rules.md §1.6',
  apply({ row }) {
    if (row.target.kind !== 'not-applicable' && row.actual.kind !== 'not-applicable') return null;
    return {
      rule: this.id,
      kind: 'not-applicable',
      score: null,
      trail: '不适用（rules.md §1.6）：该行标注为不适用，不计分，其余指标按比例折算至原总分值。',
    };
  },
};

/** 山西: rows whose (adjusted) target is blank are skipped rather than scored (rules.md §2). */
export const blankTargetSkipped: RowRule = {
  id: 'blank-target-skipped',
  name: '指标值为空不计分',
  source: 'rules.md §2 (shanxi)',
  apply({ row, profile }) {
    if (!profile.rows.skipBlankTargets || row.target.kind !== 'blank') return null;
    return {
      rule: this.id,
      kind: 'skipped',
      score: null,
      trail: `指标值为空不计分（rules.md §2，${profile.name}）：年度指标值未填写，该行不计入总分。`,
    };
  },
};
