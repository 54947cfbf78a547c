import { Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../app/i18n.tsx';
import { fmtScore } from '../../components/format.ts';
import { GradeBadge, StatusTag } from '../../components/status-tag.tsx';
import type { RiskReason, SpotCheckRow } from './spot-check.ts';

function ReasonTag({ r }: { r: RiskReason }) {
  const t = useT();
  if (r.kind === 'lenient') return <Tag color="red">{t.dashboard.reasonLenient(fmtScore(r.points))}</Tag>;
  if (r.kind === 'errors') return <Tag color="volcano">{t.dashboard.reasonErrors(r.count)}</Tag>;
  return <Tag color="gold">{t.dashboard.reasonLowExecution(r.rate.toFixed(2))}</Tag>;
}

/** 抽查建议: forms ranked by risk, with the reasons that make up each score. */
export function SpotCheckTable({ rows, loading }: { rows: SpotCheckRow[]; loading: boolean }) {
  const t = useT();
  return (
    <Table<SpotCheckRow>
      className="spot-check"
      size="small"
      rowKey={(r) => r.form.id}
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: '#', key: 'rank', width: 44, render: (_, __, i) => <span className="rank">{i + 1}</span> },
        {
          title: t.list.project,
          key: 'name',
          render: (_, r) => (
            <div>
              <Link to={`/forms/${r.form.id}`} className="strong-link">
                {r.form.projectName}
              </Link>
              <div className="muted small">
                {r.form.orgName} · {r.form.year}
              </div>
            </div>
          ),
        },
        {
          title: t.list.status,
          key: 'status',
          width: 88,
          render: (_, r) => <StatusTag status={r.form.status} />,
        },
        {
          title: t.dashboard.selfTotal,
          key: 'self',
          width: 84,
          align: 'right',
          render: (_, r) => fmtScore(r.form.selfTotal),
        },
        {
          title: t.dashboard.ruleTotal,
          key: 'rule',
          width: 96,
          align: 'right',
          render: (_, r) => (
            <span>
              {fmtScore(r.form.ruleTotal)} <GradeBadge grade={r.form.grade} />
            </span>
          ),
        },
        {
          title: t.dashboard.risk,
          dataIndex: 'risk',
          width: 72,
          align: 'right',
          render: (v: number) => <strong className="risk-value">{fmtScore(v)}</strong>,
        },
        {
          title: t.dashboard.reasons,
          key: 'reasons',
          render: (_, r) => r.reasons.map((x) => <ReasonTag key={x.kind} r={x} />),
        },
      ]}
    />
  );
}
