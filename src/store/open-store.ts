import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.ts';
import { migrationsFor } from './migrations/index.ts';
import type { Database } from './schema.ts';
import { FastSqliteDialect } from './sqlite-dialect.ts';

export type Db = Kysely<Database>;

export type Store = {
  db: Db;
  dialect: DialectName;
  /** a human-readable place: the SQLite file or the PostgreSQL host/database (no password). */
  location: string;
  close(): Promise<void>;
};

export type StoreOptions = {
  /** postgres://… selects PostgreSQL; otherwise SQLite under dataDir. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** SQLite file; default `<dataDir>/jixiao.sqlite`. */
  sqliteFile?: string | undefined;
  /** PostgreSQL schema to use (created if missing); default: the server's search_path. */
  schema?: string | undefined;
  poolSize?: number | undefined;
  /** receives every executed query (tests snapshot the compiled SQL). */
  onQuery?: ((sql: string, durationMs: number) => void) | undefined;
  migrate?: boolean | undefined;
};

export const isPostgresUrl = (url: string | undefined): url is string =>
  !!url && /^postgres(ql)?:\/\//.test(url);

/** Opens the database (SQLite in WAL mode by default, PostgreSQL for a postgres:// URL) and migrates it. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const log = options.onQuery
    ? (event: LogEvent) => {
        if (event.level === 'query') options.onQuery?.(event.query.sql, event.queryDurationMillis);
      }
    : undefined;
  let store: Store;
  if (isPostgresUrl(options.databaseUrl)) {
    const schema = options.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`非法的 schema 名称：${schema}`);
    if (schema) {
      const admin = new pg.Client({ connectionString: options.databaseUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? Number(process.env['JIXIAO_PG_POOL'] ?? 20),
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const url = new URL(options.databaseUrl);
    store = {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) }),
      dialect: 'postgres',
      location: `postgres://${url.host}${url.pathname}${schema ? ` (schema ${schema})` : ''}`,
      close: async () => {
        await store.db.destroy();
      },
    };
  } else {
    const file = options.sqliteFile ?? join(options.dataDir ?? 'data', 'jixiao.sqlite');
    mkdirSync(join(file, '..'), { recursive: true });
    const database = new SqliteDatabase(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 10000');
    database.pragma('cache_size = -65536');
    database.pragma('temp_store = memory');
    store = {
      db: new Kysely<Database>({ dialect: new FastSqliteDialect(database), ...(log ? { log } : {}) }),
      dialect: 'sqlite',
      location: file,
      close: async () => {
        await store.db.destroy();
      },
    };
  }
  if (options.migrate !== false) await migrate(store);
  return store;
}

/** Applies every pending migration; safe when several servers start at once (the migrator locks). */
export async function migrate(store: Store): Promise<string[]> {
  // On PostgreSQL the migration tables go in the schema in use, named explicitly: Kysely's check
  // for them otherwise sees another schema's tables in the same database and skips creating them.
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrationsFor(store.dialect) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Drops a PostgreSQL schema (tests clean up after themselves). */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`非法的 schema 名称：${schema}`);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await admin.end();
  }
}

/** Whether a PostgreSQL server answers at the URL (a short timeout). */
export async function canReachPostgres(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export { sql };
