import { Tag } from 'antd';
import { FORM_STATUS_LABELS, type FormStatus } from '../../../src/contract/common.ts';

const COLORS: Record<FormStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'cyan',
};

export function StatusTag({ status }: { status: FormStatus }) {
  return (
    <Tag color={COLORS[status]} variant="outlined" className="status-tag">
      {FORM_STATUS_LABELS[status]}
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
