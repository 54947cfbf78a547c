import { FileAddOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch, Table, type TableColumnsType, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FORM_STATUSES, type FormStatus } from '../../../../src/contract/common.ts';
import { FORM_SORTS, type FormListQueryInput, type FormSummary } from '../../../../src/contract/forms.ts';
import { FORM_KINDS } from '../../../../src/core/form/schema.ts';
import { useForms } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { useMe } from '../../app/session.tsx';
import { fmtPercent, fmtScore, fmtTime } from '../../components/format.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { GradeBadge, StatusTag } from '../../components/status-tag.tsx';
import { CreateFormDialog } from './create-form-dialog.tsx';

const GRADES = ['优', '良', '中', '差'];
type Sort = (typeof FORM_SORTS)[number];

function yearOptions(): number[] {
  const now = new Date().getFullYear();
  return Array.from({ length: 8 }, (_, i) => now - i);
}

function readQuery(p: URLSearchParams): FormListQueryInput {
  const status = p.get('status');
  const sort = p.get('sort');
  return {
    page: Number(p.get('page') ?? 1) || 1,
    pageSize: Number(p.get('pageSize') ?? 20) || 20,
    ...(p.get('year') ? { year: Number(p.get('year')) } : {}),
    ...(p.get('orgId') ? { orgId: p.get('orgId')! } : {}),
    ...(status && (FORM_STATUSES as readonly string[]).includes(status)
      ? { status: status as FormStatus }
      : {}),
    ...(p.get('grade') ? { grade: p.get('grade')! } : {}),
    ...((FORM_KINDS as readonly string[]).includes(p.get('kind') ?? '')
      ? { kind: p.get('kind') as (typeof FORM_KINDS)[number] }
      : {}),
    ...(p.get('hasFindings') === 'true' ? { hasFindings: 'true' as const } : {}),
    ...(p.get('q') ? { q: p.get('q')! } : {}),
    sort: sort && (FORM_SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'updated-desc',
  };
}

export default function FormsListPage() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const query = readQuery(params);
  const { data, isFetching } = useForms(query);
  const set = (key: string, value: string | number | undefined | null) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<FormSummary> = [
    {
      title: t.list.project,
      dataIndex: 'projectName',
      render: (name: string, f) => (
        <Link to={`/forms/${f.id}`} className="strong-link">
          {name}
        </Link>
      ),
    },
    {
      title: t.create.kind,
      dataIndex: 'kind',
      width: 110,
      render: (k: string, f) => (
        <span className={`kind-tag kind-${k}`}>
          {t.lifecycle.kindShort[k] ?? k}
          {k === 'project-target-declaration' && 'version' in f
            ? ` ${t.lifecycle.version(Number(f.version))}`
            : ''}
        </span>
      ),
    },
    { title: t.list.unit, dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: t.list.year, dataIndex: 'year', width: 72, align: 'center' },
    {
      title: t.list.status,
      dataIndex: 'status',
      width: 92,
      render: (s: FormStatus) => <StatusTag status={s} />,
    },
    { title: t.list.selfTotal, dataIndex: 'selfTotal', width: 88, align: 'right', render: fmtScore },
    {
      title: t.list.ruleTotal,
      dataIndex: 'ruleTotal',
      width: 88,
      align: 'right',
      render: (v: number | null, f) =>
        f.evaluated ? (
          <span className={f.selfTotal !== null && v !== null && f.selfTotal - v > 0.005 ? 'below-self' : ''}>
            {fmtScore(v)}
          </span>
        ) : (
          <span className="muted">{t.list.notEvaluated}</span>
        ),
    },
    {
      title: t.list.grade,
      dataIndex: 'grade',
      width: 60,
      align: 'center',
      render: (g: string | null) => <GradeBadge grade={g} />,
    },
    {
      title: t.list.executionRate,
      dataIndex: 'executionRate',
      width: 88,
      align: 'right',
      render: fmtPercent,
    },
    {
      title: t.list.findings,
      key: 'findings',
      width: 130,
      render: (_, f) =>
        f.findingCount === null ? (
          <span className="muted">—</span>
        ) : f.findingCount === 0 ? (
          <span className="ok-text">{t.list.none}</span>
        ) : (
          <Space size={4}>
            {(f.errorCount ?? 0) > 0 && (
              <span className="count-pill error">{t.list.errors(f.errorCount ?? 0)}</span>
            )}
            {f.findingCount - (f.errorCount ?? 0) > 0 && (
              <span className="count-pill warning">
                {t.list.warnings(f.findingCount - (f.errorCount ?? 0))}
              </span>
            )}
          </Space>
        ),
    },
    {
      title: t.list.updated,
      dataIndex: 'updatedAt',
      width: 150,
      render: (at: string, f) => (
        <Tooltip title={f.updatedBy.displayName}>
          <span className="muted">{fmtTime(at)}</span>
        </Tooltip>
      ),
    },
  ];

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{t.list.title}</h1>
        {/* a 主管部门 fills its own 部门整体支出绩效自评表 (lifecycle.md §3) */}
        {(me.permissions.editForms || me.user.role === 'department-reviewer') && (
          <Button
            type="primary"
            icon={<FileAddOutlined />}
            className="create-button"
            onClick={() => setCreating(true)}
          >
            {t.home.quickNew}
          </Button>
        )}
      </div>
      <search className="filter-bar">
        <Input.Search
          aria-label={t.list.search}
          placeholder={t.list.search}
          allowClear
          defaultValue={query.q}
          onSearch={(v) => set('q', v.trim())}
          style={{ width: 240 }}
        />
        <Select<number | string>
          aria-label={t.list.year}
          style={{ width: 110 }}
          value={(query.year as number | undefined) ?? ''}
          onChange={(v: number | string) => set('year', v)}
          options={[
            { value: '', label: t.list.allYears },
            ...yearOptions().map((y) => ({ value: y, label: `${y}` })),
          ]}
        />
        <OrgSelect
          ariaLabel={t.list.org}
          value={query.orgId}
          onChange={(v) => set('orgId', v)}
          placeholder={t.list.allOrgs}
        />
        <Select
          aria-label={t.list.status}
          style={{ width: 110 }}
          value={query.status ?? ''}
          onChange={(v) => set('status', v)}
          options={[
            { value: '', label: t.status.all },
            ...FORM_STATUSES.map((s) => ({ value: s, label: t.labels.formStatus[s] })),
          ]}
        />
        <Select
          aria-label={t.create.kind}
          style={{ width: 150 }}
          value={query.kind ?? ''}
          onChange={(v) => set('kind', v)}
          options={[
            { value: '', label: t.create.kind },
            ...FORM_KINDS.map((k) => ({ value: k, label: t.lifecycle.kindShort[k] ?? k })),
          ]}
        />
        <Select
          aria-label={t.list.grade}
          style={{ width: 100 }}
          value={query.grade ?? ''}
          onChange={(v) => set('grade', v)}
          options={[{ value: '', label: t.list.allGrades }, ...GRADES.map((g) => ({ value: g, label: g }))]}
        />
        <span className="switch-label">
          <Switch
            id="has-findings"
            size="small"
            checked={query.hasFindings === 'true'}
            onChange={(on) => set('hasFindings', on ? 'true' : undefined)}
          />
          <label htmlFor="has-findings">{t.list.hasFindings}</label>
        </span>
        <Select
          aria-label={t.list.sort}
          style={{ width: 160 }}
          value={query.sort}
          onChange={(v) => set('sort', v)}
          options={FORM_SORTS.map((s) => ({ value: s, label: t.list.sorts[s] }))}
        />
        <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t.list.reset}</Button>
      </search>
      <Table<FormSummary>
        className="forms-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching && !data}
        onRow={(f) => ({ onDoubleClick: () => navigate(`/forms/${f.id}`) })}
        pagination={{
          current: data?.page ?? 1,
          pageSize: data?.pageSize ?? 20,
          total: data?.total ?? 0,
          showTotal: (n) => t.list.total(n),
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          onChange: (page, pageSize) => {
            const next = new URLSearchParams(params);
            next.set('page', String(page));
            next.set('pageSize', String(pageSize));
            setParams(next, { replace: true });
          },
        }}
        scroll={{ x: 1100 }}
      />
      <CreateFormDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
