import { type Kysely, type Migration, sql } from 'kysely';

// Accounts for a government deployment (issue 13): a forced change of initial and reset passwords,
// password age and history, demo accounts marked as such, and login throttling by counters that
// one statement checks and increments (the failed-attempt rows it replaces were read, checked and
// written in three steps, so a burst of parallel attempts all got through).

export const accountSecurity: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // null, or why the password must be changed at the next sign-in: 'initial' | 'reset'
    await db.schema.alterTable('users').addColumn('must_change_password', 'text').execute();
    await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();
    await db.schema
      .alterTable('users')
      .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await sql`update users set password_changed_at = updated_at`.execute(db);
    await sql`update users set demo = 1 where substr(id, 1, 10) = 'demo-user-'`.execute(db);

    await db.schema
      .createTable('password_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('password_history_user')
      .on('password_history')
      .columns(['user_id', 'created_at'])
      .execute();

    // one row per username (`u:<name>`) and per client address (`ip:<address>`)
    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('login_throttle_window')
      .on('login_throttle')
      .column('window_start')
      .execute();

    await db.schema.dropTable('login_attempts').execute();
  },
};
