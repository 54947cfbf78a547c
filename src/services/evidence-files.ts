import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Form, FormKind } from '../core/form/schema.ts';
import { type EvidenceRecord, evidence, forms, transaction } from '../store/index.ts';
import { EDITOR_ROLES, inScope, requireRole } from './access.ts';
import { recordChange } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { formInScope } from './form-access.ts';
import { notFound, ServiceError } from './service-error.ts';
import { canEdit, EDITOR_ROLES_BY_KIND, STATUS_LABELS } from './workflow-rules.ts';

// 佐证材料 files: stored once per content under <dataDir>/evidence/ab/<sha256> (written to a temp
// file and renamed, so a crash never leaves a half file under its final name); the database holds
// who attached which file to which indicator.

export const evidencePath = (ctx: AppContext, sha256: string): string =>
  join(ctx.dataDir, 'evidence', sha256.slice(0, 2), sha256);

async function checkEditable(ctx: AppContext, actor: Actor, formId: string) {
  const head = await formInScope(ctx.store.db, actor, formId);
  requireRole(actor, EDITOR_ROLES_BY_KIND[head.kind as FormKind] ?? EDITOR_ROLES, '上传或删除佐证材料');
  if (!canEdit(actor, head.status, head.kind)) {
    throw new ServiceError('not-editable', `自评表状态为“${STATUS_LABELS[head.status]}”，不能修改佐证材料`);
  }
  return head;
}

/** Checks the actor may attach evidence to the form's row before any bytes are read. */
export async function checkEvidenceUpload(
  ctx: AppContext,
  actor: Actor,
  formId: string,
  row: number | null,
): Promise<void> {
  await checkEditable(ctx, actor, formId);
  if (row === null) return;
  const data = await forms.getData(ctx.store.db, formId);
  const count = data ? (JSON.parse(data.data) as Form).indicators.length : 0;
  if (!Number.isInteger(row) || row < 0 || row >= count)
    throw new ServiceError('bad-request', `指标序号 ${row} 不存在（共 ${count} 行，从 0 起）`);
}

/** Streams the upload to disk while hashing; throws too-large (and keeps nothing) past the cap. */
async function writeContent(
  ctx: AppContext,
  source: AsyncIterable<Uint8Array>,
): Promise<{ sha256: string; size: number }> {
  const tmpDir = join(ctx.dataDir, 'evidence', 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = join(tmpDir, `${ctx.newId()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const out = createWriteStream(tmp);
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > ctx.config.evidenceMaxBytes) {
        throw new ServiceError(
          'too-large',
          `佐证材料超过大小上限 ${Math.round(ctx.config.evidenceMaxBytes / 1048576)} MB`,
        );
      }
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
    const sha256 = hash.digest('hex');
    const final = evidencePath(ctx, sha256);
    await mkdir(join(final, '..'), { recursive: true });
    await rename(tmp, final);
    return { sha256, size };
  } catch (e) {
    out.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}

export async function uploadEvidence(
  ctx: AppContext,
  actor: Actor,
  formId: string,
  file: {
    row: number | null;
    fileName: string;
    contentType: string;
    content: AsyncIterable<Uint8Array>;
    truncated?: () => boolean;
  },
): Promise<EvidenceRecord> {
  await checkEvidenceUpload(ctx, actor, formId, file.row);
  const { sha256, size } = await writeContent(ctx, file.content);
  if (file.truncated?.()) {
    await removeIfUnused(ctx, sha256);
    throw new ServiceError(
      'too-large',
      `佐证材料超过大小上限 ${Math.round(ctx.config.evidenceMaxBytes / 1048576)} MB`,
    );
  }
  if (size === 0) {
    await removeIfUnused(ctx, sha256);
    throw new ServiceError('bad-request', '上传的文件是空的');
  }
  const id = ctx.newId();
  const now = iso(ctx);
  const fileName = file.fileName.replace(/[\r\n]/g, '').slice(0, 255) || '未命名';
  try {
    await transaction(ctx.store.db, async (trx) => {
      await evidence.insert(
        trx,
        {
          id,
          formId,
          row: file.row,
          fileName,
          contentType: file.contentType || 'application/octet-stream',
          size,
          sha256,
          userId: actor.userId,
        },
        now,
      );
      await recordChange(
        trx,
        ctx,
        actor,
        'evidence.add',
        { type: 'form', id: formId },
        null,
        { evidenceId: id, row: file.row, fileName, size, sha256 },
        now,
      );
    });
  } catch (e) {
    await removeIfUnused(ctx, sha256);
    throw e;
  }
  return (await evidence.get(ctx.store.db, id))!;
}

export async function listEvidence(ctx: AppContext, actor: Actor, formId: string): Promise<EvidenceRecord[]> {
  await formInScope(ctx.store.db, actor, formId);
  return evidence.list(ctx.store.db, formId);
}

async function evidenceInScope(ctx: AppContext, actor: Actor, id: string): Promise<EvidenceRecord> {
  const e = await evidence.get(ctx.store.db, id);
  if (!e) throw notFound('佐证材料');
  const head = await forms.getHead(ctx.store.db, e.formId);
  if (!head || !inScope(actor, head.orgPath)) throw notFound('佐证材料');
  return e;
}

export async function evidenceFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ record: EvidenceRecord; path: string }> {
  const record = await evidenceInScope(ctx, actor, id);
  const path = evidencePath(ctx, record.sha256);
  try {
    await stat(path);
  } catch {
    throw new ServiceError('not-found', '佐证材料文件缺失（数据目录中找不到）');
  }
  return { record, path };
}

export async function deleteEvidence(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const record = await evidenceInScope(ctx, actor, id);
  await checkEditable(ctx, actor, record.formId);
  const now = iso(ctx);
  await transaction(ctx.store.db, async (trx) => {
    await evidence.delete(trx, id);
    await recordChange(
      trx,
      ctx,
      actor,
      'evidence.delete',
      { type: 'form', id: record.formId },
      { evidenceId: id, row: record.row, fileName: record.fileName, sha256: record.sha256 },
      null,
      now,
    );
  });
  await removeIfUnused(ctx, record.sha256);
}

/** Deletes a stored file no record points at any more. */
export async function removeIfUnused(ctx: AppContext, sha256: string): Promise<void> {
  if ((await evidence.countBySha(ctx.store.db, sha256)) === 0)
    await rm(evidencePath(ctx, sha256), { force: true });
}
