import type { FieldWarning } from '../../core/form/import-result.ts';

/** Garbage input could otherwise yield a warning per cell. */
const MAX_WARNINGS = 200;

export type WarningSource = NonNullable<FieldWarning['source']>;

/** What the parser is sure of (confidence per Form JSON path) and what it is not (warnings). */
export class GridReport {
  readonly warnings: FieldWarning[] = [];
  readonly confidence: Record<string, number> = {};
  private dropped = 0;

  set(path: string, confidence: number): void {
    this.confidence[path] = clamp01(confidence);
  }

  /** A warning also lowers (never raises) the field's confidence. */
  warn(path: string, message: string, confidence: number, source?: WarningSource): void {
    const c = clamp01(confidence);
    if (path) {
      const prev = this.confidence[path];
      this.confidence[path] = prev === undefined ? c : Math.min(prev, c);
    }
    if (this.warnings.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    const w: FieldWarning = { path, message, confidence: c };
    if (source) w.source = source;
    this.warnings.push(w);
  }

  finish(): void {
    if (this.dropped > 0) {
      this.warnings.push({ path: '', message: `另有 ${this.dropped} 条警告未列出`, confidence: 0 });
      this.dropped = 0;
    }
  }
}

function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return x < 0 ? 0 : x > 1 ? 1 : Math.round(x * 100) / 100;
}
