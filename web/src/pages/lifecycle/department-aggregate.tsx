import { useQuery } from '@tanstack/react-query';
import { Descriptions, Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { endpoints } from '../../../../src/contract/endpoints.ts';
import type { FormDetail, FormSummary } from '../../../../src/contract/forms.ts';
import { call } from '../../api/client.ts';
import { errorMessage } from '../../api/errors.ts';
import { useT } from '../../app/i18n.tsx';
import { fmtMoney, fmtPercent, fmtScore } from '../../components/format.ts';
import { GradeBadge } from '../../components/status-tag.tsx';

/**
 * Beside a 部门整体支出绩效自评表: the department's project self-evaluations of the year (lifecycle.md
 * §2.3, §3) — how many, their funds and execution, scores, grades and findings, cross-stage ones
 * apart — so the department's own figures can be read against its projects'.
 */
export function DepartmentAggregatePanel({ detail }: { detail: Pick<FormDetail, 'orgId' | 'year'> }) {
  const t = useT();
  const l = t.lifecycle;
  const q = useQuery({
    queryKey: ['department-aggregate', detail.orgId, detail.year],
    queryFn: ({ signal }) =>
      call(endpoints.departmentAggregate, {
        params: { id: detail.orgId },
        query: { year: detail.year },
        signal,
      }),
  });
  if (q.isError) return <Empty description={errorMessage(q.error)} />;
  const a = q.data;
  if (!a) return null;
  const p = a.projects;
  return (
    <div className="department-aggregate" data-testid="department-aggregate">
      <h3 className="panel-title">{l.aggregate}</h3>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="项目数">{p.count}</Descriptions.Item>
        <Descriptions.Item label="全年预算数（万元）">{fmtMoney(p.annualBudget)}</Descriptions.Item>
        <Descriptions.Item label="全年执行数（万元）">{fmtMoney(p.executed)}</Descriptions.Item>
        <Descriptions.Item label="执行率">{fmtPercent(p.executionRate)}</Descriptions.Item>
        <Descriptions.Item label="平均自评分">{fmtScore(p.avgSelfTotal)}</Descriptions.Item>
        <Descriptions.Item label="平均规则分">{fmtScore(p.avgRuleTotal)}</Descriptions.Item>
        <Descriptions.Item label="等级分布">
          {p.gradeCounts.map((g) => (
            <Tag key={g.grade}>
              {g.grade} {g.count}
            </Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label="审核发现">{p.findingCount}</Descriptions.Item>
        <Descriptions.Item label="跨阶段问题">{p.crossStageCount}</Descriptions.Item>
      </Descriptions>
      <Table<FormSummary>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={a.items}
        columns={[
          {
            title: t.sheet.projectName,
            dataIndex: 'projectName',
            render: (name: string, r) => <Link to={`/forms/${r.id}`}>{name}</Link>,
          },
          { title: t.sheet.implementingUnit, dataIndex: 'orgName' },
          { title: '规则分', dataIndex: 'ruleTotal', render: (v: number | null) => fmtScore(v) },
          { title: '等级', dataIndex: 'grade', render: (g: string | null) => <GradeBadge grade={g} /> },
        ]}
      />
    </div>
  );
}
