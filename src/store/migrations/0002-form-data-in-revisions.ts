import type { Kysely, Migration } from 'kysely';

// A form's current Form JSON is the revision its `revision` column names; keeping a second copy
// in `forms` doubled the bytes of every save and, on SQLite, pushed the columns after it into
// overflow pages that every list and dashboard scan had to read.

export const formDataInRevisions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('forms').dropColumn('data').execute();
  },
};
