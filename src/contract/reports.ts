import { z } from 'zod';
import { formStatusSchema, idSchema } from './common.ts';

/** GET /api/forms/:id/report?format=docx → the 项目支出绩效自评报告 of the form (attachment). */
export const SELF_EVALUATION_REPORT_FORMATS = ['docx', 'pdf'] as const;
export const selfEvaluationReportQuerySchema = z.object({
  /** the only kind of one form's report today; room for others (e.g. a monitoring report). */
  kind: z.enum(['self-evaluation-report']).default('self-evaluation-report'),
  format: z.enum(SELF_EVALUATION_REPORT_FORMATS),
  /** rule profile; default: the form's. */
  profile: z.string().max(64).optional(),
  revision: z.coerce.number().int().min(1).optional(),
});
export type SelfEvaluationReportQuery = z.infer<typeof selfEvaluationReportQuerySchema>;

/** GET /api/reports/spot-check?format=xlsx&year=&orgId=&status= → the 抽查报告 over the caller's scope. */
export const SPOT_CHECK_REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export const spotCheckReportQuerySchema = z.object({
  format: z.enum(SPOT_CHECK_REPORT_FORMATS),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  orgId: idSchema.optional(),
  status: formStatusSchema.optional(),
});
export type SpotCheckReportQuery = z.infer<typeof spotCheckReportQuerySchema>;
