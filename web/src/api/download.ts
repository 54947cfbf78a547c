import type { FormStatus } from '../../../src/contract/common.ts';
import { endpoints } from '../../../src/contract/endpoints.ts';
import type { ExportFormat } from '../../../src/contract/exports.ts';
import { urlOf } from './client.ts';

// Files are plain GETs with the session cookie, so a link downloads them; no CSRF is needed.

export function exportUrl(formId: string, format: ExportFormat, profile?: string, revision?: number): string {
  return urlOf(endpoints.exportForm, {
    params: { id: formId },
    query: { format, ...(profile ? { profile } : {}), ...(revision ? { revision } : {}) },
  });
}

/** The form's 项目支出绩效自评报告 (its saved revision, with the narrative as saved). */
export function reportUrl(formId: string, format: 'docx' | 'pdf', profile?: string): string {
  return urlOf(endpoints.formReport, {
    params: { id: formId },
    query: { format, ...(profile ? { profile } : {}) },
  });
}

/** The 抽查报告 over the caller's scope, filtered as the dashboard is. */
export function spotCheckUrl(q: {
  format: 'xlsx' | 'pdf';
  year?: number | undefined;
  orgId?: string | undefined;
  status?: FormStatus | undefined;
}): string {
  return urlOf(endpoints.spotCheckReport, {
    query: {
      format: q.format,
      ...(q.year ? { year: q.year } : {}),
      ...(q.orgId ? { orgId: q.orgId } : {}),
      ...(q.status ? { status: q.status } : {}),
    },
  });
}

export function evidenceUrl(evidenceId: string): string {
  return urlOf(endpoints.downloadEvidence, { params: { id: evidenceId } });
}

/** Starts a download (or opens a tab for html) without leaving the page. */
export function openFile(url: string, newTab = false): void {
  const a = document.createElement('a');
  a.href = url;
  if (newTab) {
    a.target = '_blank';
    a.rel = 'noopener';
  } else a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}
