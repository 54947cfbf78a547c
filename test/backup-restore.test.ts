import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSession, type SpawnedServer, spawnServer, withSearchPath } from '../src/server/spawn-server.ts';
import { testDialects } from '../src/server/testing.ts';
import { verifyAuditChain } from '../src/services/audit-verify.ts';
import { createContext } from '../src/services/context.ts';
import { DEMO_LIFECYCLE_COMMENTS, DEMO_LIFECYCLE_FORMS } from '../src/services/demo-lifecycle.ts';
import { BACKUP_TABLES, dumpTable, openStore, type Row, type Store } from '../src/store/index.ts';
import { openTestStore, type TestStore } from '../src/store/testing.ts';

// Issue 13 acceptance: a backup of a running SQLite server, taken while a user keeps saving, is
// one consistent snapshot; restored into PostgreSQL it holds every form, revision, comment,
// evidence file and audit entry of that snapshot, equal field for field, and its audit chain
// verifies. A second backup of the quiet server restores equal to the source in every table.

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'jixiao');
const postgres = (await testDialects()).includes('postgres');

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done) => {
    const child = spawn(BIN, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('exit', (code) => done({ code, out, err }));
  });
}

/** Waits until the server's background evaluator has scored every form (its columns stop changing). */
async function evaluated(s: Awaited<ReturnType<typeof httpSession>>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const page = (await (await s.request('GET', '/api/forms?pageSize=200')).json()) as {
      items: Array<{ evaluated: boolean }>;
    };
    if (page.items.every((f) => f.evaluated)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('forms not evaluated');
}

async function tables(store: Store): Promise<Record<string, Row[]>> {
  const out: Record<string, Row[]> = {};
  for (const t of BACKUP_TABLES) {
    const rows: Row[] = [];
    await dumpTable(store.db, t, (page) => {
      rows.push(...page);
    });
    const key = (r: Row) => t.key.map((k) => String(r[k]).padStart(12, '0')).join('|');
    out[t.name] = rows.sort((a, b) => key(a).localeCompare(key(b)));
  }
  return out;
}

(postgres ? describe : describe.skip)('backup of a running SQLite server, restored into PostgreSQL', () => {
  let dir: string;
  let server: SpawnedServer;
  const targets: TestStore[] = [];
  const formIds: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
    server = await spawnServer({ JIXIAO_DATA_DIR: dir, DATABASE_URL: '' });
    const s = await httpSession(server.url, 'danwei', 'jixiao-demo');
    const list = (await (await s.request('GET', '/api/forms')).json()) as { items: Array<{ id: string }> };
    const seed = (await (await s.request('GET', `/api/forms/${list.items[0]!.id}`)).json()) as {
      form: Record<string, unknown>;
    };
    formIds.push(list.items[0]!.id);
    for (let i = 0; i < 3; i++) {
      const r = await s.request('POST', '/api/forms', {
        form: { ...seed.form, projectName: `备份项目${i}` },
        orgId: 'demo-zgc-bj',
      });
      expect(r.status).toBe(201);
      const created = (await r.json()) as { id: string; revision: number; form: Record<string, unknown> };
      formIds.push(created.id);
      const saved = await s.request(
        'PUT',
        `/api/forms/${created.id}`,
        { form: { ...created.form, projectLead: `负责人${i}` }, note: '第二版' },
        { 'if-match': `"${created.revision}"` },
      );
      expect(saved.status).toBe(200);
      expect(
        (await s.request('POST', `/api/forms/${created.id}/comments`, { body: `意见${i}` })).status,
      ).toBe(201);
      const upload = new FormData();
      upload.append('row', '0');
      upload.append('file', new Blob([`佐证材料 ${i}\n`.repeat(1000 * (i + 1))]), `证明${i}.txt`);
      expect((await s.request('POST', `/api/forms/${created.id}/evidence`, upload)).status).toBe(201);
    }
    await evaluated(s);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    for (const t of targets) await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const restoreInto = async (file: string) => {
    const target = await openTestStore('postgres', { migrate: false });
    targets.push(target);
    const r = await cli(['restore', file, '--data-dir', target.dataDir], {
      DATABASE_URL: withSearchPath(target.databaseUrl!, target.schema!),
    });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/已还原到 postgres .*个佐证文件（备份于 .*来自 sqlite）/);
    return target;
  };

  it('is consistent while a user keeps saving, and restores equal into PostgreSQL', async () => {
    const s = await httpSession(server.url, 'danwei', 'jixiao-demo');
    const hot = formIds[1]!;
    let stop = false;
    let saves = 0;
    const writer = (async () => {
      while (!stop) {
        const cur = (await (await s.request('GET', `/api/forms/${hot}`)).json()) as {
          revision: number;
          form: Record<string, unknown>;
        };
        const r = await s.request(
          'PUT',
          `/api/forms/${hot}`,
          { form: { ...cur.form, phone: `010-${saves}` } },
          { 'if-match': `"${cur.revision}"` },
        );
        if (r.status === 200) saves++;
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    const file = join(dir, 'running.zip');
    const backup = await cli(['backup', file, '--data-dir', dir]);
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await writer;
    await evaluated(s);
    expect(backup.code, backup.err).toBe(0);
    expect(saves).toBeGreaterThan(2);
    const manifest = JSON.parse(strFromU8(unzipSync(readFileSync(file))['manifest.json']!)) as {
      audit: { seq: number };
      tables: Record<string, { rows: number }>;
    };

    const target = await restoreInto(file);
    const source = await openStore({ dataDir: dir, migrate: false });
    try {
      const [a, b] = [await tables(source), await tables(target)];
      // the snapshot: every audit entry up to the backup's head, equal, then only the restore
      const restoredLog = b['audit_log']!.filter((r) => r['action'] !== 'backup.restore');
      expect(restoredLog.length).toBe(manifest.audit.seq);
      const sourceBySeq = new Map(a['audit_log']!.map((r) => [r['seq'], r]));
      for (const r of restoredLog) expect(r).toEqual(sourceBySeq.get(r['seq']));
      // revisions and forms: the hot form is at some revision of the source, with all revisions up to it
      const sourceRevisions = new Map(a['revisions']!.map((r) => [`${r['form_id']}#${r['revision']}`, r]));
      for (const r of b['revisions']!)
        expect(r).toEqual(sourceRevisions.get(`${r['form_id']}#${r['revision']}`));
      for (const f of b['forms']!) {
        const revs = b['revisions']!.filter((r) => r['form_id'] === f['id']).map((r) => r['revision']);
        expect(Math.max(...(revs as number[]))).toBe(f['revision']);
        expect(revs).toHaveLength(f['revision'] as number);
        const src = a['forms']!.find((x) => x['id'] === f['id'])!;
        if (f['id'] !== hot) expect(f).toEqual(src);
      }
      // the saves logged in the snapshot are exactly the hot form's revisions in it
      const hotSaves = restoredLog.filter(
        (r) => r['action'] === 'form.save' && r['entity_id'] === hot,
      ).length;
      expect(hotSaves).toBe((b['forms']!.find((f) => f['id'] === hot)!['revision'] as number) - 1);
      for (const t of ['orgs', 'users', 'projects', 'comments', 'evidence'] as const)
        expect(b[t], t).toEqual(a[t]);
      expect(b['forms']!.map((f) => f['id'])).toEqual(a['forms']!.map((f) => f['id']));
      // the audit chain verifies in PostgreSQL
      const v = await verifyAuditChain(createContext(target, target.dataDir));
      expect(v).toMatchObject({ ok: true, lastSeq: manifest.audit.seq + 1 });
      // every evidence file, byte for byte
      expect(b['evidence']).toHaveLength(3);
      for (const e of b['evidence']!) {
        const sha = String(e['sha256']);
        const path = (root: string) => join(root, 'evidence', sha.slice(0, 2), sha);
        expect(readFileSync(path(target.dataDir)).equals(readFileSync(path(dir)))).toBe(true);
      }
      expect(manifest.tables['revisions']!.rows).toBe(b['revisions']!.length);
    } finally {
      await source.close();
    }
  }, 180_000);

  it('a backup of the quiet server restores equal in every table, and refuses a database with data', async () => {
    const file = join(dir, 'quiet.zip');
    const backup = await cli(['backup', file, '--data-dir', dir]);
    expect(backup.code, backup.err).toBe(0);
    const target = await restoreInto(file);
    const source = await openStore({ dataDir: dir, migrate: false });
    try {
      const [a, b] = [await tables(source), await tables(target)];
      for (const t of BACKUP_TABLES) {
        if (t.name === 'audit_log' || t.name === 'audit_head') continue;
        expect(b[t.name], t.name).toEqual(a[t.name]);
      }
      // the source logged the backup after taking it; the target logged the restore
      const withoutOps = (rows: Row[]) => rows.filter((r) => !String(r['action']).startsWith('backup.'));
      expect(withoutOps(b['audit_log']!)).toEqual(withoutOps(a['audit_log']!));
      // danwei's 4 forms, and the lifecycle demo's project of another unit (demo-lifecycle.ts)
      expect(b['forms']!.length).toBe(4 + DEMO_LIFECYCLE_FORMS);
      expect(b['revisions']!.length).toBeGreaterThan(7);
      expect(b['comments']!.length).toBe(3 + DEMO_LIFECYCLE_COMMENTS);
    } finally {
      await source.close();
    }
    const again = await cli(['restore', file, '--data-dir', target.dataDir], {
      DATABASE_URL: withSearchPath(target.databaseUrl!, target.schema!),
    });
    expect(again.code).toBe(2);
    expect(again.err).toContain('目标数据库已有数据');
    // and the restored database serves: sign in on a server over it
    const restored = await spawnServer({
      JIXIAO_DATA_DIR: target.dataDir,
      DATABASE_URL: withSearchPath(target.databaseUrl!, target.schema!),
    });
    try {
      const s = await httpSession(restored.url, 'danwei', 'jixiao-demo');
      const list = (await (await s.request('GET', '/api/forms')).json()) as { total: number };
      expect(list.total).toBe(4);
      const ev = (await (await s.request('GET', `/api/forms/${formIds[2]}/evidence`)).json()) as {
        items: Array<{ id: string }>;
      };
      const content = await s.request('GET', `/api/evidence/${ev.items[0]!.id}/content`);
      expect(content.status).toBe(200);
      expect((await content.text()).startsWith('佐证材料 1')).toBe(true);
    } finally {
      await restored.stop();
    }
  }, 180_000);
});
