import { type ExportedFile, type ExportFormat, exportForm } from '../formats/export-any.ts';
import type { Actor, AppContext } from './context.ts';
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
  const { form, profileId } = await loadFormJson(ctx, actor, id, q.revision);
  const p = loadProfile(q.profile ?? profileId);
  if (!p.ok) throw new ServiceError('bad-request', p.reason);
  const file = await exportForm(form, p.value, q.format);
  return {
    ...file,
    fileName: `${safeFileName(`${form.projectName || '自评表'}-${form.year}`)}.${file.extension.replace(/^\./, '')}`,
  };
}
