import { CheckCircleOutlined, CloseCircleFilled, InfoCircleFilled, WarningFilled } from '@ant-design/icons';
import { Empty, Segmented } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldLabel } from '../../components/field-label.ts';
import type { LiveEvaluation } from './live-rescore.ts';

const ICON = {
  error: <CloseCircleFilled className="sev-icon error" />,
  warning: <WarningFilled className="sev-icon warning" />,
  info: <InfoCircleFilled className="sev-icon info" />,
};

/** Findings of the live audit; clicking one jumps to its cell. */
export function AuditPanel(props: {
  evaluation: LiveEvaluation | null;
  form: Form;
  onJump: (field: string) => void;
}) {
  const t = useT();
  const [filter, setFilter] = useState<'all' | Finding['severity']>('all');
  const ev = props.evaluation;
  if (!ev) return null;
  if (ev.findings.length === 0)
    return (
      <Empty
        image={<CheckCircleOutlined style={{ fontSize: 40, color: '#2f7d32' }} />}
        description={t.audit.none}
        className="audit-empty"
      />
    );
  const shown = filter === 'all' ? ev.findings : ev.findings.filter((f) => f.severity === filter);
  return (
    <div className="audit-panel">
      <Segmented
        size="small"
        block
        value={filter}
        onChange={(v) => setFilter(v as typeof filter)}
        options={[
          { value: 'all', label: `${t.audit.filterAll} ${ev.findings.length}` },
          { value: 'error', label: `${t.audit.error} ${ev.errors}` },
          { value: 'warning', label: `${t.audit.warning} ${ev.warnings}` },
          ...(ev.infos > 0 ? [{ value: 'info', label: `${t.audit.info} ${ev.infos}` }] : []),
        ]}
      />
      <ol className="finding-list" aria-label={t.audit.title}>
        {shown.map((f) => (
          <li key={`${f.code}-${f.field}-${f.message}`}>
            <button
              type="button"
              className={`finding severity-${f.severity}`}
              onClick={() => props.onJump(f.field)}
              title={t.audit.jump}
              data-code={f.code}
            >
              <span className="finding-head">
                {ICON[f.severity]}
                <span className="finding-where">{fieldLabel(f.field, t, props.form)}</span>
                <span className="finding-family">{t.audit.families[f.family] ?? f.family}</span>
              </span>
              <span className="finding-message">{f.message}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
