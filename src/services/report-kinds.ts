// The report kinds and formats alone, so the CLI can list them without loading the report services.
export {
  REPORT_FORMATS,
  REPORT_KINDS,
  type ReportKind,
  type SelfEvaluationFormat,
  type SpotCheckFormat,
} from '../formats/report/render.ts';
