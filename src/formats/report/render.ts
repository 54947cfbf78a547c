import type { ReportDocument } from '../../core/report/document.ts';
import type { SpotCheckReport } from '../../core/report/spot-check.ts';
import { spotCheckDocument } from '../../core/report/spot-check-document.ts';
import type { ExportedFile } from '../export-any.ts';

// The two reports' file formats: the 自评报告 as Word or PDF, the 抽查报告 as a workbook or PDF.
// Writers load on first use (as export-any.ts does): echarts and pdfkit only when a PDF is asked for.

export const REPORT_KINDS = ['self-evaluation-report', 'spot-check-report'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = {
  'self-evaluation-report': ['docx', 'pdf'],
  'spot-check-report': ['xlsx', 'pdf'],
} as const satisfies Record<ReportKind, readonly string[]>;

export type SelfEvaluationFormat = (typeof REPORT_FORMATS)['self-evaluation-report'][number];
export type SpotCheckFormat = (typeof REPORT_FORMATS)['spot-check-report'][number];

const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** A report document as .docx or .pdf. */
export async function renderReport(doc: ReportDocument, format: SelfEvaluationFormat): Promise<ExportedFile> {
  const bytes =
    format === 'docx'
      ? await (await import('./report-docx.ts')).renderReportDocx(doc)
      : await (await import('./report-pdf.ts')).renderReportPdf(doc);
  return { bytes, contentType: CONTENT_TYPE[format], extension: `.${format}` };
}

/** The spot-check report as a workbook (everything) or a PDF (charts and the main lists). */
export async function renderSpotCheck(
  report: SpotCheckReport,
  format: SpotCheckFormat,
): Promise<ExportedFile> {
  const bytes =
    format === 'xlsx'
      ? await (await import('./spot-check-xlsx.ts')).renderSpotCheckXlsx(report)
      : await (await import('./report-pdf.ts')).renderReportPdf(spotCheckDocument(report));
  return { bytes, contentType: CONTENT_TYPE[format], extension: `.${format}` };
}
