import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, type LogEvent, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.ts';
import { migrationsFor } from './migrations/index.ts';
import { preparedName } from './prepared.ts';
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
  /**
   * true / 'latest' (default): apply every pending migration; 'if-empty': migrate a new database,
   * refuse one with pending migrations (`jixiao migrate` applies them); false: leave it alone.
   * A database with migrations this program does not know is always refused.
   */
  migrate?: boolean | 'latest' | 'if-empty' | undefined;
};

/** The database's schema does not fit this program: newer than it knows, or not yet migrated. */
export class SchemaMismatchError extends Error {
  constructor(
    readonly kind: 'newer' | 'pending',
    readonly migrations: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'SchemaMismatchError';
  }
}

export type SchemaState = {
  /** migrations recorded in the database, in order. */
  applied: string[];
  /** known migrations not yet applied. */
  pending: string[];
  /** applied migrations this program does not know (a newer version wrote them). */
  unknown: string[];
};

/** Which migrations the database has, against the ones this program knows. */
export async function schemaState(store: Store): Promise<SchemaState> {
  const known = Object.keys(migrationsFor(store.dialect)).sort();
  const exists =
    store.dialect === 'postgres'
      ? (await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(store.db))
          .rows[0]?.t
      : (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name = 'kysely_migration'`.execute(
            store.db,
          )
        ).rows[0]?.name;
  const applied = exists
    ? (
        await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db)
      ).rows.map((r) => r.name)
    : [];
  return {
    applied,
    pending: known.filter((n) => !applied.includes(n)),
    unknown: applied.filter((n) => !known.includes(n)),
  };
}

/** Refuses a schema this program does not know; migrates as `mode` says. */
async function prepareSchema(store: Store, mode: true | 'latest' | 'if-empty'): Promise<void> {
  const state = await schemaState(store);
  if (state.unknown.length > 0) {
    throw new SchemaMismatchError(
      'newer',
      state.unknown,
      `数据库结构比本程序新（有本程序不认识的迁移 ${state.unknown.join('、')}）：请升级 jixiao 后再启动，或从备份还原`,
    );
  }
  // a database with no org holds no data yet (or another server is migrating it right now)
  const hasData = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from (select id from orgs limit 1) x`.execute(store.db))
        .rows[0]?.n ?? 0,
    ) > 0;
  if (mode === 'if-empty' && state.applied.length > 0 && state.pending.length > 0 && (await hasData())) {
    throw new SchemaMismatchError(
      'pending',
      state.pending,
      `数据库结构需要升级（待执行的迁移：${state.pending.join('、')}）：请先备份（jixiao backup），再运行 jixiao migrate`,
    );
  }
  if (state.pending.length > 0) await migrate(store);
}

/**
 * The pool as Kysely sees it, with the hot-path queries (prepared.ts) sent as named statements.
 * One wrapper per pooled client: Kysely keeps its connection object per client.
 */
function withNamedStatements(pool: pg.Pool) {
  const wrapped = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    let w = wrapped.get(client);
    if (!w) {
      const query = ((text: unknown, values?: unknown[]) => {
        const name = typeof text === 'string' ? preparedName(text) : undefined;
        return name
          ? client.query({ name, text: text as string, values: values ?? [] })
          : client.query(text as string, values);
      }) as pg.PoolClient['query'];
      w = { query, release: (err?: Error | boolean) => client.release(err) } as pg.PoolClient;
      wrapped.set(client, w);
    }
    return w;
  };
  return { connect: async () => wrap(await pool.connect()), end: () => pool.end() };
}

function parallelWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return 0;
  if (!/^\d{1,2}$/.test(value)) throw new Error(`JIXIAO_PG_PARALLEL_WORKERS 应为 0–99 的整数：${value}`);
  return Number(value);
}

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
    const parallel = parallelWorkers(process.env['JIXIAO_PG_PARALLEL_WORKERS']);
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
    // Parallel query off by default: the server already runs many queries at once (the dashboard
    // alone four), and on a small shared machine (2 cores, measured in bench/dashboards.bench.ts)
    // a gather of workers made the 100k-form aggregates 2–3× slower than one backend each.
    // JIXIAO_PG_PARALLEL_WORKERS=N gives the server's max_parallel_workers_per_gather back N.
    pool.on('connect', (client) => {
      // queued ahead of the client's first query, so no query runs before it
      client.query(`set max_parallel_workers_per_gather = ${parallel}`).catch(() => undefined);
    });
    const url = new URL(options.databaseUrl);
    store = {
      db: new Kysely<Database>({
        dialect: new PostgresDialect({ pool: withNamedStatements(pool) }),
        ...(log ? { log } : {}),
      }),
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
  if (options.migrate !== false) {
    try {
      await prepareSchema(store, options.migrate ?? 'latest');
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

/**
 * Runs `fn` in a read transaction that sees one consistent snapshot while others keep writing:
 * REPEATABLE READ on PostgreSQL; on SQLite (WAL) a transaction's first read fixes its snapshot.
 * On SQLite the process's one connection is held meanwhile: for the command line, not a server.
 */
export function readSnapshot<T>(store: Store, fn: (trx: Db) => Promise<T>): Promise<T> {
  const tx = store.db.transaction();
  return (
    store.dialect === 'postgres' ? tx.setIsolationLevel('repeatable read').setAccessMode('read only') : tx
  ).execute(fn);
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
