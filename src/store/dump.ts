import { type Kysely, Migrator, sql } from 'kysely';
import { migrationsFor } from './migrations/index.ts';
import { type Db, type Store, schemaState } from './open-store.ts';

// Whole tables out and in, dialect-neutral, for `jixiao backup` / `jixiao restore`: rows as plain
// objects (column → text, number or null; blobs as `{ "$base64": … }`), read a page at a time in
// key order, written back in batches. Parents come before children, so foreign keys hold.

export type TableSpec = { name: string; key: readonly string[] };

/** What a backup holds, in restore order. Sessions and sign-in counters are not kept. */
export const BACKUP_TABLES: readonly TableSpec[] = [
  { name: 'orgs', key: ['depth', 'id'] },
  { name: 'users', key: ['id'] },
  { name: 'password_history', key: ['id'] },
  { name: 'projects', key: ['id'] },
  { name: 'forms', key: ['id'] },
  { name: 'form_indicators', key: ['form_id', 'position'] },
  { name: 'revisions', key: ['form_id', 'revision'] },
  { name: 'comments', key: ['id'] },
  { name: 'evidence', key: ['id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'audit_head', key: ['id'] },
  { name: 'jobs', key: ['id'] },
  { name: 'job_items', key: ['job_id', 'position'] },
];

export type Row = Record<string, unknown>;

// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time here.
const dynamic = (db: Db): Kysely<any> => db as unknown as Kysely<any>;

/** A value as JSON can carry it. */
function toPortable(v: unknown): unknown {
  if (v instanceof Uint8Array)
    return { $base64: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  if (typeof v === 'bigint') return Number(v);
  return v;
}

function fromPortable(v: unknown): unknown {
  if (v && typeof v === 'object' && '$base64' in v)
    return Buffer.from(String((v as { $base64: string }).$base64), 'base64');
  return v;
}

/** Calls `onPage` with every row of the table, `pageSize` at a time, in key order. */
export async function dumpTable(
  db: Db,
  table: TableSpec,
  onPage: (rows: Row[]) => void | Promise<void>,
  pageSize = 1000,
): Promise<number> {
  let last: Row | null = null;
  let count = 0;
  const [a, b] = table.key as [string, string | undefined];
  for (;;) {
    let after = sql``;
    if (last) {
      after = b
        ? sql`where ${sql.ref(a)} > ${last[a]} or (${sql.ref(a)} = ${last[a]} and ${sql.ref(b)} > ${last[b]})`
        : sql`where ${sql.ref(a)} > ${last[a]}`;
    }
    const order = sql.join(table.key.map((k) => sql.ref(k)));
    const rows = (
      await sql<Row>`select * from ${sql.table(table.name)} ${after} order by ${order} limit ${pageSize}`.execute(
        db,
      )
    ).rows;
    if (rows.length === 0) break;
    last = rows[rows.length - 1]!;
    count += rows.length;
    await onPage(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toPortable(v)]))));
    if (rows.length < pageSize) break;
  }
  return count;
}

/** Inserts rows (as dumpTable gave them) in batches that stay under both dialects' parameter limits. */
export async function loadRows(db: Db, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!).length || 1;
  const batch = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < rows.length; i += batch) {
    const values = rows
      .slice(i, i + batch)
      .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fromPortable(v)])));
    await dynamic(db).insertInto(table).values(values).execute();
  }
}

export async function countRows(db: Db, table: string): Promise<number> {
  const r = await sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export async function clearTable(db: Db, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

/** Whether the database holds any data a restore would overwrite. */
export async function holdsData(db: Db): Promise<boolean> {
  for (const t of ['orgs', 'users', 'forms', 'audit_log']) if ((await countRows(db, t)) > 0) return true;
  return false;
}

/** Migrates to exactly `name` (a restore loads rows into the schema the backup was taken from). */
export async function migrateTo(store: Store, name: string): Promise<void> {
  const known = migrationsFor(store.dialect);
  if (!(name in known)) throw new Error(`未知的迁移：${name}`);
  const state = await schemaState(store);
  if (state.applied.includes(name) && state.applied[state.applied.length - 1] === name) return;
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => known },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
}
