import { z } from 'zod';
import { idSchema, orgKindSchema, timestampSchema } from './common.ts';

export const orgSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  name: z.string(),
  kind: orgKindSchema,
  /** depth in the tree, 0 for a root. */
  depth: z.number().int(),
  /** rule profile for new forms under this node (inherited from the nearest ancestor that sets one). */
  profileId: z.string().nullable(),
  createdAt: timestampSchema,
});
export type Org = z.infer<typeof orgSchema>;

export const createOrgRequestSchema = z.object({
  parentId: idSchema,
  name: z.string().trim().min(1).max(200),
  kind: orgKindSchema,
  profileId: z.string().max(64).nullable().optional(),
});
export type CreateOrgRequest = z.infer<typeof createOrgRequestSchema>;

export const updateOrgRequestSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  profileId: z.string().max(64).nullable().optional(),
});
export type UpdateOrgRequest = z.infer<typeof updateOrgRequestSchema>;
