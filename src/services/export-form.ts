import { type ExportedFile, type ExportFormat, exportForm } from '../formats/export-any.ts';
import { transaction } from '../store/index.ts';
import { recordEvent } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { loadFormJson } from './form-read.ts';
import { loadProfile } from './profiles.ts';
import { ServiceError } from './service-error.ts';

export type { ExportedFile, ExportFormat };

/** A file name without characters that break Content-Disposition or file systems. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\r\n\t]+/g, '_').slice(0, 120) || '自评表';
}

/** A stored form as xlsx / docx / pdf / html, with computed columns under a profile. */
export async function exportStoredForm(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: { format: ExportFormat; profile?: string | undefined; revision?: number | undefined },
): Promise<ExportedFile & { fileName: string }> {
  const { form, profileId, revision } = await loadFormJson(ctx, actor, id, q.revision);
  const p = loadProfile(q.profile ?? profileId);
  if (!p.ok) throw new ServiceError('bad-request', p.reason);
  const file = await exportForm(form, p.value, q.format);
  // a security event: who took a copy of which form, when and from where
  await transaction(ctx.store.db, (trx) =>
    recordEvent(
      trx,
      ctx,
      actor,
      'form.export',
      { type: 'form', id },
      { format: q.format, revision, profile: p.value.id },
      iso(ctx),
    ),
  );
  return {
    ...file,
    fileName: `${safeFileName(`${form.projectName || '自评表'}-${form.year}`)}.${file.extension.replace(/^\./, '')}`,
  };
}
