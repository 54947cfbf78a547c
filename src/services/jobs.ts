import {
  type JobItemRecord,
  type JobRecord,
  jobs,
  type OnExistingWord,
  type Page,
  transaction,
} from '../store/index.ts';
import { EDITOR_ROLES, inScope, requireRole } from './access.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { orgInScope } from './org-admin.ts';
import { notFound, ServiceError } from './service-error.ts';

// Batch import jobs: the job and every file are stored in the database before the request
// returns, so any server process can run the job and a crash loses nothing (job-runner.ts).

export type JobView = Omit<JobRecord, 'createdByOrgPath'>;
const view = ({ createdByOrgPath: _p, ...j }: JobRecord): JobView => j;

export const JOB_LIMITS = {
  maxFiles: 2000,
  maxFileBytes: 30 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
};

export async function createImportJob(
  ctx: AppContext,
  actor: Actor,
  req: {
    orgId?: string | undefined;
    onExisting: OnExistingWord;
    files: ReadonlyArray<{ fileName: string; bytes: Uint8Array }>;
  },
): Promise<JobView> {
  requireRole(actor, EDITOR_ROLES, '批量导入');
  const { db } = ctx.store;
  if (req.orgId) {
    const org = await orgInScope(db, actor, req.orgId);
    if (org.kind !== 'unit') throw new ServiceError('bad-request', '批量导入的目标必须是实施单位');
  }
  if (req.files.length === 0) throw new ServiceError('bad-request', '没有上传文件（multipart 字段 files）');
  if (req.files.length > JOB_LIMITS.maxFiles)
    throw new ServiceError('too-large', `一次最多导入 ${JOB_LIMITS.maxFiles} 个文件`);
  const id = ctx.newId();
  const now = iso(ctx);
  await transaction(db, async (trx) => {
    await jobs.insert(
      trx,
      {
        id,
        orgId: req.orgId ?? null,
        onExisting: req.onExisting,
        userId: actor.userId,
        total: req.files.length,
      },
      now,
    );
    for (const [position, f] of req.files.entries())
      await jobs.insertItem(trx, id, { position, fileName: f.fileName, content: f.bytes });
    await recordChange(
      trx,
      ctx,
      actor,
      'job.create',
      { type: 'job', id },
      null,
      { files: req.files.length, orgId: req.orgId ?? null, onExisting: req.onExisting },
      now,
    );
  });
  ctx.wake.jobs();
  return view((await jobs.get(db, id))!);
}

async function jobInScope(ctx: AppContext, actor: Actor, id: string): Promise<JobRecord> {
  const j = await jobs.get(ctx.store.db, id);
  if (!j || !inScope(actor, j.createdByOrgPath)) throw notFound('批量任务');
  return j;
}

export async function getJob(ctx: AppContext, actor: Actor, id: string): Promise<JobView> {
  return view(await jobInScope(ctx, actor, id));
}

export async function listJobs(
  ctx: AppContext,
  actor: Actor,
  page: number,
  pageSize: number,
): Promise<Page<JobView>> {
  const p = await jobs.list(ctx.store.db, actor.orgPath, page, pageSize);
  return { ...p, items: p.items.map(view) };
}

export async function listJobItems(ctx: AppContext, actor: Actor, id: string): Promise<JobItemRecord[]> {
  await jobInScope(ctx, actor, id);
  return jobs.items(ctx.store.db, id);
}

export async function cancelJob(ctx: AppContext, actor: Actor, id: string): Promise<JobView> {
  const j = await jobInScope(ctx, actor, id);
  if (j.createdBy.id !== actor.userId && actor.role !== 'admin')
    throw new ServiceError('forbidden', '只能取消自己创建的批量任务');
  const now = iso(ctx);
  const cancelled = await jobs.cancel(ctx.store.db, id, now);
  if (!cancelled) throw new ServiceError('invalid-transition', '批量任务已结束，不能取消');
  await recordChange(
    ctx.store.db,
    ctx,
    actor,
    'job.cancel',
    { type: 'job', id },
    { status: j.status },
    { status: 'cancelled' },
    now,
  );
  return view((await jobs.get(ctx.store.db, id))!);
}
