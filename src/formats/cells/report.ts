// The cell reader reports through the text importer's Report: one confidence per Form JSON path,
// warnings that lower it, the same cap on warnings.
export { Report as CellReport } from '../text/report.ts';
