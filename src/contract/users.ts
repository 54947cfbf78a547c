import { z } from 'zod';
import { idSchema, roleSchema, timestampSchema } from './common.ts';

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  orgId: idSchema,
  orgName: z.string(),
  active: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -');

export const createUserRequestSchema = z.object({
  username,
  displayName: z.string().trim().min(1).max(100),
  /** an initial password: it follows the password policy and must be changed at the first sign-in. */
  password: z.string().min(1).max(256),
  role: roleSchema,
  orgId: idSchema,
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  /** a reset: it follows the password policy and must be changed at the next sign-in. */
  password: z.string().min(1).max(256).optional(),
  role: roleSchema.optional(),
  orgId: idSchema.optional(),
  active: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
