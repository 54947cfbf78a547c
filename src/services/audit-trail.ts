import { auditLog, type Db } from '../store/index.ts';
import type { Actor, AppContext } from './context.ts';

// The audit log: every change, who, when, and the changed fields before/after (leaf paths such as
// `indicators[3].actual`), written in the same transaction as the change itself.

function leaves(value: unknown, path: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`${path}[${i}]`, v] as const)
      : Object.entries(value).map(([k, v]) => [path ? `${path}.${k}` : k, v] as const);
    if (entries.length === 0) out.set(path, Array.isArray(value) ? [] : {});
    for (const [k, v] of entries) leaves(v, k, out);
    return;
  }
  out.set(path, value);
}

/** The fields that differ: `{ before: { path: old }, after: { path: new } }`; null sides when nothing existed. */
export function diffFields(
  before: unknown,
  after: unknown,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  if (before === null || before === undefined) return { before: null, after: flatten(after) };
  if (after === null || after === undefined) return { before: flatten(before), after: null };
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', a);
  leaves(after, '', b);
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const [path, value] of a) {
    if (!b.has(path)) out.before[path] = value;
    else if (!same(value, b.get(path))) {
      out.before[path] = value;
      out.after[path] = b.get(path);
    }
  }
  for (const [path, value] of b) if (!a.has(path)) out.after[path] = value;
  return out;
}

const same = (x: unknown, y: unknown): boolean =>
  x === y ||
  (Array.isArray(x) && Array.isArray(y) && x.length === 0 && y.length === 0) ||
  (typeof x === 'object' &&
    typeof y === 'object' &&
    x !== null &&
    y !== null &&
    Object.keys(x).length === 0 &&
    Object.keys(y).length === 0);

function flatten(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  const m = new Map<string, unknown>();
  leaves(value, '', m);
  return Object.fromEntries(m);
}

export async function recordChange(
  db: Db,
  ctx: AppContext,
  actor: Actor | null,
  action: string,
  entity: { type: string; id: string },
  before: unknown,
  after: unknown,
  now: string,
): Promise<void> {
  const diff = diffFields(before, after);
  await auditLog.insert(
    db,
    {
      id: ctx.newId(),
      actorId: actor?.userId ?? null,
      action,
      entityType: entity.type,
      entityId: entity.id,
      ...diff,
    },
    now,
  );
}
