import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useT } from '../../app/i18n.tsx';
import { fmtPercent, fmtScore } from '../../components/format.ts';
import { GradeBadge } from '../../components/status-tag.tsx';
import type { LiveEvaluation } from './live-rescore.ts';

/** The figures a filler and a reviewer look at first, updated on every edit. */
export function TotalsBar({
  evaluation,
  onShowFindings,
}: {
  evaluation: LiveEvaluation | null;
  onShowFindings: () => void;
}) {
  const t = useT();
  const s = evaluation?.score;
  const lenient = s && s.selfTotal !== null && s.ruleTotal !== null ? s.selfTotal - s.ruleTotal : 0;
  return (
    <div className="totals-bar" aria-live="polite">
      <div className="total-item">
        <span className="total-label">{t.editor.executionRate}</span>
        <span className="total-value" data-testid="execution-rate">
          {fmtPercent(s?.executionRate)}
        </span>
      </div>
      <div className="total-item">
        <span className="total-label">{t.editor.fundsScore}</span>
        <Tooltip title={s?.funds.trail}>
          <span className="total-value" data-testid="funds-score-total">
            {s ? fmtScore(s.fundsScore) : '—'}
          </span>
        </Tooltip>
      </div>
      <div className="total-item">
        <span className="total-label">{t.editor.selfTotal}</span>
        <span className="total-value" data-testid="self-total">
          {fmtScore(s?.selfTotal)}
        </span>
        <GradeBadge grade={s?.selfGrade} />
      </div>
      <div className={`total-item rule ${lenient > 0.005 ? 'lenient' : ''}`}>
        <span className="total-label">{t.editor.ruleTotal}</span>
        <Tooltip title={s?.cap?.trail}>
          <span className="total-value big" data-testid="rule-total-bar">
            {s ? fmtScore(s.ruleTotal) : '—'}
          </span>
        </Tooltip>
        <GradeBadge grade={s?.grade} />
        {lenient > 0.005 && <span className="lenient-note">{t.editor.lenientBy(fmtScore(lenient))}</span>}
      </div>
      <button
        type="button"
        className="total-item findings-summary"
        onClick={onShowFindings}
        data-testid="findings-summary"
      >
        <span className="count error">
          <CloseCircleFilled /> {evaluation?.errors ?? 0} {t.audit.error}
        </span>
        <span className="count warning">
          <WarningFilled /> {evaluation?.warnings ?? 0} {t.audit.warning}
        </span>
      </button>
    </div>
  );
}
