/**
 * The fields that differ between two values, walking both at once (only differing leaves get a
 * path): `{ before: { 'indicators[3].actual': old }, after: { … : new } }`. A side is null when the
 * value did not exist (created / deleted).
 */
export function diffFields(
  before: unknown,
  after: unknown,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (before === null || before === undefined) return { before: null, after: flatten(after) };
  if (after === null || after === undefined) return { before: flatten(before), after: null };
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  walk(before, after, '', out);
  return out;
}

type Out = { before: Record<string, unknown>; after: Record<string, unknown> };
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';
const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function walk(a: unknown, b: unknown, path: string, out: Out): void {
  if (a === b) return;
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b)) {
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        const p = join(path, i);
        if (i >= a.length) addAll(b[i], p, out.after);
        else if (i >= b.length) addAll(a[i], p, out.before);
        else walk(a[i], b[i], p, out);
      }
      if (a.length === 0 && b.length > 0) out.before[path] = [];
      if (b.length === 0 && a.length > 0) out.after[path] = [];
      return;
    }
    for (const key of Object.keys(a)) {
      const p = join(path, key);
      if (key in b) walk(a[key], b[key], p, out);
      else addAll(a[key], p, out.before);
    }
    for (const key of Object.keys(b)) if (!(key in a)) addAll(b[key], join(path, key), out.after);
    return;
  }
  if (isObject(a)) addAll(a, path, out.before);
  else out.before[path] = a;
  if (isObject(b)) addAll(b, path, out.after);
  else out.after[path] = b;
}

function addAll(value: unknown, path: string, into: Record<string, unknown>): void {
  if (isObject(value)) {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (entries.length === 0) into[path] = Array.isArray(value) ? [] : {};
    for (const [k, v] of entries) addAll(v, join(path, k), into);
    return;
  }
  into[path] = value;
}

function flatten(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const out: Record<string, unknown> = {};
  addAll(value, '', out);
  return out;
}
