import type { ImportPreviewItem } from '../../../../src/contract/imports.ts';

/** Below this a read cell is shown as unsure (yellow) for the user to check. */
export const LOW_CONFIDENCE = 0.8;

/** Cells the reader was unsure of: warnings by path, plus fields read with low confidence. */
export function lowConfidenceMarks(
  item: ImportPreviewItem,
  unsure: (pct: number) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  const fromWarnings = new Set<string>();
  for (const w of item.warnings) {
    if (!w.path) continue;
    const prev = fromWarnings.has(w.path) ? out.get(w.path) : undefined;
    out.set(w.path, prev ? `${prev}；${w.message}` : w.message);
    fromWarnings.add(w.path);
  }
  for (const [path, c] of Object.entries(item.confidence)) {
    if (c < LOW_CONFIDENCE && path && !out.has(path)) out.set(path, unsure(Math.round(c * 100)));
  }
  return out;
}

export type SourceKind = 'text' | 'pdf' | 'other';

export function sourceKind(fileName: string): SourceKind {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'txt' || ext === 'json') return 'text';
  if (ext === 'pdf') return 'pdf';
  return 'other';
}

/** The extensions the server imports (src/formats/extension.ts IMPORTABLE). */
export const ACCEPT = '.pdf,.xlsx,.xls,.et,.docx,.doc,.wps,.html,.htm,.txt,.json';
