import { z } from 'zod';
import { actorSchema, idSchema, pageQuerySchema, timestampSchema } from './common.ts';
import { onExistingSchema } from './imports.ts';

/**
 * Batch import jobs live in the database: any server process runs them, and a job resumes after a
 * crash where it stopped (each file is committed with its form in one transaction).
 * Create: POST /api/jobs/imports as multipart — text fields `orgId` (optional), `onExisting`
 * (optional), then one or more file fields `files`. Progress: GET /api/jobs/:id/events
 * (server-sent events, `event: progress`, data = Job JSON; the stream ends after `event: done`).
 */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const jobStatusSchema = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobSchema = z.object({
  id: idSchema,
  kind: z.literal('import'),
  status: jobStatusSchema,
  total: z.number().int(),
  /** files finished (imported, skipped or failed). */
  processed: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  orgId: idSchema.nullable(),
  onExisting: onExistingSchema,
  error: z.string().nullable(),
  createdBy: actorSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const JOB_ITEM_STATUSES = ['pending', 'done', 'skipped', 'failed'] as const;
export const jobItemSchema = z.object({
  position: z.number().int(),
  fileName: z.string(),
  status: z.enum(JOB_ITEM_STATUSES),
  formId: idSchema.nullable(),
  error: z.string().nullable(),
  warningCount: z.number().int(),
});
export type JobItem = z.infer<typeof jobItemSchema>;

export const jobListQuerySchema = pageQuerySchema;

/** Limits on one batch upload. */
export const JOB_MAX_FILES = 2000;
export const JOB_MAX_FILE_BYTES = 30 * 1024 * 1024;
