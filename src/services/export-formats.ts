// The export formats alone, so the CLI can list them without loading the writers.
export { EXPORT_FORMATS, type ExportFormat } from '../formats/export-any.ts';
