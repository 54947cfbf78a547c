import type { Form } from './schema.ts';

// Field-by-field comparison of two forms, used by round-trip tests and the importer accuracy
// report. form-json.md: comparisons of cell text ignore all whitespace.

export type FieldComparison = { path: string; expected: unknown; actual: unknown; equal: boolean };

const squash = (s: string): string => s.replace(/\s+/g, '');

function leaves(value: unknown, path: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [path ? `.${k}` : k, v] as const);
    if (entries.length === 0) out.set(path, Array.isArray(value) ? [] : {});
    for (const [k, v] of entries) leaves(v, `${path}${k}`, out);
    return;
  }
  out.set(path, value);
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return squash(a) === squash(b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length;
  if (a && b && typeof a === 'object' && typeof b === 'object') return true;
  return a === b;
}

/** Every leaf field of `expected`, plus any extra field of `actual`, compared. */
export function compareForms(expected: Form, actual: Form): FieldComparison[] {
  const e = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  leaves(expected, '', e);
  leaves(actual, '', a);
  const out: FieldComparison[] = [];
  for (const [path, value] of e)
    out.push({ path, expected: value, actual: a.get(path), equal: same(value, a.get(path)) });
  for (const [path, value] of a) {
    // `template` is what a reader recognised (Form JSON v1.1): a form written without one and
    // read back with one has lost nothing.
    if (path === 'template' && !e.has(path)) continue;
    if (!e.has(path)) out.push({ path, expected: undefined, actual: value, equal: value === undefined });
  }
  return out;
}

/** Groups `indicators[3].target` under `indicators[].target` for per-column accuracy. */
export function fieldGroup(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}
