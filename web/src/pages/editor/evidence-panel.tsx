import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Select, Upload } from 'antd';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import { EVIDENCE_MAX_BYTES, type Evidence } from '../../../../src/contract/evidence.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { evidenceUrl } from '../../api/download.ts';
import { errorMessage } from '../../api/errors.ts';
import { keys } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { fmtTime } from '../../components/format.ts';
import { Labelled } from '../../components/labelled.tsx';

function fmtSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** 佐证材料: files attached to an indicator row (or the whole form); list, download, upload. */
export function EvidencePanel(props: {
  formId: string;
  form: Form;
  items: readonly Evidence[];
  row: number | null;
  onRowChange: (row: number | null) => void;
  canEdit: boolean;
}) {
  const t = useT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.evidence(props.formId) });
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.set('row', props.row === null ? '' : String(props.row));
      body.set('file', file, file.name);
      return call(endpoints.uploadEvidence, { params: { id: props.formId }, body });
    },
    onSuccess: (e) => {
      void message.success(`${t.evidence.uploaded}：${e.fileName}`);
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => call(endpoints.deleteEvidence, { params: { id } }),
    onSuccess: () => void refresh(),
    onError: (e) => void message.error(errorMessage(e)),
  });
  const rowOptions = [
    { value: -1, label: t.evidence.wholeForm },
    ...props.form.indicators.map((r, i) => ({ value: i, label: `${t.sheet.row(i + 1)} ${r.name}` })),
  ];
  const rowLabel = (row: number | null) =>
    row === null ? t.evidence.wholeForm : (rowOptions[row + 1]?.label ?? t.sheet.row(row + 1));
  const sorted = [...props.items].sort(
    (a, b) => (a.row ?? -1) - (b.row ?? -1) || a.createdAt.localeCompare(b.createdAt),
  );
  return (
    <div className="evidence-panel">
      {props.canEdit && (
        <div className="evidence-upload">
          <Labelled id="evidence-row" label={t.evidence.row}>
            <Select
              value={props.row ?? -1}
              onChange={(v) => props.onRowChange(v === -1 ? null : v)}
              options={rowOptions}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: '100%' }}
            />
          </Labelled>
          <Upload
            showUploadList={false}
            beforeUpload={(file) => {
              if (file.size > EVIDENCE_MAX_BYTES) {
                void message.error(t.evidence.tooLarge);
                return Upload.LIST_IGNORE;
              }
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} block>
              {t.evidence.upload}
            </Button>
          </Upload>
        </div>
      )}
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.evidence.empty} />
      ) : (
        <ul className="evidence-list">
          {sorted.map((e) => (
            <li key={e.id} className={props.row !== null && e.row === props.row ? 'current' : ''}>
              <div className="evidence-name">
                <PaperClipOutlined />{' '}
                <a href={evidenceUrl(e.id)} download={e.fileName}>
                  {e.fileName}
                </a>
              </div>
              <div className="muted small">
                {rowLabel(e.row)} · {fmtSize(e.size)} · {e.uploadedBy.displayName} · {fmtTime(e.createdAt)}
              </div>
              <div className="evidence-actions">
                <a
                  href={evidenceUrl(e.id)}
                  download={e.fileName}
                  aria-label={`${t.evidence.download} ${e.fileName}`}
                >
                  <DownloadOutlined /> {t.evidence.download}
                </a>
                {props.canEdit && (
                  <Popconfirm
                    title={t.evidence.removeConfirm}
                    onConfirm={() => remove.mutate(e.id)}
                    okText={t.common.delete}
                    cancelText={t.common.cancel}
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t.evidence.remove}
                    </Button>
                  </Popconfirm>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
