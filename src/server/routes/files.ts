import { createReadStream } from 'node:fs';
import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { endpoints } from '../../contract/endpoints.ts';
import type { AppContext } from '../../services/context.ts';
import { deleteEvidence, evidenceFile, listEvidence, uploadEvidence } from '../../services/evidence-files.ts';
import { exportStoredForm } from '../../services/export-form.ts';
import { commitImport, previewImport } from '../../services/imports.ts';
import { exportStoredReport } from '../../services/reports.ts';
import { ServiceError } from '../../services/service-error.ts';
import { exportSpotCheck } from '../../services/spot-check.ts';
import { route } from '../route.ts';

/** `attachment` with the UTF-8 name (RFC 6266) and an ASCII fallback. */
export function attachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox');
}

/** Evidence upload/download, import preview/commit, export and reports. */
export function fileRoutes(app: FastifyInstance, ctx: AppContext): void {
  route(app, ctx, endpoints.listEvidence, async ({ actor, params }) => ({
    items: await listEvidence(ctx, actor, params.id),
  }));

  route(app, ctx, endpoints.uploadEvidence, async ({ actor, params, request }) => {
    let row: number | null = null;
    for await (const part of request.parts({
      limits: { fileSize: ctx.config.evidenceMaxBytes, files: 1, fields: 5 },
    })) {
      if (part.type === 'field') {
        if (part.fieldname === 'row') {
          const raw = String(part.value).trim();
          if (raw !== '' && !/^\d+$/.test(raw))
            throw new ServiceError('bad-request', `row 应为指标序号（从 0 起的整数），收到“${raw}”`);
          row = raw === '' ? null : Number(raw);
        }
        continue;
      }
      return uploadEvidence(ctx, actor, params.id, {
        row,
        fileName: part.filename,
        contentType: part.mimetype,
        content: part.file,
        truncated: () => part.file.truncated,
      });
    }
    throw new ServiceError('bad-request', '没有收到文件（multipart 字段 file）');
  });

  route(app, ctx, endpoints.downloadEvidence, async ({ actor, params, reply }) => {
    const { record, path } = await evidenceFile(ctx, actor, params.id);
    attachment(reply, record.fileName, record.contentType).header('content-length', String(record.size));
    return reply.send(createReadStream(path));
  });

  route(app, ctx, endpoints.deleteEvidence, async ({ actor, params }) => {
    await deleteEvidence(ctx, actor, params.id);
    return undefined;
  });

  route(app, ctx, endpoints.importPreview, async ({ actor, request }) => {
    const file = await request.file({ limits: { fileSize: ctx.config.importMaxBytes, files: 1 } });
    if (!file) throw new ServiceError('bad-request', '没有收到文件（multipart 字段 file）');
    const bytes = await file.toBuffer();
    return previewImport(ctx, actor, file.filename, bytes);
  });

  route(app, ctx, endpoints.importCommit, async ({ actor, body }) => commitImport(ctx, actor, body));

  const sendFile = (
    reply: FastifyReply,
    file: { bytes: Uint8Array; fileName: string; contentType: string },
  ) => {
    attachment(reply, file.fileName, file.contentType);
    return reply.send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  };

  route(app, ctx, endpoints.exportForm, async ({ actor, params, query, reply }) =>
    sendFile(reply, await exportStoredForm(ctx, actor, params.id, query)),
  );

  route(app, ctx, endpoints.formReport, async ({ actor, params, query, reply }) =>
    sendFile(reply, await exportStoredReport(ctx, actor, params.id, query)),
  );

  route(app, ctx, endpoints.spotCheckReport, async ({ actor, query, reply }) =>
    sendFile(reply, await exportSpotCheck(ctx, actor, query)),
  );
}
