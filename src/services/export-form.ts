import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Form } from '../core/form/schema.ts';
import type { Profile } from '../core/rules/profile.ts';
import type { Actor, AppContext } from './context.ts';
import { loadFormJson } from './form-read.ts';
import { loadProfile } from './profiles.ts';
import { ServiceError } from './service-error.ts';

export type ExportFormat = 'xlsx' | 'docx' | 'pdf' | 'html';
export type ExportedFile = { bytes: Uint8Array; contentType: string; extension: string };
type ExportModule = {
  exportForm(form: Form, profile: Profile | null, format: ExportFormat): Promise<ExportedFile>;
};

// formats/export-any.ts is written alongside this module; until it exists the import is resolved
// at run time (a non-literal specifier) so the tree keeps compiling.
const EXPORT_MODULE = new URL('../formats/export-any.ts', import.meta.url);

export const exportAvailable = (): boolean => existsSync(fileURLToPath(EXPORT_MODULE));

let loaded: Promise<ExportModule> | null = null;
function exporter(): Promise<ExportModule> {
  if (!exportAvailable())
    throw new ServiceError('bad-request', '导出功能尚未安装（缺少 formats/export-any.ts）');
  loaded ??= import(EXPORT_MODULE.href) as Promise<ExportModule>;
  return loaded;
}

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
  const mod = await exporter();
  const file = await mod.exportForm(form, p.value, q.format);
  return {
    ...file,
    fileName: `${safeFileName(`${form.projectName || '自评表'}-${form.year}`)}.${file.extension.replace(/^\./, '')}`,
  };
}
