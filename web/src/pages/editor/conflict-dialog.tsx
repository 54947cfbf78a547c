import { Alert, Button, Modal, Radio, Space, Table } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FormDetail } from '../../../../src/contract/forms.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { fieldLabel } from '../../components/field-label.ts';
import { fmtTime } from '../../components/format.ts';
import {
  type Choice,
  type Conflict,
  defaultChoices,
  diffVersions,
  type FieldConflict,
  mergeVersions,
  showValue,
} from './merge.ts';

export type ConflictState = { base: Form; mine: Form; theirs: FormDetail };

/** 409 on save: both versions side by side, field by field; the user picks, then saves. */
export function ConflictDialog(props: {
  state: ConflictState | null;
  saving: boolean;
  onResolve: (form: Form, theirs: FormDetail) => void;
  onDiscard: (theirs: FormDetail) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { state } = props;
  const conflict: Conflict | null = useMemo(
    () => (state ? diffVersions(state.base, state.mine, state.theirs.form) : null),
    [state],
  );
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  useEffect(() => setChoices(conflict ? defaultChoices(conflict) : {}), [conflict]);
  if (!state || !conflict) return null;
  const all = (c: Choice) => setChoices(Object.fromEntries(conflict.fields.map((f) => [f.path, c])));
  const cell = (v: unknown, chosen: boolean, changed: boolean) => (
    <div className={`conflict-value ${chosen ? 'chosen' : ''}`}>
      {showValue(v) || <span className="muted">{t.history.empty}</span>}
      {changed && <span className="changed-dot" title={t.editor.changedSinceLoad} />}
    </div>
  );
  return (
    <Modal
      open
      width={980}
      title={t.conflict.title}
      onCancel={props.onCancel}
      footer={
        <Space>
          <Button danger onClick={() => props.onDiscard(state.theirs)}>
            {t.conflict.discardMine}
          </Button>
          <Button onClick={props.onCancel}>{t.common.cancel}</Button>
          <Button
            type="primary"
            loading={props.saving}
            onClick={() =>
              props.onResolve(mergeVersions(state.mine, state.theirs.form, conflict, choices), state.theirs)
            }
          >
            {conflict.structural ? t.conflict.keepMine : t.conflict.saveMerged}
          </Button>
        </Space>
      }
    >
      <p>
        {t.conflict.intro(
          state.theirs.updatedBy.displayName,
          fmtTime(state.theirs.updatedAt),
          state.theirs.revision,
        )}
      </p>
      {conflict.structural && (
        <Alert type="warning" showIcon title={t.conflict.structural} style={{ marginBottom: 12 }} />
      )}
      {!conflict.structural && (
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" onClick={() => all('mine')}>
            {t.conflict.useAllMine}
          </Button>
          <Button size="small" onClick={() => all('theirs')}>
            {t.conflict.useAllTheirs}
          </Button>
        </Space>
      )}
      <Table<FieldConflict>
        size="small"
        rowKey="path"
        pagination={false}
        scroll={{ y: 420 }}
        dataSource={conflict.fields}
        columns={[
          {
            title: t.conflict.field,
            dataIndex: 'path',
            width: 220,
            render: (p: string) => fieldLabel(p, t, state.mine),
          },
          {
            title: t.conflict.mine,
            key: 'mine',
            render: (_, f) => cell(f.mine, choices[f.path] === 'mine', f.mineChanged),
          },
          {
            title: t.conflict.theirs,
            key: 'theirs',
            render: (_, f) => cell(f.theirs, choices[f.path] === 'theirs', f.theirsChanged),
          },
          ...(conflict.structural
            ? []
            : [
                {
                  title: '',
                  key: 'choice',
                  width: 150,
                  render: (_: unknown, f: FieldConflict) => (
                    <Radio.Group
                      size="small"
                      value={choices[f.path]}
                      onChange={(e) => setChoices((c) => ({ ...c, [f.path]: e.target.value as Choice }))}
                      options={[
                        { value: 'mine', label: t.editor.mine },
                        { value: 'theirs', label: t.editor.server },
                      ]}
                      optionType="button"
                    />
                  ),
                },
              ]),
        ]}
      />
    </Modal>
  );
}
