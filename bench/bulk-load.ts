// Bulk loader for the synthetic forms: org tree, projects, forms with their revision, indicator
// rows and evaluation, written in large transactions; scoring runs on worker threads.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Form } from '../src/core/form/schema.ts';
import type { summarise } from '../src/services/evaluation.ts';
import { formContent } from '../src/services/form-content.ts';
import { indicatorRecord, type Store } from '../src/store/index.ts';
import { syntheticForms, syntheticOrgs } from './synthetic-forms.ts';

type Summary = ReturnType<typeof summarise>;

function workerPool(size: number) {
  // Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./evaluate-worker.ts', import.meta.url).href)}); });`;
  const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true }));
  const pending = new Map<number, (r: Summary[]) => void>();
  for (const w of workers)
    w.on('message', (m: { id: number; results: Summary[] }) => pending.get(m.id)?.(m.results));
  let next = 0;
  return {
    evaluate(forms: Form[]): Promise<Summary[]> {
      const id = next++;
      const w = workers[id % workers.length]!;
      return new Promise((resolve) => {
        pending.set(id, (r) => {
          pending.delete(id);
          resolve(r);
        });
        w.postMessage({ id, forms });
      });
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}

const BATCH = 500;

export async function bulkLoad(
  store: Store,
  count: number,
  onProgress?: (done: number) => void,
): Promise<{ seconds: number }> {
  const start = performance.now();
  const { db } = store;
  const now = new Date().toISOString();
  const orgs = syntheticOrgs();
  const paths = new Map<string, { path: string; depth: number }>();
  await db.transaction().execute(async (trx) => {
    for (const o of orgs) {
      const parent = o.parent ? paths.get(o.parent)! : { path: '/', depth: -1 };
      const path = `${parent.path}${o.id}/`;
      paths.set(o.id, { path, depth: parent.depth + 1 });
      await trx
        .insertInto('orgs')
        .values({
          id: o.id,
          parent_id: o.parent,
          name: o.name,
          kind: o.kind,
          path,
          depth: parent.depth + 1,
          profile_id: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await trx
      .insertInto('users')
      .values({
        id: 'syn-admin',
        username: 'syn-admin',
        display_name: '压测管理员',
        password_hash: 'x',
        role: 'admin',
        org_id: 'syn-root',
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  });

  const pool = workerPool(Math.max(1, availableParallelism()));
  const projects = new Map<string, string>();
  let done = 0;
  let batch: Array<{ unitId: string; projectName: string; form: Form }> = [];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async (items: typeof batch) => {
    const summaries = await pool.evaluate(items.map((i) => i.form));
    // Writes run one after another (ids and the project map are assigned in write order).
    const mine = inFlight.then(() => write(items, summaries));
    inFlight = mine;
    await mine;
  };
  const write = async (items: typeof batch, summaries: Summary[]) => {
    await db.transaction().execute(async (trx) => {
      const newProjects: Array<{
        id: string;
        org_id: string;
        name: string;
        code: null;
        created_at: string;
        updated_at: string;
      }> = [];
      const formRows = [];
      const revisionRows = [];
      const indicatorRows = [];
      for (const [i, item] of items.entries()) {
        let projectId = projects.get(item.projectName);
        if (!projectId) {
          projectId = `syn-p${projects.size}`;
          projects.set(item.projectName, projectId);
          newProjects.push({
            id: projectId,
            org_id: item.unitId,
            name: item.projectName,
            code: null,
            created_at: now,
            updated_at: now,
          });
        }
        const c = formContent(item.form);
        const s = summaries[i]!;
        const id = `syn-f${done + i}`;
        formRows.push({
          id,
          project_id: projectId,
          org_id: item.unitId,
          year: c.year,
          kind: c.kind,
          status: (['draft', 'submitted', 'approved', 'published'] as const)[(done + i) % 4]!,
          revision: 1,
          project_name: c.projectName,
          profile_id: 'national',
          self_total: c.selfTotal,
          execution_rate: c.executionRate,
          search_text: c.searchText,
          rule_total: s.ruleTotal,
          grade: s.grade,
          finding_count: s.findingCount,
          error_count: s.errorCount,
          f_arithmetic: s.byFamily.arithmetic,
          f_structure: s.byFamily.structure,
          f_scoring: s.byFamily.scoring,
          f_cross_field: s.byFamily['cross-field'],
          f_narrative: s.byFamily.narrative,
          f_value: s.byFamily.value,
          evaluated_revision: 1,
          eval_pending: 0,
          created_at: now,
          created_by: 'syn-admin',
          updated_at: now,
          updated_by: 'syn-admin',
        });
        revisionRows.push({
          form_id: id,
          revision: 1,
          data: c.data,
          note: '批量生成',
          created_at: now,
          created_by: 'syn-admin',
        });
        for (const r of c.indicators) indicatorRows.push(indicatorRecord(id, item.unitId, c.year, r));
      }
      for (let i = 0; i < newProjects.length; i += 1000)
        await trx
          .insertInto('projects')
          .values(newProjects.slice(i, i + 1000))
          .execute();
      for (let i = 0; i < formRows.length; i += 250)
        await trx
          .insertInto('forms')
          .values(formRows.slice(i, i + 250))
          .execute();
      for (let i = 0; i < revisionRows.length; i += 1000)
        await trx
          .insertInto('revisions')
          .values(revisionRows.slice(i, i + 1000))
          .execute();
      for (let i = 0; i < indicatorRows.length; i += 2000)
        await trx
          .insertInto('form_indicators')
          .values(indicatorRows.slice(i, i + 2000))
          .execute();
    });
    done += items.length;
    onProgress?.(done);
  };
  const flushes: Promise<void>[] = [];
  for (const item of syntheticForms(count)) {
    batch.push({ unitId: item.unit.id, projectName: item.projectName, form: item.form });
    if (batch.length === BATCH) {
      flushes.push(flush(batch));
      batch = [];
      if (flushes.length >= 3) await flushes.shift();
    }
  }
  if (batch.length) flushes.push(flush(batch));
  await Promise.all(flushes);
  await pool.close();
  return { seconds: (performance.now() - start) / 1000 };
}
