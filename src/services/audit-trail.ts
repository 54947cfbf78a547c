import { auditLog, type Db } from '../store/index.ts';
import { diffFields } from './audit-diff.ts';
import type { AppContext } from './context.ts';

// The audit log: every change and every security event (sign-in, failure, lockout, password,
// export, publish …): who, when, from where, and the changed fields before/after (leaf paths such
// as `indicators[3].actual`), written in the same transaction as the change itself. Entries form a
// hash chain (store/audit-chain.ts).

/** Who acted: a signed-in user (an Actor fits), a name tried at sign-in, or the command line. */
export type AuditWho = { userId: string | null; username: string; ip: string | null };

export async function recordChange(
  db: Db,
  ctx: AppContext,
  actor: AuditWho | null,
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
  actor: AuditWho | null,
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
      actorName: actor ? actor.username.slice(0, 100) : null,
      ip: actor?.ip ?? null,
      action,
      entityType: entity.type,
      entityId: entity.id,
      ...diff,
    },
    now,
  );
}

/** A security event: no before/after diff, only what happened (`details`). */
export async function recordEvent(
  db: Db,
  ctx: AppContext,
  who: AuditWho | null,
  action: string,
  entity: { type: string; id: string },
  details: Record<string, unknown> | null,
  now: string,
): Promise<void> {
  await recordDiff(db, ctx, who, action, entity, { before: null, after: details }, now);
}
