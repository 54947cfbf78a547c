import { z } from 'zod';
import { idSchema, pageQuerySchema, timestampSchema } from './common.ts';

export const projectSchema = z.object({
  id: idSchema,
  orgId: idSchema,
  orgName: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  formCount: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Project = z.infer<typeof projectSchema>;

export const projectListQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  q: z.string().max(200).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

export const createProjectRequestSchema = z.object({
  orgId: idSchema,
  name: z.string().trim().min(1).max(300),
  code: z.string().trim().max(100).nullable().optional(),
});
export type CreateProjectRequest = z.infer<typeof createProjectRequestSchema>;

export const updateProjectRequestSchema = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  code: z.string().trim().max(100).nullable().optional(),
});
export type UpdateProjectRequest = z.infer<typeof updateProjectRequestSchema>;
