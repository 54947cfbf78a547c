import { rename, writeFile } from 'node:fs/promises';
import { type ExportFormat, exportForm } from '../formats/export-any.ts';
import { FormatError } from '../formats/format-error.ts';
import { readForm } from './import-files.ts';
import { loadProfile } from './profiles.ts';

export { EXPORT_FORMATS, type ExportFormat } from '../formats/export-any.ts';

/** Reads FILE (any importable format) and writes the official form as OUT. */
export async function exportFile(
  file: string,
  format: ExportFormat,
  out: string,
  profileId?: string,
): Promise<{ out: string; bytes: number }> {
  const profile = loadProfile(profileId);
  if (!profile.ok) throw new FormatError('unsupported-format', file, profile.reason);
  const { form } = await readForm(file);
  const exported = await exportForm(form, profile.value, format);
  // Written to a temporary name and renamed, so OUT is never a half-written file.
  await writeFile(`${out}.tmp`, exported.bytes);
  await rename(`${out}.tmp`, out);
  return { out, bytes: exported.bytes.length };
}
