// The store: Kysely over SQLite or PostgreSQL, one migration set, repositories of queries.
// Only this layer imports kysely, pg and better-sqlite3.

export { type ChainedEntry, chainHash, GENESIS_HASH } from './audit-chain.ts';
export type { DialectName } from './dialect.ts';
export {
  BACKUP_TABLES,
  clearTable,
  countRows,
  dumpTable,
  holdsData,
  loadRows,
  migrateTo,
  type Row,
  type TableSpec,
} from './dump.ts';
export {
  canReachPostgres,
  type Db,
  dropSchema,
  isPostgresUrl,
  migrate,
  openStore,
  readSnapshot,
  SchemaMismatchError,
  type SchemaState,
  type Store,
  type StoreOptions,
  schemaState,
} from './open-store.ts';
export type * from './records.ts';
export {
  type AuditFilter,
  auditLog,
  type NewAuditEntry,
  type StoredAuditEntry,
  withAuditBuffer,
} from './repositories/audit-log.ts';
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
  chainForms,
  currentDataOf,
  type FamilyCounts,
  FINDING_FAMILIES,
  type FormContent,
  type FormFilter,
  type FormSort,
  findFormsByProjectName,
  forms,
  formsOfKindUnder,
  type IndicatorRow,
  indicatorRecord,
  markChainPending,
  multiFormProjectYears,
  setStatus,
} from './repositories/forms.ts';
export { type ClaimedItem, type ItemOutcome, jobs, type NewJobItem } from './repositories/jobs.ts';
export { loginThrottle, type ThrottleState } from './repositories/login-throttle.ts';
export { orgs } from './repositories/orgs.ts';
export { type ProjectFilter, projects } from './repositories/projects.ts';
export { type ReportFormFilter, type ReportFormRow, reportForms } from './repositories/report-forms.ts';
export { revisions } from './repositories/revisions.ts';
export { sessions } from './repositories/sessions.ts';
export { type Credentials, type NewUser, users } from './repositories/users.ts';
export { isUniqueViolation } from './sql-util.ts';

import type { DialectName } from './dialect.ts';
import { migrationsFor } from './migrations/index.ts';
import type { Db } from './open-store.ts';
import { withAuditBuffer } from './repositories/audit-log.ts';

let generation = 0;

/**
 * How many transactions of this process have ended (committed or not). A cache of rows that any
 * service transaction may change keeps an entry only while this number is unchanged: read it
 * before the query whose rows are cached.
 */
export const transactionGeneration = (): number => generation;

/** Runs `fn` in one transaction (all or nothing); its audit entries join the chain just before the commit. */
export async function transaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute((trx) => withAuditBuffer(trx, fn));
  } finally {
    generation += 1;
  }
}

/** The migrations this program knows, in order. */
export function knownMigrations(dialect: DialectName): string[] {
  return Object.keys(migrationsFor(dialect)).sort();
}
