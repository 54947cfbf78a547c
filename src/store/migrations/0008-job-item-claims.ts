import { type Kysely, type Migration, sql } from 'kysely';

// Batch items are claimed one by one, by any number of workers on any number of machines
// (job-runner.ts): each item carries its own lease (owner and expiry) and a count of claims, so
// a worker killed mid-file loses its items to the others when the lease runs out, and a file that
// kills every worker that takes it is given up after a few tries instead of forever. Pending items
// are found through a partial index: the finished ones (almost all of a big job) are never scanned.

export const jobItemClaims: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('job_items').addColumn('lease_owner', 'text').execute();
    await db.schema.alterTable('job_items').addColumn('lease_expires_at', 'text').execute();
    await db.schema
      .alterTable('job_items')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('job_items_pending')
      .on('job_items')
      .columns(['position', 'job_id'])
      .where(sql<boolean>`status = 'pending'`)
      .execute();
  },
};
