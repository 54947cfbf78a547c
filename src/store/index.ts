// The store: Kysely over SQLite or PostgreSQL, one migration set, repositories of queries.
// Only this layer imports kysely, pg and better-sqlite3.
export type { DialectName } from './dialect.ts';
export {
  canReachPostgres,
  type Db,
  dropSchema,
  isPostgresUrl,
  migrate,
  openStore,
  type Store,
  type StoreOptions,
} from './open-store.ts';
export type * from './records.ts';
export { type AuditFilter, auditLog, type NewAuditEntry } from './repositories/audit-log.ts';
export { comments } from './repositories/comments.ts';
export {
  type DashboardFilter,
  dashboard,
  EXECUTION_RATE_BOUNDS,
  SELF_MINUS_RULE_BOUNDS,
  STATUSES,
  type SummaryRow,
} from './repositories/dashboard.ts';
export { evidence } from './repositories/evidence.ts';
export {
  type FamilyCounts,
  FINDING_FAMILIES,
  type FormContent,
  type FormFilter,
  type FormSort,
  findFormsByProjectName,
  forms,
  type IndicatorRow,
  indicatorRecord,
} from './repositories/forms.ts';
export { type ItemOutcome, jobs, type NewJobItem } from './repositories/jobs.ts';
export { loginAttempts } from './repositories/login-attempts.ts';
export { orgs } from './repositories/orgs.ts';
export { type ProjectFilter, projects } from './repositories/projects.ts';
export { type ReportFormFilter, type ReportFormRow, reportForms } from './repositories/report-forms.ts';
export { revisions } from './repositories/revisions.ts';
export { sessions } from './repositories/sessions.ts';
export { type NewUser, users } from './repositories/users.ts';
export { isUniqueViolation } from './sql-util.ts';

import type { Db } from './open-store.ts';

/** Runs `fn` in one transaction (all or nothing). */
export function transaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
