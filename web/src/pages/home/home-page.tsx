import { BarChartOutlined, CloudUploadOutlined, FileAddOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FormStatus } from '../../../../src/contract/common.ts';
import { useForms } from '../../api/queries.ts';
import { useT } from '../../app/i18n.tsx';
import { canSeeDashboard, useMe } from '../../app/session.tsx';
import { fmtScore, fmtTime } from '../../components/format.ts';
import { GradeBadge, StatusTag } from '../../components/status-tag.tsx';
import { CreateFormDialog } from '../forms/create-form-dialog.tsx';

function TodoCard({
  title,
  hint,
  status,
  tone,
}: {
  title: string;
  hint: string;
  status: FormStatus;
  tone: string;
}) {
  const t = useT();
  const { data, isLoading } = useForms({ status, pageSize: 6, sort: 'updated-desc' });
  return (
    <Card
      className={`todo-card tone-${tone}`}
      title={
        <span>
          {title} <span className="todo-count">{data ? t.home.count(data.total) : ''}</span>
        </span>
      }
      extra={
        <Link to={`/forms?status=${status}`}>
          {t.home.viewAll} <RightOutlined />
        </Link>
      }
    >
      <Typography.Paragraph type="secondary" className="todo-hint">
        {hint}
      </Typography.Paragraph>
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : data && data.items.length > 0 ? (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(f) => (
            <List.Item>
              <Link to={`/forms/${f.id}`} className="todo-link">
                <span className="todo-name">{f.projectName}</span>
                <span className="todo-meta">
                  {f.year} · {f.orgName} · {fmtTime(f.updatedAt)}
                </span>
              </Link>
              <Space size={6}>
                <span className="muted">{fmtScore(f.ruleTotal)}</span>
                <GradeBadge grade={f.grade} />
                <StatusTag status={f.status} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.home.empty} />
      )}
    </Card>
  );
}

export function HomePage() {
  const t = useT();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  return (
    <div className="page home-page">
      <div className="page-head">
        <div>
          <h1 className="page-title">{t.home.greeting(me.user.displayName)}</h1>
          <Typography.Text type="secondary">
            {me.org.name} · {t.home.intro}
          </Typography.Text>
        </div>
        <Space wrap>
          {me.permissions.editForms && (
            <>
              <Link to="/import">
                <Button type="primary" icon={<CloudUploadOutlined />}>
                  {t.home.quickImport}
                </Button>
              </Link>
              <Button icon={<FileAddOutlined />} onClick={() => setCreating(true)}>
                {t.home.quickNew}
              </Button>
            </>
          )}
          {canSeeDashboard(me) && (
            <Link to="/dashboard">
              <Button icon={<BarChartOutlined />}>{t.home.quickDashboard}</Button>
            </Link>
          )}
        </Space>
      </div>
      <div className="todo-grid">
        {me.permissions.editForms && (
          <TodoCard title={t.home.toFill} hint={t.home.toFillHint} status="draft" tone="blue" />
        )}
        {me.permissions.reviewForms && (
          <TodoCard title={t.home.toReview} hint={t.home.toReviewHint} status="submitted" tone="green" />
        )}
        {me.permissions.editForms && (
          <TodoCard title={t.home.returned} hint={t.home.returnedHint} status="returned" tone="orange" />
        )}
      </div>
      <CreateFormDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
