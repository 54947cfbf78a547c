import type { UserRecord } from '../store/index.ts';

// Apart from user-operations so the CLI can offer the role choices without loading the store.

/** The roles, with the names the forms use. */
export const ROLE_LABELS: Record<UserRecord['role'], string> = {
  'unit-filler': '单位填报人',
  'department-reviewer': '主管部门审核人',
  'finance-reviewer': '财政部门审核人',
  admin: '管理员',
};
export const ROLE_NAMES = Object.keys(ROLE_LABELS) as Array<UserRecord['role']>;
