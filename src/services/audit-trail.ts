import { auditLog, type Db } from '../store/index.ts';
import { diffFields } from './audit-diff.ts';
import type { Actor, AppContext } from './context.ts';

// The audit log: every change, who, when, and the changed fields before/after (leaf paths such as
// `indicators[3].actual`), written in the same transaction as the change itself.

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
  await recordDiff(db, ctx, actor, action, entity, diffFields(before, after), now);
}

/** recordChange with the diff already computed (outside the transaction). */
export async function recordDiff(
  db: Db,
  ctx: AppContext,
  actor: Actor | null,
  action: string,
  entity: { type: string; id: string },
  diff: ReturnType<typeof diffFields>,
  now: string,
): Promise<void> {
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
