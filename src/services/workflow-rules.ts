import type { FormStatusWord } from '../store/index.ts';
import type { Role } from './access.ts';
import type { Actor } from './context.ts';

export type WorkflowAction = 'submit' | 'return' | 'approve' | 'publish' | 'review';

type Rule = { action: WorkflowAction; from: FormStatusWord; to: FormStatusWord; roles: readonly Role[] };

/** draft → submitted → returned | approved → published; a finance bureau may return an approved form. */
export const TRANSITIONS: readonly Rule[] = [
  { action: 'submit', from: 'draft', to: 'submitted', roles: ['unit-filler', 'admin'] },
  { action: 'submit', from: 'returned', to: 'submitted', roles: ['unit-filler', 'admin'] },
  {
    action: 'return',
    from: 'submitted',
    to: 'returned',
    roles: ['department-reviewer', 'finance-reviewer', 'admin'],
  },
  { action: 'return', from: 'approved', to: 'returned', roles: ['finance-reviewer', 'admin'] },
  {
    action: 'approve',
    from: 'submitted',
    to: 'approved',
    roles: ['department-reviewer', 'finance-reviewer', 'admin'],
  },
  { action: 'publish', from: 'approved', to: 'published', roles: ['finance-reviewer', 'admin'] },
];

/** Content may change only in these statuses. */
export const EDITABLE_STATUSES: readonly FormStatusWord[] = ['draft', 'returned'];

export const STATUS_LABELS: Record<FormStatusWord, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  published: '已公开',
  reviewed: '主管部门已审',
  graded: '财政已评审',
  rejected: '未通过',
  superseded: '已被调整替代',
};

export const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  publish: '公开',
  review: '评审',
};

export function findTransition(action: WorkflowAction, from: FormStatusWord): Rule | undefined {
  return TRANSITIONS.find((t) => t.action === action && t.from === from);
}

/** Actions the actor may take on a form in `status` (scope is checked by the caller). */
export function allowedActions(actor: Actor, status: FormStatusWord): WorkflowAction[] {
  return TRANSITIONS.filter((t) => t.from === status && t.roles.includes(actor.role)).map((t) => t.action);
}

export function canEdit(actor: Actor, status: FormStatusWord): boolean {
  return (actor.role === 'unit-filler' || actor.role === 'admin') && EDITABLE_STATUSES.includes(status);
}
