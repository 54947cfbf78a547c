import { type Kysely, type Migration, sql } from 'kysely';
import type { DialectName } from '../dialect.ts';

// The whole first schema. Types chosen to mean the same on both dialects: text ids and ISO text
// timestamps, `double precision` (REAL affinity on SQLite), integers for booleans, JSON as text.

export function initial(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  const real = 'double precision' as const;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('orgs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('parent_id', 'text', (c) => c.references('orgs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull().unique())
        .addColumn('depth', 'integer', (c) => c.notNull())
        .addColumn('profile_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('orgs_parent_name')
        .on('orgs')
        .columns(['parent_id', 'name'])
        .unique()
        .execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_org').on('users').column('org_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('login_attempts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('success', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('login_attempts_username')
        .on('login_attempts')
        .columns(['username', 'at'])
        .execute();
      await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'at']).execute();

      await db.schema
        .createTable('projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('projects_org_name')
        .on('projects')
        .columns(['org_id', 'name'])
        .unique()
        .execute();

      await db.schema
        .createTable('forms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
        .addColumn('org_id', 'text', (c) => c.notNull().references('orgs.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('project_name', 'text', (c) => c.notNull())
        .addColumn('profile_id', 'text', (c) => c.notNull())
        .addColumn('self_total', real)
        .addColumn('execution_rate', real)
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('rule_total', real)
        .addColumn('grade', 'text')
        .addColumn('finding_count', 'integer')
        .addColumn('error_count', 'integer')
        .addColumn('f_arithmetic', 'integer')
        .addColumn('f_structure', 'integer')
        .addColumn('f_scoring', 'integer')
        .addColumn('f_cross_field', 'integer')
        .addColumn('f_narrative', 'integer')
        .addColumn('f_value', 'integer')
        .addColumn('evaluated_revision', 'integer')
        .addColumn('eval_pending', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
        .execute();
      await db.schema
        .createIndex('forms_project_year_kind')
        .on('forms')
        .columns(['project_id', 'year', 'kind'])
        .unique()
        .execute();
      await db.schema.createIndex('forms_org_year').on('forms').columns(['org_id', 'year']).execute();
      await db.schema.createIndex('forms_year_status').on('forms').columns(['year', 'status']).execute();
      await db.schema.createIndex('forms_updated').on('forms').columns(['updated_at']).execute();
      await db.schema.createIndex('forms_eval_pending').on('forms').columns(['eval_pending']).execute();

      await db.schema
        .createTable('form_indicators')
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('level1', 'text', (c) => c.notNull())
        .addColumn('level2', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('actual', 'text', (c) => c.notNull())
        .addColumn('weight', real)
        .addColumn('score', real)
        .addColumn('missed', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('form_indicators_pk', ['form_id', 'position'])
        .execute();
      await db.schema
        .createIndex('form_indicators_missed')
        .on('form_indicators')
        .columns(['missed', 'year', 'org_id', 'level2', 'name'])
        .execute();

      await db.schema
        .createTable('revisions')
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addPrimaryKeyConstraint('revisions_pk', ['form_id', 'revision'])
        .execute();

      await db.schema
        .createTable('comments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('field', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('action', 'text')
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text')
        .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('comments_form')
        .on('comments')
        .columns(['form_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id').onDelete('cascade'))
        .addColumn('row', 'integer')
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evidence_form').on('evidence').columns(['form_id', 'row']).execute();
      await db.schema.createIndex('evidence_sha256').on('evidence').column('sha256').execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity_type', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_entity')
        .on('audit_log')
        .columns(['entity_type', 'entity_id', 'at'])
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('total', 'integer', (c) => c.notNull())
        .addColumn('processed', 'integer', (c) => c.notNull())
        .addColumn('succeeded', 'integer', (c) => c.notNull())
        .addColumn('failed', 'integer', (c) => c.notNull())
        .addColumn('org_id', 'text')
        .addColumn('on_existing', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'text')
        .execute();
      await db.schema.createIndex('jobs_status').on('jobs').columns(['status', 'created_at']).execute();

      await db.schema
        .createTable('job_items')
        .addColumn('job_id', 'text', (c) => c.notNull().references('jobs.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('form_id', 'text')
        .addColumn('error', 'text')
        .addColumn('warning_count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('job_items_pk', ['job_id', 'position'])
        .execute();
    },
  };
}
