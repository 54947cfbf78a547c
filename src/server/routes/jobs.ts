import type {} from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import { onExistingSchema } from '../../contract/imports.ts';
import type { AppContext } from '../../services/context.ts';
import {
  cancelJob,
  createImportJob,
  getJob,
  JOB_LIMITS,
  type JobView,
  listJobItems,
  listJobs,
} from '../../services/jobs.ts';
import { ServiceError } from '../../services/service-error.ts';
import { route } from '../route.ts';

const FINISHED = new Set(['done', 'failed', 'cancelled']);
const POLL_MS = 500;

export function jobRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, endpoints.createImportJob, async ({ actor, request }) => {
    let orgId: string | undefined;
    let onExisting: 'fail' | 'new-revision' | 'skip' = 'new-revision';
    const files: Array<{ fileName: string; bytes: Uint8Array }> = [];
    let total = 0;
    const parts = request.parts({
      limits: { fileSize: JOB_LIMITS.maxFileBytes, files: JOB_LIMITS.maxFiles, fields: 10 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        const value = String(part.value).trim();
        if (part.fieldname === 'orgId' && value) orgId = value;
        if (part.fieldname === 'onExisting' && value) {
          const parsed = onExistingSchema.safeParse(value);
          if (!parsed.success)
            throw new ServiceError(
              'bad-request',
              `onExisting 只能是 fail、new-revision 或 skip，收到“${value}”`,
            );
          onExisting = parsed.data;
        }
        continue;
      }
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > JOB_LIMITS.maxTotalBytes)
        throw new ServiceError(
          'too-large',
          `一次上传的文件合计超过 ${JOB_LIMITS.maxTotalBytes / 1048576} MB`,
        );
      files.push({ fileName: part.filename, bytes });
    }
    return createImportJob(ctx, actor, { orgId, onExisting, files });
  });

  route(app, ctx, endpoints.listJobs, async ({ actor, query }) =>
    listJobs(ctx, actor, query.page, query.pageSize),
  );
  route(app, ctx, endpoints.getJob, async ({ actor, params }) => getJob(ctx, actor, params.id));
  route(app, ctx, endpoints.listJobItems, async ({ actor, params }) => ({
    items: await listJobItems(ctx, actor, params.id),
  }));
  route(app, ctx, endpoints.cancelJob, async ({ actor, params }) => cancelJob(ctx, actor, params.id));

  // Server-sent events: the job's progress as the database shows it (whichever process runs it).
  route(app, ctx, endpoints.jobEvents, async ({ actor, params, request, reply }) => {
    let job: JobView = await getJob(ctx, actor, params.id);
    reply.hijack();
    reply.raw.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    let closed = false;
    request.raw.on('close', () => {
      closed = true;
    });
    const send = (event: string, data: JobView) =>
      reply.raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('progress', job);
    let last = `${job.status}|${job.processed}`;
    while (!closed && !FINISHED.has(job.status)) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (closed) break;
      try {
        job = await getJob(ctx, actor, params.id);
      } catch {
        break;
      }
      const now = `${job.status}|${job.processed}`;
      if (now !== last) send('progress', job);
      else reply.raw.write(': keep-alive\n\n');
      last = now;
    }
    if (!closed) {
      send('done', job);
      reply.raw.end();
    }
    return reply;
  });
}
