import { useQuery } from '@tanstack/react-query';
import { Empty, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { MonitoringWarning } from '../../../../src/contract/lifecycle.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useT } from '../../app/i18n.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { periodLabel } from './kind-layout.ts';
import { LightDot } from './light-dot.tsx';

/**
 * 绩效运行监控预警清单 (lifecycle.md §4.2): the red and yellow lights on the latest monitoring form
 * of each project in the caller's scope, each with its reason, linked to its row.
 */
export default function WarningsPage() {
  const t = useT();
  const l = t.lifecycle;
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const q = useQuery({
    queryKey: ['monitoring-warnings', year, orgId],
    queryFn: ({ signal }) =>
      call(endpoints.monitoringWarnings, { query: { year, ...(orgId ? { orgId } : {}) }, signal }),
  });
  const items = q.data?.items ?? [];
  return (
    <div className="page warnings-page">
      <Typography.Title level={3}>{l.warningsTitle}</Typography.Title>
      <div className="filters">
        <InputNumber
          aria-label={t.create.year}
          value={year}
          onChange={(v) => v && setYear(v)}
          min={1990}
          max={2100}
        />
        <OrgSelect value={orgId} onChange={setOrgId} placeholder={t.app.org} ariaLabel={t.app.org} />
      </div>
      {q.isError && <Empty description={errorMessage(q.error)} />}
      <Table<MonitoringWarning>
        className="warnings-table"
        size="small"
        rowKey={(w) => `${w.formId}-${w.target}-${w.fundsKey ?? w.row}`}
        loading={q.isLoading}
        dataSource={items}
        locale={{ emptyText: <Empty description={l.warningsNone} /> }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: '预警',
            dataIndex: 'light',
            width: 80,
            render: (_: unknown, w) => <LightDot reading={{ light: w.light, reason: w.reason }} />,
            filters: [
              { text: '红灯', value: 'red' },
              { text: '黄灯', value: 'yellow' },
            ],
            onFilter: (v, w) => w.light === v,
          },
          {
            title: t.sheet.projectName,
            dataIndex: 'projectName',
            render: (name: string, w) => <Link to={`/forms/${w.formId}`}>{name}</Link>,
          },
          { title: t.sheet.implementingUnit, dataIndex: 'orgName' },
          {
            title: l.period,
            dataIndex: 'asOfMonth',
            width: 90,
            render: (m: number | null) => (m ? periodLabel(m) : '—'),
          },
          { title: '指标 / 资金', dataIndex: 'label' },
          { title: '原因', dataIndex: 'reason' },
        ]}
      />
    </div>
  );
}
