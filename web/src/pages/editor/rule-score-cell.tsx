import { Popover } from 'antd';
import { memo } from 'react';
import type { RowScore } from '../../../../src/core/scoring/score-form.ts';
import { useT } from '../../app/i18n.tsx';
import { fmtScore } from '../../components/format.ts';

export type RuleState = 'equal' | 'below' | 'above' | 'none';

/** How the rule score compares with the self score: below = the form claims more than the rules give. */
export function ruleState(r: Pick<RowScore, 'ruleScore' | 'selfScore'> | undefined): RuleState {
  if (!r || r.ruleScore === null || r.selfScore === null) return 'none';
  const d = r.ruleScore - r.selfScore;
  if (Math.abs(d) < 0.005) return 'equal';
  return d < 0 ? 'below' : 'above';
}

/** The rule score beside the self score; hovering (or focusing) shows the trail: which rule, which numbers. */
export const RuleScoreCell = memo(function RuleScoreCell({
  score,
  row,
}: {
  score: RowScore | undefined;
  row: number;
}) {
  const t = useT();
  if (!score) return <td className="col-rule" />;
  const state = ruleState(score);
  const kind = t.editor.kinds[score.kind] ?? score.kind;
  const content = (
    <div className="trail-pop">
      <p className="trail-text">{score.trail}</p>
      {score.band && <p className="trail-band">{t.editor.band(score.band.min, score.band.max)}</p>}
    </div>
  );
  return (
    <td className={`col-rule rule-${state}`} data-field={`indicators[${row}].rule`}>
      <Popover
        title={`${t.editor.trail} · ${kind}`}
        content={content}
        placement="left"
        mouseEnterDelay={0.15}
      >
        <button
          type="button"
          className="rule-score"
          aria-label={`${t.sheet.row(row + 1)} ${t.editor.ruleScore} ${fmtScore(score.ruleScore)}（${kind}）`}
        >
          <span className="rule-value">{score.ruleScore === null ? '—' : fmtScore(score.ruleScore)}</span>
          <span className="rule-kind">{kind}</span>
        </button>
      </Popover>
    </td>
  );
});
