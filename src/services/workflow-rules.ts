import type { FormKind, ReviewGrade } from '../core/form/schema.ts';
import type { FormStatusWord } from '../store/index.ts';
import type { Role } from './access.ts';
import type { Actor } from './context.ts';

export type WorkflowAction = 'submit' | 'return' | 'approve' | 'publish' | 'review';

type Rule = {
  kinds: readonly FormKind[];
  action: WorkflowAction;
  from: FormStatusWord;
  to: FormStatusWord;
  roles: readonly Role[];
  /** `review` only: the grades that lead to `to`. */
  grades?: readonly ReviewGrade[];
};

const SELF = 'project-self-evaluation';
const DECLARATION = 'project-target-declaration';
const MONITORING = 'project-monitoring';
const DEPARTMENT = 'department-self-evaluation';

const UNIT: readonly Role[] = ['unit-filler', 'admin'];
const DEPT: readonly Role[] = ['department-reviewer', 'admin'];
const FINANCE: readonly Role[] = ['finance-reviewer', 'admin'];
const REVIEWERS: readonly Role[] = ['department-reviewer', 'finance-reviewer', 'admin'];

/**
 * Every transition of every kind, as data. Self-evaluation and monitoring (lifecycle.md §3: the unit
 * fills, the 主管部门 reviews): draft → submitted → returned | approved → published (a finance bureau
 * may return an approved form). A monitoring report is not published.
 *
 * Declaration (88号, lifecycle.md §3): submitted → `review` by the 主管部门 → `review` and grade by
 * 财政 → `approve` with the budget (谁批复预算，谁批复目标: the finance bureau, as one rule). A review's
 * grade decides where it goes: 优 and 良 proceed (良 is fixed by consultation, its opinion says how),
 * 中 is returned to be re-reviewed, 差 stays out (`rejected`). An approved version is never edited
 * or returned: it changes only by an adjustment, a new version (services/lifecycle.ts).
 *
 * Department self-evaluation: the 主管部门 fills it, 财政 reviews and publishes it.
 */
export const TRANSITIONS: readonly Rule[] = [
  { kinds: [SELF, MONITORING], action: 'submit', from: 'draft', to: 'submitted', roles: UNIT },
  { kinds: [SELF, MONITORING], action: 'submit', from: 'returned', to: 'submitted', roles: UNIT },
  { kinds: [SELF, MONITORING], action: 'return', from: 'submitted', to: 'returned', roles: REVIEWERS },
  { kinds: [SELF, MONITORING], action: 'return', from: 'approved', to: 'returned', roles: FINANCE },
  { kinds: [SELF, MONITORING], action: 'approve', from: 'submitted', to: 'approved', roles: REVIEWERS },
  { kinds: [SELF], action: 'publish', from: 'approved', to: 'published', roles: FINANCE },

  { kinds: [DECLARATION], action: 'submit', from: 'draft', to: 'submitted', roles: UNIT },
  { kinds: [DECLARATION], action: 'submit', from: 'returned', to: 'submitted', roles: UNIT },
  { kinds: [DECLARATION], action: 'return', from: 'submitted', to: 'returned', roles: REVIEWERS },
  { kinds: [DECLARATION], action: 'return', from: 'reviewed', to: 'returned', roles: FINANCE },
  { kinds: [DECLARATION], action: 'return', from: 'graded', to: 'returned', roles: FINANCE },
  {
    kinds: [DECLARATION],
    action: 'review',
    from: 'submitted',
    to: 'reviewed',
    roles: DEPT,
    grades: ['优', '良'],
  },
  { kinds: [DECLARATION], action: 'review', from: 'submitted', to: 'returned', roles: DEPT, grades: ['中'] },
  { kinds: [DECLARATION], action: 'review', from: 'submitted', to: 'rejected', roles: DEPT, grades: ['差'] },
  {
    kinds: [DECLARATION],
    action: 'review',
    from: 'reviewed',
    to: 'graded',
    roles: FINANCE,
    grades: ['优', '良'],
  },
  {
    kinds: [DECLARATION],
    action: 'review',
    from: 'reviewed',
    to: 'returned',
    roles: FINANCE,
    grades: ['中'],
  },
  {
    kinds: [DECLARATION],
    action: 'review',
    from: 'reviewed',
    to: 'rejected',
    roles: FINANCE,
    grades: ['差'],
  },
  { kinds: [DECLARATION], action: 'approve', from: 'graded', to: 'approved', roles: FINANCE },

  { kinds: [DEPARTMENT], action: 'submit', from: 'draft', to: 'submitted', roles: DEPT },
  { kinds: [DEPARTMENT], action: 'submit', from: 'returned', to: 'submitted', roles: DEPT },
  { kinds: [DEPARTMENT], action: 'return', from: 'submitted', to: 'returned', roles: FINANCE },
  { kinds: [DEPARTMENT], action: 'return', from: 'approved', to: 'returned', roles: FINANCE },
  { kinds: [DEPARTMENT], action: 'approve', from: 'submitted', to: 'approved', roles: FINANCE },
  { kinds: [DEPARTMENT], action: 'publish', from: 'approved', to: 'published', roles: FINANCE },
];

