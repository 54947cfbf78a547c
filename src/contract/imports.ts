import { z } from 'zod';
import { formSchema } from '../core/form/schema.ts';
import { idSchema } from './common.ts';

// POST /api/imports/preview (multipart, field `file`) reads a file and writes nothing;
// POST /api/imports/commit stores the (possibly corrected) Form JSON.

export const fieldWarningSchema = z.object({
  path: z.string(),
  message: z.string(),
  confidence: z.number(),
  source: z
    .object({
      line: z.number().optional(),
      page: z.number().optional(),
      sheet: z.string().optional(),
      row: z.number().optional(),
      cell: z.string().optional(),
      table: z.number().optional(),
    })
    .optional(),
});
export type FieldWarning = z.infer<typeof fieldWarningSchema>;

export const importPreviewItemSchema = z.object({
  form: formSchema,
  warnings: z.array(fieldWarningSchema),
  confidence: z.record(z.string(), z.number()),
  /** the stored form with the same project name, year and kind in the caller's scope, if any. */
  existing: z.object({ formId: idSchema, revision: z.number().int(), orgId: idSchema }).nullable(),
  /** the unit whose name matches form.implementingUnit in the caller's scope, if any. */
  suggestedOrgId: idSchema.nullable(),
  /** the printed template family the reader recognised (templates/*.json), and its rules profile. */
  template: z.object({ id: z.string(), name: z.string(), profile: z.string() }).nullable().default(null),
});
export type ImportPreviewItem = z.infer<typeof importPreviewItemSchema>;

/** A file may hold several forms (a workbook with one sheet per form). */
export const importPreviewResponseSchema = z.object({
  fileName: z.string(),
  items: z.array(importPreviewItemSchema),
});
export type ImportPreviewResponse = z.infer<typeof importPreviewResponseSchema>;

export const ON_EXISTING = ['fail', 'new-revision', 'skip'] as const;
export const onExistingSchema = z.enum(ON_EXISTING);
export type OnExisting = z.infer<typeof onExistingSchema>;

export const importCommitRequestSchema = z.object({
  form: formSchema,
  /** the implementing unit to file it under; default: the unit named in form.implementingUnit. */
  orgId: idSchema.optional(),
  /** when the form exists: fail (409), save a new revision (needs an editable status), or skip. */
  onExisting: onExistingSchema.default('fail'),
  fileName: z.string().max(300).optional(),
});
export type ImportCommitRequest = z.infer<typeof importCommitRequestSchema>;
export type ImportCommitRequestInput = z.input<typeof importCommitRequestSchema>;

export const importCommitResponseSchema = z.object({
  formId: idSchema,
  revision: z.number().int(),
  outcome: z.enum(['created', 'new-revision', 'skipped']),
});
export type ImportCommitResponse = z.infer<typeof importCommitResponseSchema>;
