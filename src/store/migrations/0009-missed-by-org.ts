import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

// The forms aggregates in year order: the summary, grouped by year, status and grade, streams from
// this index with no sort — over the whole tree or one year — where forms_dashboard (org first)
// had to sort 100k rows by status and grade; one year's distributions read only that year.
//
// PostgreSQL: "most missed indicators" for a department or unit: the rows scored below their weight, by org
// first, so the scope's orgs are index ranges instead of a filter over every missed row of every
// org (at 100k forms a department read all ~285k of them). The (level2, name, …) index of 0003
// stays for the whole tree, which groups in its order. SQLite does not get it: its planner took
// it for large scopes too and then sorted every row (dashboard.ts keeps it off that index).

export const missedByOrg = (dialect: DialectName): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('forms_dashboard_year')
      .on('forms')
      .columns([
        'year',
        'status',
        'grade',
        'eval_pending',
        'execution_rate',
        'self_total',
        'rule_total',
        'finding_count',
        'f_arithmetic',
        'f_structure',
        'f_scoring',
        'f_cross_field',
        'f_narrative',
        'f_value',
        'org_id',
      ])
      .execute();
    if (dialect !== 'postgres') return;
    await db.schema
      .createIndex('form_indicators_missed_org')
      .on('form_indicators')
      .columns(['org_id', 'year', 'level2', 'name'])
      .where(sql.ref('missed'), '=', 1)
      .execute();
  },
});
