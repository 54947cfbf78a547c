import { type Kysely, type Migration, sql } from 'kysely';

// The forms aggregates in year order: the summary, grouped by year, status and grade, streams from
// this index with no sort — over the whole tree or one year — where forms_dashboard (org first)
// had to sort 100k rows by status and grade; one year's distributions read only that year.
//
// "Most missed indicators" for a department or unit: the rows scored below their weight, by org
// first, so the scope's orgs are index ranges instead of a filter over every missed row of every
// org (at 100k forms a department read all ~285k of them). The (level2, name, …) index of 0003
// stays for the whole tree, which groups in its order.

export const missedByOrg: Migration = {
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
    await db.schema
      .createIndex('form_indicators_missed_org')
      .on('form_indicators')
      .columns(['org_id', 'year', 'level2', 'name'])
      .where(sql.ref('missed'), '=', 1)
      .execute();
  },
};
