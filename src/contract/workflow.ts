import { z } from 'zod';
import { REVIEW_GRADES } from '../core/form/schema.ts';
import { actorSchema, formStatusSchema, idSchema, timestampSchema } from './common.ts';

/**
 * Workflow actions: submit (draft|returned → submitted), return (submitted|approved → returned),
 * approve (submitted → approved), publish (approved → published). The transitions differ per form
 * kind (services/workflow-rules.ts); `allowedActions` of a form detail says what is possible now.
 *
 * Declarations (lifecycle.md §3, 88号): submit → `review` by 主管部门 (submitted → reviewed) → `review`
 * by 财政 (reviewed → graded) → `approve` with the budget (graded → approved, `approval` required).
 * A review carries a `grade`: 优 and 良 proceed (良's opinion says what to fix by consultation),
 * 中 returns the form to the unit for re-review, 差 rejects it (status `rejected`).
 */
export const WORKFLOW_ACTIONS = ['submit', 'return', 'approve', 'publish', 'review'] as const;
export const workflowActionSchema = z.enum(WORKFLOW_ACTIONS);
export type WorkflowAction = z.infer<typeof workflowActionSchema>;
export const WORKFLOW_ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  publish: '公开',
  review: '评审',
};

export const reviewGradeSchema = z.enum(REVIEW_GRADES);

/** 批复: given when a declaration is approved with the budget. */
export const approvalRequestSchema = z.object({
  /** 批复文号, required. */
  documentNo: z.string().trim().min(1).max(200),
  /** 批复日期 YYYY-MM-DD; default: today. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式如 2024-03-01')
    .optional(),
  /** 批复机关; default: the approver's organisation name. */
  approvedBy: z.string().trim().min(1).max(200).optional(),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/** POST /api/forms/:id/transitions; optional `If-Match` guards against acting on a stale view. */
export const transitionRequestSchema = z.object({
  action: workflowActionSchema,
  /** required when returning a form (what to fix) and with a review (the 评审意见). */
  comment: z.string().trim().max(4000).optional(),
  /** `review` only: 优 / 良 / 中 / 差. */
  grade: reviewGradeSchema.optional(),
  /** `approve` of a declaration only: the budget approval it goes down with. */
  approval: approvalRequestSchema.optional(),
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
