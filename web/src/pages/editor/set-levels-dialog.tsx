import { Form as AntForm, AutoComplete, Modal } from 'antd';
import { useEffect } from 'react';
import type { Form } from '../../../../src/core/form/schema.ts';
import { useT } from '../../app/i18n.tsx';
import { LEVEL1_OPTIONS, level2Options } from './row-groups.ts';
import { useSheet } from './sheet-context.tsx';

/** Moves one row to another 一级/二级 group (the merged cells rename whole groups). */
export function SetLevelsDialog({
  index,
  form,
  onClose,
}: {
  index: number | null;
  form: Form;
  onClose: () => void;
}) {
  const t = useT();
  const { dispatch } = useSheet();
  const [f] = AntForm.useForm<{ level1: string; level2: string }>();
  const row = index === null ? undefined : form.indicators[index];
  const level1 = AntForm.useWatch('level1', f) ?? row?.level1 ?? '';
  useEffect(() => {
    if (row) f.setFieldsValue({ level1: row.level1, level2: row.level2 });
  }, [row, f]);
  return (
    <Modal
      open={index !== null}
      title={`${t.editor.setLevels}${index !== null ? ` · ${t.sheet.row(index + 1)}` : ''}`}
      onCancel={onClose}
      okText={t.common.ok}
      cancelText={t.common.cancel}
      onOk={() => {
        const v = f.getFieldsValue();
        if (index !== null)
          dispatch({
            type: 'set-levels',
            indices: [index],
            level1: v.level1.trim(),
            level2: v.level2.trim(),
          });
        onClose();
      }}
      forceRender
    >
      <AntForm form={f} layout="vertical">
        <AntForm.Item name="level1" label={t.sheet.level1} extra={t.editor.levelVocabulary}>
          <AutoComplete options={LEVEL1_OPTIONS.map((v) => ({ value: v }))} />
        </AntForm.Item>
        <AntForm.Item name="level2" label={t.sheet.level2}>
          <AutoComplete options={level2Options(level1).map((v) => ({ value: v }))} />
        </AntForm.Item>
      </AntForm>
    </Modal>
  );
}
