import { z } from 'zod';
import { formSchema } from '../core/form/schema.ts';
import { actorSchema, idSchema, timestampSchema } from './common.ts';

/** Revisions are immutable: one per content save, numbered from 1. */
export const revisionSummarySchema = z.object({
  formId: idSchema,
  revision: z.number().int(),
  note: z.string().nullable(),
  createdAt: timestampSchema,
  createdBy: actorSchema,
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

/** A revision with its Form JSON; diff two with `compareForms` from core/form/compare. */
export const revisionDetailSchema = revisionSummarySchema.extend({ form: formSchema });
export type RevisionDetail = z.infer<typeof revisionDetailSchema>;

export const revisionParamsSchema = z.object({ id: idSchema, revision: z.coerce.number().int().min(1) });
