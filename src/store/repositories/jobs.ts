import type { InferResult } from 'kysely';
import type { Db } from '../open-store.ts';
import type { JobItemRecord, JobRecord, JobStatusWord, OnExistingWord, Page } from '../records.ts';
import { num, startsWith } from '../sql-util.ts';

const selectJobs = (db: Db) =>
  db
    .selectFrom('jobs as j')
    .innerJoin('users as u', 'u.id', 'j.created_by')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .select([
      'j.id',
      'j.kind',
      'j.status',
      'j.total',
      'j.processed',
      'j.succeeded',
      'j.failed',
      'j.org_id',
      'j.on_existing',
      'j.error',
      'j.created_at',
      'j.updated_at',
      'j.finished_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'o.path as org_path',
    ]);

/** A row as the query above returns it (Kysely infers it from the table types). */
type Row = InferResult<ReturnType<typeof selectJobs>>[number];

const toJob = (r: Row): JobRecord => ({
  id: r.id,
  kind: 'import',
  status: r.status as JobStatusWord,
  total: num(r.total),
  processed: num(r.processed),
  succeeded: num(r.succeeded),
  failed: num(r.failed),
  orgId: r.org_id,
  onExisting: r.on_existing as OnExistingWord,
  error: r.error,
  createdBy: { id: r.user_id, username: r.username, displayName: r.display_name },
  createdByOrgPath: r.org_path,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  finishedAt: r.finished_at,
});

export type NewJobItem = { position: number; fileName: string; content: Uint8Array };
export type ItemOutcome = {
  status: 'done' | 'skipped' | 'failed';
  formId: string | null;
  error: string | null;
  warningCount: number;
};

export const jobs = {
  async insert(
    db: Db,
    j: { id: string; orgId: string | null; onExisting: OnExistingWord; userId: string; total: number },
    now: string,
  ): Promise<void> {
    await db
      .insertInto('jobs')
      .values({
        id: j.id,
        kind: 'import',
        status: 'queued',
        total: j.total,
        processed: 0,
        succeeded: 0,
        failed: 0,
        org_id: j.orgId,
        on_existing: j.onExisting,
        error: null,
        created_by: j.userId,
        created_at: now,
        updated_at: now,
        finished_at: null,
        lease_owner: null,
        lease_expires_at: null,
      })
      .execute();
  },

  async insertItem(db: Db, jobId: string, item: NewJobItem): Promise<void> {
    await db
      .insertInto('job_items')
      .values({
        job_id: jobId,
        position: item.position,
        file_name: item.fileName,
        content: item.content,
        status: 'pending',
        form_id: null,
        error: null,
        warning_count: 0,
      })
      .execute();
  },

  async get(db: Db, id: string): Promise<JobRecord | null> {
    const r = await selectJobs(db).where('j.id', '=', id).executeTakeFirst();
    return r ? toJob(r) : null;
  },

  /** Jobs started by users in the subtree at `scopePath`, newest first. */
  async list(db: Db, scopePath: string, page: number, pageSize: number): Promise<Page<JobRecord>> {
    const base = db
      .selectFrom('jobs as j')
      .innerJoin('users as u', 'u.id', 'j.created_by')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .where(startsWith('o.path', scopePath));
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await selectJobs(db)
      .where(startsWith('o.path', scopePath))
      .orderBy('j.created_at', 'desc')
      .orderBy('j.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    return { items: rows.map(toJob), total: num(total.n), page, pageSize };
  },

  /** Ids of jobs that need a worker: queued, or running with an expired lease (its worker died). */
  async claimable(db: Db, now: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('jobs')
      .select('id')
      .where('status', 'in', ['queued', 'running'])
      .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /** Takes the job for `owner` until `until`; false when another worker holds a live lease. */
  async claim(db: Db, id: string, owner: string, now: string, until: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ status: 'running', lease_owner: owner, lease_expires_at: until, updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .where((eb) =>
        eb.or([
          eb('lease_expires_at', 'is', null),
          eb('lease_expires_at', '<', now),
          eb('lease_owner', '=', owner),
        ]),
      )
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Extends the lease; false when the job was cancelled or taken over. */
  async renew(db: Db, id: string, owner: string, until: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ lease_expires_at: until })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async nextPendingItem(db: Db, jobId: string): Promise<(NewJobItem & { jobId: string }) | null> {
    const r = await db
      .selectFrom('job_items')
      .select(['position', 'file_name', 'content'])
      .where('job_id', '=', jobId)
      .where('status', '=', 'pending')
      .orderBy('position')
      .limit(1)
      .executeTakeFirst();
    return r ? { jobId, position: Number(r.position), fileName: r.file_name, content: r.content } : null;
  },

  /**
   * Marks a pending item finished and counts it, in the caller's transaction (the form write goes
   * in the same one). False when the item was already finished: nothing is counted twice.
   */
  async completeItem(
    db: Db,
    jobId: string,
    position: number,
    outcome: ItemOutcome,
    now: string,
  ): Promise<boolean> {
    const r = await db
      .updateTable('job_items')
      .set({
        status: outcome.status,
        form_id: outcome.formId,
        error: outcome.error,
        warning_count: outcome.warningCount,
        content: new Uint8Array(0),
      })
      .where('job_id', '=', jobId)
      .where('position', '=', position)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    await db
      .updateTable('jobs')
      .set((eb) => ({
        processed: eb('processed', '+', 1),
        succeeded: eb('succeeded', '+', outcome.status === 'failed' ? 0 : 1),
        failed: eb('failed', '+', outcome.status === 'failed' ? 1 : 0),
        updated_at: now,
      }))
      .where('id', '=', jobId)
      .execute();
    return true;
  },

  async finish(
    db: Db,
    id: string,
    owner: string,
    status: 'done' | 'failed',
    error: string | null,
    now: string,
  ): Promise<void> {
    await db
      .updateTable('jobs')
      .set({ status, error, finished_at: now, updated_at: now, lease_owner: null, lease_expires_at: null })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'running')
      .execute();
  },

  async cancel(db: Db, id: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({
        status: 'cancelled',
        finished_at: now,
        updated_at: now,
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async items(db: Db, jobId: string): Promise<JobItemRecord[]> {
    const rows = await db
      .selectFrom('job_items')
      .select(['position', 'file_name', 'status', 'form_id', 'error', 'warning_count'])
      .where('job_id', '=', jobId)
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      position: Number(r.position),
      fileName: r.file_name,
      status: r.status as JobItemRecord['status'],
      formId: r.form_id,
      error: r.error,
      warningCount: Number(r.warning_count),
    }));
  },
};
