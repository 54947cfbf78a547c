import { Button, Empty, Select, Space, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Form } from '../../../../src/core/form/schema.ts';
import { useRevision, useRevisions } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldLabel } from '../../components/field-label.ts';
import { fmtTime } from '../../components/format.ts';
import { changedFields, showValue } from './merge.ts';

/** Revision history: pick two revisions, see what changed field by field; load an old one. */
export function HistoryPanel(props: {
  formId: string;
  currentRevision: number;
  onRestore: (form: Form, revision: number) => void;
}) {
  const t = useT();
  const revisions = useRevisions(props.formId);
  const list = useMemo(
    () => [...(revisions.data?.items ?? [])].sort((a, b) => b.revision - a.revision),
    [revisions.data],
  );
  const [to, setTo] = useState<number | null>(null);
  const [from, setFrom] = useState<number | null>(null);
  useEffect(() => {
    if (list.length === 0) return;
    setTo((v) => v ?? list[0]!.revision);
    setFrom((v) => v ?? list[1]?.revision ?? list[0]!.revision);
  }, [list]);
  const a = useRevision(props.formId, from);
  const b = useRevision(props.formId, to);
  const diff = useMemo(
    () => (a.data && b.data ? changedFields(a.data.form, b.data.form) : null),
    [a.data, b.data],
  );
  if (list.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const options = list.map((r) => ({
    value: r.revision,
    label: `${t.editor.revision(r.revision)} · ${r.createdBy.displayName} · ${fmtTime(r.createdAt)}${r.revision === props.currentRevision ? `（${t.history.current}）` : ''}`,
  }));
  return (
    <div className="history-panel">
      <ol className="revision-list">
        {list.map((r) => (
          <li key={r.revision}>
            <strong>{t.editor.revision(r.revision)}</strong>{' '}
            <span className="muted">{fmtTime(r.createdAt)}</span>
            <div className="small">
              {r.createdBy.displayName}
              {r.note ? ` · ${r.note}` : ''}
            </div>
          </li>
        ))}
      </ol>
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        <span className="field-label">{t.history.compare}</span>
        <Select
          aria-label={t.history.from}
          value={from}
          onChange={setFrom}
          options={options}
          style={{ width: '100%' }}
        />
        <Select
          aria-label={t.history.to}
          value={to}
          onChange={setTo}
          options={options}
          style={{ width: '100%' }}
        />
        {a.data && a.data.revision !== props.currentRevision && (
          <Button size="small" onClick={() => props.onRestore(a.data.form, a.data.revision)}>
            {t.history.restore}（{t.editor.revision(a.data.revision)}）
          </Button>
        )}
      </Space>
      {diff &&
        (diff.length === 0 ? (
          <p className="muted">{t.history.noChanges}</p>
        ) : (
          <Table
            className="diff-table"
            size="small"
            rowKey="path"
            pagination={false}
            dataSource={diff}
            columns={[
              {
                title: t.history.field,
                dataIndex: 'path',
                render: (p: string) => fieldLabel(p, t, b.data?.form),
              },
              {
                title: t.history.before,
                dataIndex: 'before',
                render: (v: unknown) => (
                  <span className="diff-before">{showValue(v) || t.history.empty}</span>
                ),
              },
              {
                title: t.history.after,
                dataIndex: 'after',
                render: (v: unknown) => <span className="diff-after">{showValue(v) || t.history.empty}</span>,
              },
            ]}
          />
        ))}
    </div>
  );
}
