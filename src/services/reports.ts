import { rename, writeFile } from 'node:fs/promises';
import { evaluateForm } from '../core/evaluate.ts';
import type { Form } from '../core/form/schema.ts';
import type { ReportDocument } from '../core/report/document.ts';
import { selfEvaluationReport } from '../core/report/self-evaluation.ts';
import type { Profile } from '../core/rules/profile.ts';
import type { ExportedFile } from '../formats/export-any.ts';
import { FormatError } from '../formats/format-error.ts';
import { renderReport, type SelfEvaluationFormat } from '../formats/report/render.ts';
import type { Actor, AppContext } from './context.ts';
import { safeFileName } from './export-form.ts';
import { loadFormJson } from './form-read.ts';
import { readForm } from './import-files.ts';
import { loadProfile, profileForForm } from './profiles.ts';
import { ServiceError } from './service-error.ts';

// 项目支出绩效自评报告 of one form: evaluated under its profile, drafted by the core (with the
// unit's edited narrative, Form JSON `report`), written as Word or PDF. The server, the CLI and the
// benchmark all go through selfEvaluationReportFile.

export {
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportKind,
  type SelfEvaluationFormat,
  type SpotCheckFormat,
} from '../formats/report/render.ts';

/** The report of `form` as a document (what the web editor previews, with the same core). */
export function selfEvaluationDocument(form: Form, profile: Profile): ReportDocument {
  return selfEvaluationReport({ form, ...evaluateForm(form, profile), profileName: profile.name });
}

export async function selfEvaluationReportFile(
  form: Form,
  profile: Profile,
  format: SelfEvaluationFormat,
): Promise<ExportedFile> {
  return renderReport(selfEvaluationDocument(form, profile), format);
}

export const reportFileName = (form: Form, extension: string): string =>
  `${safeFileName(`${form.projectName || '项目'}-${form.year}-绩效自评报告`)}${extension}`;

/** A stored form's report (current or older revision), under its profile or the one asked for. */
export async function exportStoredReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  q: { format: SelfEvaluationFormat; profile?: string | undefined; revision?: number | undefined },
): Promise<ExportedFile & { fileName: string }> {
  const { form, profileId } = await loadFormJson(ctx, actor, id, q.revision);
  const p = loadProfile(q.profile ?? profileId);
  if (!p.ok) throw new ServiceError('bad-request', p.reason);
  const file = await selfEvaluationReportFile(form, p.value, q.format);
  return { ...file, fileName: reportFileName(form, file.extension) };
}

/** Writes OUT without ever leaving a half-written file (a temporary name, then rename). */
export async function writeAtomically(out: string, bytes: Uint8Array): Promise<void> {
  await writeFile(`${out}.tmp`, bytes);
  await rename(`${out}.tmp`, out);
}

/** Reads FILE (Form JSON or any importable file) and writes its report as OUT (the CLI). */
export async function reportFromFile(
  file: string,
  format: SelfEvaluationFormat,
  out: string,
  profileId?: string,
): Promise<{ out: string; bytes: number; projectName: string }> {
  if (profileId !== undefined) {
    const given = loadProfile(profileId);
    if (!given.ok) throw new FormatError('unsupported-format', file, given.reason);
  }
  const { form } = await readForm(file);
  const profile = loadProfile(profileForForm(form, profileId));
  if (!profile.ok) throw new FormatError('unsupported-format', file, profile.reason);
  const r = await selfEvaluationReportFile(form, profile.value, format);
  await writeAtomically(out, r.bytes);
  return { out, bytes: r.bytes.length, projectName: form.projectName };
}
