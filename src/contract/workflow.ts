import { z } from 'zod';
import { actorSchema, formStatusSchema, idSchema, timestampSchema } from './common.ts';

/**
 * Workflow actions: submit (draft|returned → submitted), return (submitted|approved → returned),
 * approve (submitted → approved), publish (approved → published).
 */
export const WORKFLOW_ACTIONS = ['submit', 'return', 'approve', 'publish'] as const;
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;
export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  publish: '公开',
};

/** POST /api/forms/:id/transitions; optional `If-Match` guards against acting on a stale view. */
export const transitionRequestSchema = z.object({
  action: workflowActionSchema,
  /** required when returning a form: what to fix. */
  comment: z.string().trim().max(4000).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

/** A comment on the form, or on one cell (`field` is a Form JSON path such as `indicators[3].actual`). */
export const commentSchema = z.object({
  id: idSchema,
  formId: idSchema,
  revision: z.number().int(),
  field: z.string().nullable(),
  body: z.string(),
  /** set when the comment was made with a workflow action. */
  action: workflowActionSchema.nullable(),
  fromStatus: formStatusSchema.nullable(),
  toStatus: formStatusSchema.nullable(),
  author: actorSchema,
  createdAt: timestampSchema,
});
export type Comment = z.infer<typeof commentSchema>;

export const createCommentRequestSchema = z.object({
  body: z.string().trim().min(1).max(4000),
  field: z
    .string()
    .max(200)
    .regex(/^[A-Za-z][A-Za-z0-9_.[\]]*$/, '字段路径格式如 indicators[3].actual')
    .nullable()
    .optional(),
});
export type CreateCommentRequest = z.infer<typeof createCommentRequestSchema>;
