import type { Migration } from 'kysely';
import type { DialectName } from '../dialect.ts';
import { initial } from './0001-initial.ts';
import { formDataInRevisions } from './0002-form-data-in-revisions.ts';
import { dashboardIndexes } from './0003-dashboard-indexes.ts';
import { listIndex } from './0004-list-index.ts';
import { accountSecurity } from './0005-account-security.ts';
import { auditChain } from './0006-audit-chain.ts';
import { lifecycle } from './0007-lifecycle.ts';
import { jobItemClaims } from './0008-job-item-claims.ts';
import { missedByOrg } from './0009-missed-by-org.ts';
import { dashboardYearFamilies } from './0010-dashboard-year-families.ts';

/** Numbered migrations, applied in name order. Never edit one that has shipped: add one. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001-initial': initial(dialect),
    '0002-form-data-in-revisions': formDataInRevisions,
    '0003-dashboard-indexes': dashboardIndexes,
    '0004-list-index': listIndex,
    '0005-account-security': accountSecurity,
    '0006-audit-chain': auditChain,
    '0007-lifecycle': lifecycle,
    '0008-job-item-claims': jobItemClaims,
    '0009-missed-by-org': missedByOrg(dialect),
    '0010-dashboard-year-families': dashboardYearFamilies,
  };
}
