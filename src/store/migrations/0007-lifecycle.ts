import type { Kysely, Migration } from 'kysely';

// The lifecycle (issue 11, lifecycle.md §3): a project's declaration has versions (an adjustment is
// a new version; the approved one is never edited), so a form is unique per (project, year, kind,
// version), version 1 for every other kind. Three new finding families get their count columns.

export const lifecycle: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('forms')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.dropIndex('forms_project_year_kind').execute();
    await db.schema
      .createIndex('forms_project_year_kind')
      .on('forms')
      .columns(['project_id', 'year', 'kind', 'version'])
      .unique()
      .execute();
    for (const column of ['f_target_quality', 'f_monitoring', 'f_cross_stage']) {
      await db.schema.alterTable('forms').addColumn(column, 'integer').execute();
    }
    // the dashboard's summary sums every family: its covering index (0003) gains the new columns
    await db.schema.dropIndex('forms_dashboard').execute();
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
        'f_target_quality',
        'f_monitoring',
        'f_cross_stage',
      ])
      .execute();
    // the dashboard's per-kind and cross-stage counts (dashboard.byOrgKind) read this index, not the table
    await db.schema
      .createIndex('forms_lifecycle')
      .on('forms')
      .columns(['org_id', 'year', 'kind', 'f_cross_stage'])
      .execute();
  },
};
