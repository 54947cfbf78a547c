import type { Form } from '../core/form/schema.ts';
import { type ExportedFile, type ExportFormat, exportForm } from '../formats/export-any.ts';
import { transaction } from '../store/index.ts';
import { recordEvent } from './audit-trail.ts';
import { type Actor, type AppContext, iso } from './context.ts';
import { loadFormJson } from './form-read.ts';
import { loadProfile } from './profiles.ts';
import { ServiceError } from './service-error.ts';
import { KIND_LABELS } from './workflow-rules.ts';

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
    fileName: `${safeFileName(exportBaseName(form))}.${file.extension.replace(/^\./, '')}`,
  };
}

/** `项目-2024-绩效目标申报表-v2`: the kind and a declaration's version tell a chain's files apart. */
export function exportBaseName(form: Form): string {
  const name = form.projectName || form.department || '自评表';
  if (form.kind === 'project-self-evaluation') return `${name}-${form.year}`;
  const label = KIND_LABELS[form.kind];
  if (form.kind === 'project-target-declaration')
    return `${name}-${form.year}-${label}-v${form.version ?? 1}`;
  if (form.kind === 'project-monitoring' && form.asOfMonth)
    return `${name}-${form.year}-${label}-1-${form.asOfMonth}月`;
  return `${name}-${form.year}-${label}`;
}
