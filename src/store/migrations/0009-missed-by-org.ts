import { type Kysely, type Migration, sql } from 'kysely';

// "Most missed indicators" for a department or unit: the rows scored below their weight, by org
// first, so the scope's orgs are index ranges instead of a filter over every missed row of every
// org (at 100k forms a department read all ~285k of them). The (level2, name, …) index of 0003
// stays for the whole tree, which groups in its order.

export const missedByOrg: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('form_indicators_missed_org')
      .on('form_indicators')
      .columns(['org_id', 'year', 'level2', 'name'])
      .where(sql.ref('missed'), '=', 1)
      .execute();
  },
};
