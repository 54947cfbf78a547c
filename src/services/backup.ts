import { createHash, randomUUID } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { copyFile, mkdir, rename, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';
import {
  auditLog,
  BACKUP_TABLES,
  clearTable,
  dumpTable,
  holdsData,
  knownMigrations,
  loadRows,
  migrate,
  migrateTo,
  openStore,
  type Row,
  readSnapshot,
  type Store,
  schemaState,
  transaction,
} from '../store/index.ts';
import { type AuditWho, recordEvent } from './audit-trail.ts';
import { type AppContext, iso } from './context.ts';
import { evidencePath } from './evidence-files.ts';
import { ServiceError } from './service-error.ts';

// `jixiao backup FILE` / `jixiao restore FILE`: a portable zip — one JSON-lines file per table,
// every evidence file by its sha256, and a manifest (schema migrations, row counts, checksums).
// The tables are read in one snapshot (readSnapshot: a read transaction), so a backup taken while a
// server writes is consistent. A restore goes into an empty database of either dialect — SQLite
// to PostgreSQL and back — at the backup's schema, then migrates it to this program's.

export const BACKUP_FORMAT = 'jixiao-backup';
export const BACKUP_VERSION = 1;

export type BackupManifest = {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: { dialect: string; location: string };
  /** the schema the rows fit: migrations applied in the source, in order. */
  migrations: string[];
  tables: Record<string, { rows: number; sha256: string }>;
  evidence: { files: number; bytes: number; missing: string[] };
  /** the audit chain's head at the time of the backup. */
  audit: { seq: number; hash: string } | null;
};

const ENTRY = /^(?:manifest\.json|tables\/[a-z_]+\.jsonl|evidence\/[0-9a-f]{64})$/;

/** A zip written entry by entry to a file, never held in memory whole. */
class ZipFile {
  readonly #fd: number;
  readonly #zip: Zip;
  #error: Error | null = null;
  #done = false;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
    this.#zip = new Zip((err, chunk, final) => {
      if (err) this.#error = err;
      else writeSync(this.#fd, chunk);
      if (final) this.#done = true;
    });
  }

  entry(name: string, level: 0 | 1 | 6 = 6) {
    const file = new ZipDeflate(name, { level });
    this.#zip.add(file);
    return {
      push: (data: Uint8Array) => {
        if (data.length > 0) file.push(data, false);
        this.#check();
      },
      end: () => {
        file.push(new Uint8Array(0), true);
        this.#check();
      },
    };
  }

  close(): void {
    this.#zip.end();
    this.#check();
    closeSync(this.#fd);
    if (!this.#done) throw new Error('压缩包未写完');
  }

  abort(): void {
    try {
      closeSync(this.#fd);
    } catch {
      // already closed
    }
  }

  #check(): void {
    if (this.#error) throw this.#error;
  }
}

export type BackupSummary = { file: string; manifest: BackupManifest; bytes: number };

/** Writes a backup of the whole database and the evidence files to `file` (atomically: *.part, then renamed). */
export async function createBackup(ctx: AppContext, file: string, who: AuditWho): Promise<BackupSummary> {
  const state = await schemaState(ctx.store);
  if (state.unknown.length > 0)
    throw new ServiceError(
      'schema-mismatch',
      `数据库结构比本程序新（${state.unknown.join('、')}）：请用新版 jixiao 备份`,
    );
  const part = `${file}.part`;
  await mkdir(dirname(file), { recursive: true });
  const zip = new ZipFile(part);
  try {
    const manifest = await readSnapshot(ctx.store, async (db) => {
      const tables: BackupManifest['tables'] = {};
      const shas = new Set<string>();
      for (const table of BACKUP_TABLES) {
        const out = zip.entry(`tables/${table.name}.jsonl`);
        const hash = createHash('sha256');
        const rows = await dumpTable(db, table, (page) => {
          const text = Buffer.from(page.map((r) => `${JSON.stringify(r)}\n`).join(''));
          hash.update(text);
          out.push(text);
          if (table.name === 'evidence') for (const r of page) shas.add(String(r['sha256']));
        });
        out.end();
        tables[table.name] = { rows, sha256: hash.digest('hex') };
      }
      const head = await auditLog.head(db);
      // evidence files are written once under their hash and never changed: copy every one named
      const evidence = { files: 0, bytes: 0, missing: [] as string[] };
      for (const sha of [...shas].sort()) {
        const path = evidencePath(ctx, sha);
        if (!existsSync(path)) {
          evidence.missing.push(sha);
          continue;
        }
        const out = zip.entry(`evidence/${sha}`, 1);
        for await (const chunk of createReadStream(path)) {
          out.push(chunk as Buffer);
          evidence.bytes += (chunk as Buffer).length;
        }
        out.end();
        evidence.files += 1;
      }
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: iso(ctx),
        source: { dialect: ctx.store.dialect, location: ctx.store.location },
        migrations: state.applied,
        tables,
        evidence,
        audit: head ? { seq: head.seq, hash: head.hash } : null,
      } satisfies BackupManifest;
    });
    const m = zip.entry('manifest.json');
    m.push(Buffer.from(JSON.stringify(manifest, null, 2)));
    m.end();
    zip.close();
    renameSync(part, file);
    await transaction(ctx.store.db, (trx) =>
      recordEvent(
        trx,
        ctx,
        who,
        'backup.create',
        { type: 'database', id: ctx.store.location.slice(0, 200) },
        {
          file,
          rows: Object.values(manifest.tables).reduce((a, t) => a + t.rows, 0),
          evidence: manifest.evidence.files,
        },
        iso(ctx),
      ),
    );
    return { file, manifest, bytes: (await stat(file)).size };
  } catch (e) {
    zip.abort();
    rmSync(part, { force: true });
    throw e;
  }
}

/** Unpacks a backup into a directory, refusing any entry that is not part of the format. */
async function extract(file: string, dir: string): Promise<void> {
  let failure: Error | null = null;
  const open = new Set<number>();
  const unzip = new Unzip((entry) => {
    if (!ENTRY.test(entry.name)) {
      failure ??= new ServiceError(
        'bad-request',
        `不是 jixiao 备份：包含意外的文件“${entry.name.slice(0, 80)}”`,
      );
      return;
    }
    const path = join(dir, entry.name);
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    open.add(fd);
    entry.ondata = (err, data, final) => {
      if (err) failure ??= err;
      else writeSync(fd, data);
      if (final) {
        closeSync(fd);
        open.delete(fd);
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(file)) {
      unzip.push(chunk as Buffer);
      if (failure) throw failure;
    }
    unzip.push(new Uint8Array(0), true);
  } catch (e) {
    throw e instanceof ServiceError
      ? e
      : new ServiceError('bad-request', `备份文件损坏或不是 zip：${(e as Error).message}`);
  } finally {
    for (const fd of open) closeSync(fd);
  }
  if (failure) throw failure;
}

function readManifest(dir: string): BackupManifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path))
    throw new ServiceError('bad-request', '不是 jixiao 备份：缺少 manifest.json（文件不完整？）');
  let m: BackupManifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  } catch {
    throw new ServiceError('bad-request', '备份的 manifest.json 不是合法的 JSON');
  }
  if (m.format !== BACKUP_FORMAT)
    throw new ServiceError('bad-request', '不是 jixiao 备份（manifest.format 不符）');
  if (m.version > BACKUP_VERSION)
    throw new ServiceError('schema-mismatch', `备份格式版本 ${m.version} 比本程序新：请升级 jixiao`);
  for (const [table, t] of Object.entries(m.tables)) {
    const file = join(dir, 'tables', `${table}.jsonl`);
    const sha = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
    if (sha !== t.sha256)
      throw new ServiceError('bad-request', `备份中的表 ${table} 与清单的校验和不符：文件被改动或损坏`);
  }
  return m;
}

