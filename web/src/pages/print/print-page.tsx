import { PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import { monitoringLights } from '../../../../src/core/lifecycle/index.ts';
import { errorMessage } from '../../api/errors.ts';
import { useFormDetail } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { PageSpinner } from '../../app/session.tsx';
import { fmtScore } from '../../components/format.ts';
import { FormSheet } from '../editor/form-sheet.tsx';
import { useLiveEvaluation } from '../editor/use-live-evaluation.ts';

const noop = () => {};

function PrintSheet({ detail }: { detail: FormDetail }) {
  const t = useT();
  const [annotated, setAnnotated] = useState(false);
  const live = useLiveEvaluation(detail.form, detail.profileId);
  // a monitoring table prints its lights with their reasons (lifecycle.md §4.2)
  const lights = useMemo(
    () =>
      detail.form.kind === 'project-monitoring' && live.profile
        ? monitoringLights(detail.form, live.profile)
        : null,
    [detail.form, live.profile],
  );
  const selfEvaluation = detail.form.kind === 'project-self-evaluation';
  return (
    <div className={`print-page ${annotated ? 'annotated' : 'plain'}`}>
      <div className="print-toolbar no-print">
        <span className="muted">{t.editor.printView}</span>
        <span className="switch-label">
          <Switch id="print-annotate" size="small" checked={annotated} onChange={setAnnotated} />
          <label htmlFor="print-annotate">{t.print.annotate}</label>
        </span>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t.editor.print}
        </Button>
      </div>
      <div className="sheet-paper print-paper">
        <FormSheet
          form={detail.form}
          evaluation={annotated ? live.evaluation : null}
          readOnly
          dispatch={noop}
          lights={lights}
        />
        {selfEvaluation && (
          <p className="print-footer">
            {t.print.footer(fmtScore(live.evaluation?.score.ruleTotal), live.evaluation?.score.grade ?? '—')}
          </p>
        )}
      </div>
    </div>
  );
}

/** The form alone, as the official table, with a print stylesheet (A4 landscape). */
export default function PrintPage() {
  const t = useT();
  const { id = '' } = useParams();
  const detail = useFormDetail(id);
  if (detail.isLoading) return <PageSpinner />;
  if (!detail.data)
    return <Result status="error" title={t.app.loadFailed} subTitle={errorMessage(detail.error)} />;
  return <PrintSheet detail={detail.data} />;
}