/** Content may change only in these statuses. */
export const EDITABLE_STATUSES: readonly FormStatusWord[] = ['draft', 'returned'];

/** Who fills a form of each kind (lifecycle.md §3: 预算单位 the project forms, 主管部门 its own). */
export const EDITOR_ROLES_BY_KIND: Record<FormKind, readonly Role[]> = {
  [SELF]: UNIT,
  [DECLARATION]: UNIT,
  [MONITORING]: UNIT,
  [DEPARTMENT]: DEPT,
};

/** Which org kind holds forms of each kind. */
export const ORG_KIND_BY_FORM_KIND: Record<FormKind, 'unit' | 'department'> = {
  [SELF]: 'unit',
  [DECLARATION]: 'unit',
  [MONITORING]: 'unit',
  [DEPARTMENT]: 'department',
};

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

export const KIND_LABELS: Record<FormKind, string> = {
  [SELF]: '自评表',
  [DECLARATION]: '绩效目标申报表',
  [MONITORING]: '运行监控表',
  [DEPARTMENT]: '部门整体自评表',
};

const asKind = (kind: string): FormKind => kind as FormKind;

/** The rule for an action on a form of `kind` in status `from` (for `review`, the grade's rule). */
export function findTransition(
  kind: string,
  action: WorkflowAction,
  from: FormStatusWord,
  grade?: ReviewGrade,
): Rule | undefined {
  return TRANSITIONS.find(
    (t) =>
      t.kinds.includes(asKind(kind)) &&
      t.action === action &&
      t.from === from &&
      (t.grades === undefined || (grade !== undefined && t.grades.includes(grade))),
  );
}

/** Whether `action` exists at all for this kind and status (a review without grade still names it). */
export function actionExists(kind: string, action: WorkflowAction, from: FormStatusWord): Rule | undefined {
  return TRANSITIONS.find((t) => t.kinds.includes(asKind(kind)) && t.action === action && t.from === from);
}

/** Actions the actor may take on a form of `kind` in `status` (scope is checked by the caller). */
export function allowedActions(actor: Actor, status: FormStatusWord, kind: string): WorkflowAction[] {
  const actions = TRANSITIONS.filter(
    (t) => t.kinds.includes(asKind(kind)) && t.from === status && t.roles.includes(actor.role),
  ).map((t) => t.action);
  return [...new Set(actions)];
}

export function canEdit(actor: Actor, status: FormStatusWord, kind: string): boolean {
  const roles = EDITOR_ROLES_BY_KIND[asKind(kind)] ?? UNIT;
  return roles.includes(actor.role) && EDITABLE_STATUSES.includes(status);
}
