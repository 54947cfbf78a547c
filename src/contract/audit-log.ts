import { z } from 'zod';
import { actorSchema, idSchema, pageQuerySchema, timestampSchema } from './common.ts';

/** Every change: who, when, what, and the changed fields before/after. */
export const auditEntrySchema = z.object({
  id: idSchema,
  /** position in the tamper-evident hash chain (`jixiao audit-log verify`). */
  seq: z.number().int().nullable(),
  at: timestampSchema,
  actor: actorSchema.nullable(),
  /** the username as it was (also a name tried at a failed sign-in), or `命令行 …`. */
  actorName: z.string().nullable(),
  /** where from: the client address. */
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  /** changed fields only: `{ "path": value }` before and after. */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditLogQuerySchema = pageQuerySchema.extend({
  entityType: z.string().max(40).optional(),
  entityId: idSchema.optional(),
  actorId: idSchema.optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const healthSchema = z.object({
  ok: z.boolean(),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
  /** demo mode: the demo accounts of the README may sign in. */
  demo: z.boolean(),
});
