import { z } from 'zod';
import { actorSchema, idSchema, timestampSchema } from './common.ts';

/**
 * 佐证材料: files backing an indicator's actual value. Upload: POST /api/forms/:id/evidence as
 * multipart with a text field `row` (the indicator index, or empty for the whole form) and a file
 * field `file`. Size cap: EVIDENCE_MAX_BYTES.
 */
export const EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export const evidenceSchema = z.object({
  id: idSchema,
  formId: idSchema,
  /** form.indicators index; null: evidence for the whole form. */
  row: z.number().int().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: actorSchema,
  createdAt: timestampSchema,
});
export type Evidence = z.infer<typeof evidenceSchema>;
