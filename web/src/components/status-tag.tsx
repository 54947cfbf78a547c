import { Tag } from 'antd';
import type { FormStatus } from '../../../src/contract/common.ts';
import { useT } from '../app/i18n.tsx';

const COLORS: Record<FormStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'cyan',
  reviewed: 'processing',
  graded: 'geekblue',
  rejected: 'error',
  superseded: 'default',
};

export function StatusTag({ status }: { status: FormStatus }) {
  const t = useT();
  return (
    <Tag color={COLORS[status]} variant="outlined" className="status-tag">
      {t.labels.formStatus[status]}
    </Tag>
  );
}

const GRADE_COLORS: Record<string, string> = { 优: '#2f7d32', 良: '#1f4e8c', 中: '#c77700', 差: '#b3261e' };

export function GradeBadge({ grade }: { grade: string | null | undefined }) {
  if (!grade) return <span className="muted">—</span>;
  return (
    <span
      className="grade-badge"
      style={{ color: GRADE_COLORS[grade] ?? '#555', borderColor: GRADE_COLORS[grade] ?? '#999' }}
    >
      {grade}
    </span>
  );
}
