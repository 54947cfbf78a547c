import { z } from 'zod';

/** GET /api/forms/:id/export?format=xlsx → the file (Content-Disposition: attachment). */
export const EXPORT_FORMATS = ['xlsx', 'docx', 'pdf', 'html'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const exportQuerySchema = z.object({
  format: exportFormatSchema,
  /** rule profile for the computed columns; default: the form's profile. */
  profile: z.string().max(64).optional(),
  revision: z.coerce.number().int().min(1).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
