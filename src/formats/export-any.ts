import type { Form } from '../core/form/schema.ts';
import type { Profile } from '../core/rules/profile.ts';

export const EXPORT_FORMATS = ['xlsx', 'docx', 'pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

export type ExportedFile = { bytes: Uint8Array; contentType: string; extension: string };

/** The official printed form in one of the four formats (issue 3). Writers load on first use. */
export async function exportForm(
  form: Form,
  profile: Profile | null,
  format: ExportFormat,
): Promise<ExportedFile> {
  let bytes: Uint8Array;
  switch (format) {
    case 'xlsx':
      bytes = await (await import('./xlsx/export-xlsx.ts')).exportXlsx(form, profile);
      break;
    case 'docx':
      bytes = await (await import('./docx/export-docx.ts')).exportDocx(form, profile);
      break;
    case 'pdf':
      bytes = await (await import('./pdf/export-pdf.ts')).exportPdf(form, profile);
      break;
    case 'html':
      bytes = new TextEncoder().encode((await import('./html/export-html.ts')).exportHtml(form, profile));
      break;
  }
  return { bytes, contentType: CONTENT_TYPE[format], extension: `.${format}` };
}
