import { z } from 'zod';
import { idSchema, orgKindSchema, roleSchema } from './common.ts';

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** The signed-in user, with the org node that scopes what they see. */
export const meSchema = z.object({
  user: z.object({
    id: idSchema,
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
  }),
  org: z.object({ id: idSchema, name: z.string(), kind: orgKindSchema }),
  /** send it back in the `x-csrf-token` header on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
  /** what the UI may offer; the server checks every request anyway. */
  permissions: z.object({
    editForms: z.boolean(),
    reviewForms: z.boolean(),
    publishForms: z.boolean(),
    manageOrgs: z.boolean(),
    manageUsers: z.boolean(),
  }),
  /** why the password must be changed before anything else, or null (other requests answer 403 until then). */
  passwordChange: z.enum(['initial', 'reset', 'expired']).nullable(),
  /** the password rules a new password must follow. */
  passwordPolicy: z.object({
    minLength: z.number().int(),
    minClasses: z.number().int(),
    history: z.number().int(),
    maxAgeDays: z.number().int(),
  }),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  /** checked against the password policy by the server (Chinese message naming the rule). */
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
