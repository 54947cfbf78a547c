// Form JSON field paths as the core and the contract write them (`indicators[3].actual`,
// `funds.total.executed`, `goals.expected`): read and immutably written, for edits, merges and
// jumping from a finding to its cell.

export type PathKey = string | number;

export function parsePath(path: string): PathKey[] {
  const out: PathKey[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

export function getAt(root: unknown, path: string | readonly PathKey[]): unknown {
  let cur: unknown = root;
  for (const k of typeof path === 'string' ? parsePath(path) : path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PathKey, unknown>)[k];
  }
  return cur;
}

/** A copy of `root` with `value` at `path`; objects on the way are copied, the rest is shared. */
export function setAt<T>(root: T, path: string | readonly PathKey[], value: unknown): T {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  const write = (node: unknown, i: number): unknown => {
    const k = keys[i]!;
    const last = i === keys.length - 1;
    if (Array.isArray(node)) {
      const copy = node.slice();
      copy[k as number] = last ? value : write(node[k as number], i + 1);
      return copy;
    }
    const obj = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    const next = last ? value : write(obj[k as string], i + 1);
    if (next === undefined) {
      const { [k as string]: _drop, ...rest } = obj;
      return rest;
    }
    return { ...obj, [k]: next };
  };
  return keys.length === 0 ? (value as T) : (write(root, 0) as T);
}

/** `indicators[3].actual` → 3; null for fields outside the indicator table. */
export function rowOfPath(path: string): number | null {
  const m = /^indicators\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
}
