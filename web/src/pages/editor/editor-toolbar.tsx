import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileTextOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { Button, Select, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import { useProfiles } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { ExportMenu } from './export-menu.tsx';

export function EditorToolbar(props: {
  detail: FormDetail;
  projectName: string;
  profileId: string;
  onProfile: (id: string) => void;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  readOnly: boolean;
  source: 'browser' | 'server' | 'loading';
  workflow: React.ReactNode;
  /** the 自评报告 drawer; absent on kinds that have no report. */
  onReport?: (() => void) | undefined;
}) {
  const t = useT();
  const profiles = useProfiles();
  const { detail } = props;
  return (
    <div className="editor-toolbar no-print">
      <div className="toolbar-left">
        <Link to="/forms" className="back-link" aria-label={t.editor.back}>
          <ArrowLeftOutlined />
        </Link>
        <div className="toolbar-title">
          <h1 title={props.projectName}>{props.projectName || '—'}</h1>
          <div className="toolbar-meta">
            <StatusTag status={detail.status} />
            <span>{t.editor.revision(detail.revision)}</span>
            <span>·</span>
            <span>{detail.orgName}</span>
            <span>·</span>
            {props.readOnly ? (
              <span className="muted">{t.editor.readOnly}</span>
            ) : props.dirty ? (
              <span className="dirty-note">
                <EditOutlined /> {t.editor.unsaved}
              </span>
            ) : (
              <span className="saved-note">
                <CheckCircleOutlined /> {t.editor.saved}
              </span>
            )}
            {props.source === 'server' && (
              <Tooltip title={t.editor.serverScoringHint}>
                <span className="muted">· {t.editor.serverScoring}</span>
              </Tooltip>
            )}
          </div>
        </div>
      </div>
      <div className="toolbar-right">
        <Tooltip title={t.editor.profileHint}>
          <Select
            aria-label={t.editor.profile}
            className="profile-select"
            value={props.profileId}
            onChange={props.onProfile}
            options={(
              profiles.data?.items ?? [{ id: props.profileId, name: props.profileId, description: '' }]
            ).map((p) => ({
              value: p.id,
              label: `${t.editor.profile}：${p.name}`,
            }))}
            popupMatchSelectWidth={false}
            disabled={props.readOnly}
          />
        </Tooltip>
        {!props.readOnly && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            onClick={props.onSave}
            loading={props.saving}
            disabled={!props.dirty}
            className="save-button"
          >
            {t.editor.save}
          </Button>
        )}
        {props.workflow}
        {props.onReport && (
          <Button icon={<FileTextOutlined />} onClick={props.onReport} className="report-button">
            {t.report.button}
          </Button>
        )}
        <ExportMenu formId={detail.id} profileId={props.profileId} dirty={props.dirty} />
      </div>
    </div>
  );
}
