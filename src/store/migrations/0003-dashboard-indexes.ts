import { type Kysely, type Migration, sql } from 'kysely';

// Indexes for the dashboards and lists at 100k forms: a covering index holding every column the forms
// aggregates read (a scan of it is a fraction of a table scan), and a partial index of the
// indicator rows scored below their weight, in (level2, name) order so "most missed" groups
// without sorting.

export const dashboardIndexes: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('forms_dashboard')
      .on('forms')
      .columns([
        'org_id',
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
      ])
      .execute();
    // lists sorted by last change, with the id as tie-breaker, read in index order
    await db.schema.dropIndex('forms_updated').execute();
    await db.schema.createIndex('forms_updated').on('forms').columns(['updated_at', 'id']).execute();
    await db.schema.dropIndex('form_indicators_missed').execute();
    await db.schema
      .createIndex('form_indicators_missed')
      .on('form_indicators')
      .columns(['level2', 'name', 'org_id', 'year'])
      .where(sql.ref('missed'), '=', 1)
      .execute();
  },
};