async function loadTable(trx: Parameters<typeof loadRows>[0], dir: string, table: string): Promise<number> {
  const file = join(dir, 'tables', `${table}.jsonl`);
  if (!existsSync(file)) return 0;
  let batch: Row[] = [];
  let n = 0;
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Row);
    if (batch.length >= 1000) {
      await loadRows(trx, table, batch);
      n += batch.length;
      batch = [];
    }
  }
  await loadRows(trx, table, batch);
  return n + batch.length;
}

export type RestoreSummary = {
  manifest: BackupManifest;
  dialect: string;
  location: string;
  rows: Record<string, number>;
  evidenceFiles: number;
  migrated: string[];
};

/**
 * Restores a backup into an empty database (SQLite under `dataDir`, or PostgreSQL at `databaseUrl`)
 * and its evidence files into `dataDir`. Refuses a database that holds data, a backup from a newer
 * program, and a damaged archive. The restore is recorded in the audit log it brings back.
 */
export async function restoreBackup(
  target: { dataDir: string; databaseUrl?: string | undefined },
  file: string,
  who: AuditWho,
  now: () => Date = () => new Date(),
): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new ServiceError('bad-request', `找不到备份文件：${file}`);
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-restore-'));
  let store: Store | null = null;
  try {
    await extract(file, dir);
    const manifest = readManifest(dir);
    store = await openStore({
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl || undefined,
      migrate: false,
    });
    const known = knownMigrations(store.dialect);
    const newer = manifest.migrations.filter((m) => !known.includes(m));
    if (newer.length > 0)
      throw new ServiceError(
        'schema-mismatch',
        `备份来自更新版本的 jixiao（迁移 ${newer.join('、')}）：请升级后再还原`,
      );
    const state = await schemaState(store);
    if (state.unknown.length > 0)
      throw new ServiceError('schema-mismatch', `目标数据库的结构比本程序新（${state.unknown.join('、')}）`);
    if (state.applied.length > 0 && (await holdsData(store.db)))
      throw new ServiceError(
        'conflict',
        `目标数据库已有数据（${store.location}）：还原只写入空数据库，请换一个空库或空目录`,
      );
    const last = manifest.migrations[manifest.migrations.length - 1];
    if (!last) throw new ServiceError('bad-request', '备份的清单没有数据库结构版本（migrations）');
    if (state.applied.some((m, i) => manifest.migrations[i] !== m))
      throw new ServiceError(
        'conflict',
        `目标数据库的结构（${state.applied.at(-1)}）比备份（${last}）新：请还原到未迁移的空数据库`,
      );
    await migrateTo(store, last);

    const opened = store;
    const rows: Record<string, number> = {};
    const at = now().toISOString();
    await transaction(opened.db, async (trx) => {
      await clearTable(trx, 'audit_head'); // the migration made an empty chain's head; the backup has the real one
      for (const table of BACKUP_TABLES) rows[table.name] = await loadTable(trx, dir, table.name);
    });
    for (const [table, t] of Object.entries(manifest.tables)) {
      if ((rows[table] ?? 0) !== t.rows)
        throw new ServiceError(
          'bad-request',
          `表 ${table} 还原了 ${rows[table] ?? 0} 行，清单记载 ${t.rows} 行`,
        );
    }
    let evidenceFiles = 0;
    for (const sha of readdirSafe(join(dir, 'evidence'))) {
      const from = join(dir, 'evidence', sha);
      const digest = createHash('sha256');
      for await (const chunk of createReadStream(from)) digest.update(chunk as Buffer);
      if (digest.digest('hex') !== sha)
        throw new ServiceError('bad-request', `佐证文件 ${sha} 与其哈希不符：备份损坏`);
      const to = join(target.dataDir, 'evidence', sha.slice(0, 2), sha);
      await mkdir(dirname(to), { recursive: true });
      if (!existsSync(to)) await rename(from, to).catch(async () => copyFile(from, to));
      evidenceFiles += 1;
    }
    const migrated = await migrate(opened);
    await transaction(opened.db, (trx) =>
      auditLog.insert(
        trx,
        {
          id: randomUUID(),
          actorId: null,
          actorName: who.username,
          ip: who.ip,
          action: 'backup.restore',
          entityType: 'database',
          entityId: opened.location.slice(0, 200),
          before: null,
          after: {
            file,
            createdAt: manifest.createdAt,
            source: `${manifest.source.dialect} ${manifest.source.location}`.slice(0, 300),
            auditSeq: manifest.audit?.seq ?? null,
          },
        },
        at,
      ),
    );
    return { manifest, dialect: opened.dialect, location: opened.location, rows, evidenceFiles, migrated };
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function readdirSafe(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
