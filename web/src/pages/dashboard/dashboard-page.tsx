import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Result, Select, Statistic, Table, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../../src/contract/dashboard.ts';
import { useDashboard } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { canSeeDashboard, useMe } from '../../app/session.tsx';
import { Chart } from '../../charts/chart.tsx';
import { fmtScore } from '../../components/format.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import {
  executionRateOption,
  familyOption,
  gradeOption,
  leniencyOption,
  leniencyScatterOption,
  mostMissedOption,
} from './dashboard-options.ts';
import { spotCheckList } from './spot-check.ts';
import { SpotCheckExport } from './spot-check-export.tsx';
import { SpotCheckTable } from './spot-check-table.tsx';
import { useAllForms } from './use-all-forms.ts';

type OrgYear = Dashboard['byOrgYear'][number];

function ChartCard({
  title,
  extra,
  empty,
  children,
}: {
  title: string;
  extra?: string;
  empty: boolean;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <Card
      size="small"
      title={title}
      className="chart-card"
      extra={
        extra ? (
          <Tooltip title={extra}>
            <QuestionCircleOutlined className="muted" aria-label={extra} />
          </Tooltip>
        ) : null
      }
    >
      {empty ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t.dashboard.noData}
          style={{ height: 220 }}
        />
      ) : (
        children
      )}
    </Card>
  );
}

export default function DashboardPage() {
  const t = useT();
  const me = useMe();
  const now = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [orgId, setOrgId] = useState<string | undefined>(undefined);
  const allowed = canSeeDashboard(me);
  const query = { ...(year ? { year } : {}), ...(orgId ? { orgId } : {}) };
  const dash = useDashboard(query, allowed);
  const forms = useAllForms(query);
  const spot = useMemo(() => spotCheckList(forms.data ?? []), [forms.data]);
  if (!allowed) return <Result status="403" title="403" subTitle={t.dashboard.restricted} />;
  const d = dash.data;
  const tot = d?.totals;
  return (
    <div className="page dashboard-page">
      <div className="page-head">
        <h1 className="page-title">{t.dashboard.title}</h1>
        <search className="filter-bar compact">
          <Select
            aria-label={t.list.year}
            style={{ width: 120 }}
            value={year ?? ''}
            onChange={(v) => setYear(v === '' ? undefined : Number(v))}
            options={[
              { value: '', label: t.list.allYears },
              ...Array.from({ length: 8 }, (_, i) => ({ value: now - i, label: `${now - i}` })),
            ]}
          />
          <OrgSelect
            ariaLabel={t.list.org}
            value={orgId}
            onChange={setOrgId}
            placeholder={t.list.allOrgs}
            width={240}
          />
          <SpotCheckExport year={year} orgId={orgId} />
        </search>
      </div>
      <div className="kpi-row">
        <Card size="small">
          <Statistic
            title={t.dashboard.forms}
            value={tot?.forms ?? 0}
            suffix={t.charts.unit}
            loading={dash.isLoading}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t.dashboard.evaluated}
            value={tot?.evaluated ?? 0}
            suffix={t.charts.unit}
            loading={dash.isLoading}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t.dashboard.withFindings}
            value={tot?.withFindings ?? 0}
            suffix={t.charts.unit}
            loading={dash.isLoading}
            styles={{ content: { color: '#b3261e' } }}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t.dashboard.avgSelf}
            value={fmtScore(tot?.avgSelfTotal)}
            loading={dash.isLoading}
          />
        </Card>
        <Card size="small">
          <Statistic
            title={t.dashboard.avgRule}
            value={fmtScore(tot?.avgRuleTotal)}
            loading={dash.isLoading}
            styles={{ content: { color: '#1f4e8c' } }}
          />
        </Card>
      </div>
      <div className="chart-grid">
        <ChartCard title={t.dashboard.grades} empty={!d || d.gradeCounts.every((g) => g.count === 0)}>
          {d && <Chart label={t.dashboard.grades} option={gradeOption(d.gradeCounts, t.charts)} />}
        </ChartCard>
        <ChartCard
          title={t.dashboard.executionRate}
          empty={!d || d.executionRate.every((b) => b.count === 0)}
        >
          {d && (
            <Chart
              label={t.dashboard.executionRate}
              option={executionRateOption(d.executionRate, t.charts)}
            />
          )}
        </ChartCard>
        <ChartCard
          title={t.dashboard.leniency}
          extra={t.dashboard.leniencyHint}
          empty={!d || d.selfMinusRule.every((b) => b.count === 0)}
        >
          {d && <Chart label={t.dashboard.leniency} option={leniencyOption(d.selfMinusRule, t.charts)} />}
        </ChartCard>
        <ChartCard title={t.dashboard.leniencyPerForm} empty={(forms.data ?? []).length === 0}>
          <Chart
            label={t.dashboard.leniencyPerForm}
            option={leniencyScatterOption(forms.data ?? [], t.charts)}
          />
        </ChartCard>
        <ChartCard title={t.dashboard.mostMissed} empty={!d || d.mostMissed.length === 0}>
          {d && <Chart label={t.dashboard.mostMissed} option={mostMissedOption(d.mostMissed, t.charts)} />}
        </ChartCard>
        <ChartCard title={t.dashboard.findingsByFamily} empty={!d || d.findingsByFamily.length === 0}>
          {d && (
            <Chart
              label={t.dashboard.findingsByFamily}
              option={familyOption(d.findingsByFamily, t.audit.families, t.charts)}
            />
          )}
        </ChartCard>
      </div>
      <Card
        size="small"
        title={t.dashboard.spotCheck}
        extra={<span className="muted small">{t.dashboard.spotCheckHint}</span>}
        className="wide-card"
      >
        <SpotCheckTable rows={spot} loading={forms.isLoading} />
      </Card>
      <Card size="small" title={t.lifecycle.crossStageByOrg} className="wide-card cross-stage-card">
        <Table
          size="small"
          className="cross-stage-table"
          rowKey="orgId"
          dataSource={d?.crossStageByOrg ?? []}
          locale={{ emptyText: t.lifecycle.stagesNone }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t.list.unit, dataIndex: 'orgName' },
            { title: t.lifecycle.crossStageForms, dataIndex: 'forms', width: 140, align: 'right' },
            { title: t.lifecycle.crossStageCount, dataIndex: 'count', width: 140, align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t.dashboard.byOrg} className="wide-card">
        <Table<OrgYear>
          size="small"
          rowKey={(r) => `${r.orgId}-${r.year}`}
          dataSource={d?.byOrgYear ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: t.list.unit, dataIndex: 'orgName' },
            { title: t.list.year, dataIndex: 'year', width: 80 },
            { title: t.dashboard.count, dataIndex: 'forms', width: 80, align: 'right' },
            {
              title: t.dashboard.avgSelf,
              dataIndex: 'avgSelfTotal',
              width: 120,
              align: 'right',
              render: fmtScore,
            },
            {
              title: t.dashboard.avgRule,
              dataIndex: 'avgRuleTotal',
              width: 120,
              align: 'right',
              render: fmtScore,
            },
            { title: t.dashboard.withFindings, dataIndex: 'withFindings', width: 110, align: 'right' },
          ]}
        />
      </Card>
    </div>
  );
}
