import { type InferResult, PostgresAdapter, sql } from 'kysely';
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
/** An item a worker holds: `attempts` counts this claim too. */
export type ClaimedItem = NewJobItem & { jobId: string; attempts: number };
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

  /**
   * Claims up to `limit` pending items of live jobs for `owner` until `until`: items nobody holds,
   * or whose holder's lease ran out (it was killed). On PostgreSQL `for update skip locked` lets
   * any number of workers claim at once without waiting on or taking each other's rows; SQLite has
   * one writer, so the same statement without it is already exclusive.
   */
  async claimItems(db: Db, owner: string, now: string, until: string, limit: number): Promise<ClaimedItem[]> {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    const rows = await db
      .updateTable('job_items')
      .set((eb) => ({ lease_owner: owner, lease_expires_at: until, attempts: eb('attempts', '+', 1) }))
      .where((eb) =>
        eb(
          eb.refTuple('job_id', 'position'),
          'in',
          eb
            .selectFrom('job_items as c')
            .select(['c.job_id', 'c.position'])
            .where('c.status', '=', 'pending')
            .where((w) => w.or([w('c.lease_expires_at', 'is', null), w('c.lease_expires_at', '<', now)]))
            // exists, not `job_id in`: the planner then walks the pending-items index in
            // claim order and stops at the limit, instead of reading every item of the job.
            .where(({ exists, selectFrom }) =>
              exists(
                selectFrom('jobs')
                  .select('jobs.id')
                  .whereRef('jobs.id', '=', 'c.job_id')
                  .where('jobs.status', 'in', ['queued', 'running']),
              ),
            )
            .orderBy('c.position')
            .orderBy('c.job_id')
            .limit(limit)
            .$if(postgres, (q) => q.forUpdate().skipLocked())
            .$asTuple('job_id', 'position'),
        ),
      )
      .returning((eb) => [
        'job_id',
        'position',
        'file_name',
        'content',
        'attempts',
        // the job's status as claimed, so that it is set to running once, not on every claim
        eb
          .selectFrom('jobs')
          .select('jobs.status')
          .whereRef('jobs.id', '=', 'job_items.job_id')
          .as('job_status'),
      ])
      .execute();
    if (rows.length === 0) return [];
    const starting = [...new Set(rows.filter((r) => r.job_status === 'queued').map((r) => r.job_id))];
    if (starting.length > 0)
      await db
        .updateTable('jobs')
        .set({ status: 'running', updated_at: now })
        .where('id', 'in', starting)
        .where('status', '=', 'queued')
        .execute();
    return rows
      .map((r) => ({
        jobId: r.job_id,
        position: Number(r.position),
        fileName: r.file_name,
        content: r.content,
        attempts: Number(r.attempts),
      }))
      .sort((a, b) => a.position - b.position);
  },

  /** Extends `owner`'s lease on its pending items of one job; returns how many it still holds. */
  async renewItems(db: Db, jobId: string, positions: readonly number[], owner: string, until: string) {
    if (positions.length === 0) return 0;
    const r = await db
      .updateTable('job_items')
      .set({ lease_expires_at: until })
      .where('job_id', '=', jobId)
      .where('position', 'in', positions)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /**
   * Marks a pending item that `owner` holds finished and counts it, in the caller's transaction
   * (the form writes go in the same one); the job is done when its last item is. False when the
   * item is no longer `owner`'s (its lease ran out and another worker took it, or it is finished)
   * or the job was cancelled: then the caller rolls back and nothing is written or counted twice.
   */
  async completeItem(
    db: Db,
    jobId: string,
    position: number,
    owner: string,
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
        lease_owner: null,
        lease_expires_at: null,
      })
      .where('job_id', '=', jobId)
      .where('position', '=', position)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return false;
    // One statement counts the item and, when it was the last, ends the job: the right-hand sides
    // read the row as it was (processed + 1 is this item), and the row stays locked until commit,
    // so exactly one transaction finishes the job. (One round trip less per file than counting and
    // then checking: with many workers this row is the one they all queue for.)
    const last = sql<boolean>`${sql.ref('processed')} + 1 >= ${sql.ref('total')}`;
    const counted = await db
      .updateTable('jobs')
      .set((eb) => ({
        processed: eb('processed', '+', 1),
        succeeded: eb('succeeded', '+', outcome.status === 'failed' ? 0 : 1),
        failed: eb('failed', '+', outcome.status === 'failed' ? 1 : 0),
        updated_at: now,
        status: eb.case().when(last).then('done').else(eb.ref('status')).end(),
        finished_at: eb.case().when(last).then(now).else(eb.ref('finished_at')).end(),
      }))
      .where('id', '=', jobId)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    if (Number(counted.numUpdatedRows) !== 1) return false;
    return true;
  },

  /** Ends a job that cannot run (its creator is gone); false when it had already ended. */
  async fail(db: Db, id: string, error: string, now: string): Promise<boolean> {
    const r = await db
      .updateTable('jobs')
      .set({ status: 'failed', error, finished_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
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
