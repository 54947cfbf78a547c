import type { FieldWarning } from '../../core/form/import-result.ts';

const PATHS: string[][] = [];
const CACHED_ROWS = 1000;

/**
 * `indicators[k].field`, built once per (k, field): building and hashing hundreds of fresh key
 * strings per import costs more than the rest of reading a row.
 */
export function rowPath(k: number, field: number, fields: readonly string[]): string {
  if (k >= CACHED_ROWS) return `indicators[${k}].${fields[field]}`;
  let row = PATHS[k];
  if (!row) {
    row = [];
    PATHS[k] = row;
  }
  let p = row[field];
  if (p === undefined) {
    p = `indicators[${k}].${fields[field]}`;
    row[field] = p;
  }
  return p;
}

/** Garbage input could otherwise yield a warning per line. */
const MAX_WARNINGS = 200;

/** Collects what the reader is sure of (confidence per Form JSON path) and what it is not (warnings). */
export class Report {
  readonly warnings: FieldWarning[] = [];
  // A dictionary from the start: a form sets hundreds of path keys, and adding them one by one to
  // a `{}` literal walks V8's hidden-class transitions for each (the importer's hottest line).
  readonly confidence: Record<string, number> = Object.create(null);
  private dropped = 0;

  set(path: string, confidence: number): void {
    this.confidence[path] = clamp01(confidence);
  }

  /**
   * A warning lowers (never raises) the confidence of a field that was read; a field that was not
   * found gets no confidence entry (ImportResult: not listed = not found).
   */
  warn(path: string, message: string, confidence: number, line?: number): void {
    const c = clamp01(confidence);
    const prev = path ? this.confidence[path] : undefined;
    if (prev !== undefined && c < prev) this.confidence[path] = c;
    if (this.warnings.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    const w: FieldWarning = { path, message, confidence: c };
    if (line !== undefined) w.source = { line };
    this.warnings.push(w);
  }

  /** Call once at the end: says how many warnings were left out. */
  finish(): void {
    if (this.dropped > 0) {
      this.warnings.push({ path: '', message: `另有 ${this.dropped} 条警告未列出`, confidence: 0 });
      this.dropped = 0;
    }
  }
}

function clamp01(x: number): number {
  if (!(x > 0)) return 0; // also NaN
  return x >= 1 ? 1 : Math.round(x * 100) / 100;
}
