import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormKind } from '../../../../src/core/form/schema.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { keys, useOrgs, useProfiles } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { newLifecycleForm } from '../lifecycle/kind-layout.ts';
import { newFormTemplate } from './new-form-template.ts';

type Values = { kind: FormKind; projectName: string; year: number; orgId: string; profileId?: string };

export function CreateFormDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const orgs = useOrgs();
  const profiles = useProfiles();
  const [form] = Form.useForm<Values>();
  const departmentOnly = me.user.role === 'department-reviewer';
  const kinds = departmentOnly ? (['department-self-evaluation'] as const) : KIND_ORDER;
  const kind = Form.useWatch('kind', form) ?? kinds[0];
  const department = kind === 'department-self-evaluation';
  // a department fills its own 部门整体支出绩效自评表 (lifecycle.md §3); projects belong to units
  const units = useMemo(
    () => (orgs.data?.items ?? []).filter((o) => o.kind === (department ? 'department' : 'unit')),
    [orgs.data, department],
  );
  const create = useMutation({
    mutationFn: async (v: Values) => {
      const all = orgs.data?.items ?? [];
      const unit = all.find((o) => o.id === v.orgId);
      const dept = unit ? all.find((o) => o.id === unit.parentId) : undefined;
      const base = newFormTemplate({
        year: v.year,
        projectName: (v.projectName ?? '').trim(),
        implementingUnit: unit?.kind === 'unit' ? unit.name : '',
        competentDepartment:
          dept?.kind === 'department' ? dept.name : unit?.kind === 'department' ? unit.name : '',
      });
      const kindOf = v.kind ?? 'project-self-evaluation';
      return call(endpoints.createForm, {
        body: {
          form:
            kindOf === 'project-self-evaluation'
              ? base
              : newLifecycleForm(kindOf, base, { ...(unit ? { department: unit.name } : {}) }),
          orgId: v.orgId,
          ...(v.profileId ? { profileId: v.profileId } : {}),
        },
      });
    },
    onSuccess: (detail) => {
      void qc.invalidateQueries({ queryKey: keys.forms() });
      onClose();
      navigate(`/forms/${detail.id}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const defaultUnit = me.org.kind === (departmentOnly ? 'department' : 'unit') ? me.org.id : units[0]?.id;
  return (
    <Modal
      open={open}
      title={t.create.title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.create.submit}
      cancelText={t.common.cancel}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          kind: kinds[0],
          year: new Date().getFullYear() - 1,
          orgId: defaultUnit,
        }}
        onFinish={(v) => create.mutate(v)}
        preserve={false}
      >
        <Form.Item name="kind" label={t.create.kind}>
          <Select
            data-testid="create-kind"
            options={kinds.map((k) => ({ value: k, label: t.lifecycle.kinds[k] }))}
            onChange={(k: FormKind) => {
              // the org list changes with the kind (department forms sit on a department)
              const all = orgs.data?.items ?? [];
              const want = k === 'department-self-evaluation' ? 'department' : 'unit';
              const mine = me.org.kind === want ? me.org.id : undefined;
              form.setFieldValue('orgId', mine ?? all.find((o) => o.kind === want)?.id);
            }}
          />
        </Form.Item>
        {!department && (
          <Form.Item
            name="projectName"
            label={t.create.projectName}
            rules={[{ required: true, whitespace: true, message: t.create.required }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name="year" label={t.create.year} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={department ? t.create.department : t.create.unit}
          rules={[{ required: true, message: t.create.required }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isLoading}
            options={units.map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="profileId" label={t.create.profile}>
          <Select
            allowClear
            options={(profiles.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const KIND_ORDER: readonly FormKind[] = [
  'project-self-evaluation',
  'project-target-declaration',
  'project-monitoring',
  'department-self-evaluation',
];
