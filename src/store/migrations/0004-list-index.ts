import type { Kysely, Migration } from 'kysely';

// Form lists read a page in last-changed order; with the org in the index the page's ids come from
// the index alone (no table lookup per skipped row), whatever the caller's scope.

export const listIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('forms_updated').execute();
    await db.schema
      .createIndex('forms_updated')
      .on('forms')
      .columns(['updated_at', 'id', 'org_id'])
      .execute();
  },
};
