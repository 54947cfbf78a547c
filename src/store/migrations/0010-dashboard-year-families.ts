import type { Kysely, Migration } from 'kysely';

// 0009 built forms_dashboard_year from the column list as it stood before 0007 added the three
// lifecycle finding families, so the summary — which sums all nine families — had to read every
// form's row for f_target_quality, f_monitoring and f_cross_stage: the index stopped covering it.
// 0009 has shipped, so this one rebuilds the index with them. (open-store.test.ts checks that every
// forms.f_* column is in both covering indexes, so the next family cannot be forgotten the same way.)
// The column list is spelled out here rather than shared with 0003/0007/0009: a migration must go on
// building exactly what it built when it shipped, whatever later ones add.

export const dashboardYearFamilies: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('forms_dashboard_year').execute();
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
        'f_target_quality',
        'f_monitoring',
        'f_cross_stage',
        'org_id',
      ])
      .execute();
  },
};
