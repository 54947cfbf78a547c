import { z } from 'zod';
import type { Finding } from '../core/audit/types.ts';
import { formSchema } from '../core/form/schema.ts';
import type { FormScore } from '../core/scoring/score-form.ts';
import { findingSchema } from './findings.ts';
import { lifecycleEvaluationSchema } from './lifecycle.ts';

export { FINDING_FAMILY_LABELS, findingSchema } from './findings.ts';

// Mirrors of the core's result types (core/scoring/score-form.ts, core/audit/types.ts) as zod
// schemas, so responses are validated and documented. The `Assert…` lines below fail to compile
// when the core types change and these schemas do not.

const bandSchema = z.object({ min: z.number(), max: z.number() });

export const rowScoreSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  level1: z.string(),
  level2: z.string(),
  weight: z.number(),
  selfScore: z.number().nullable(),
  ruleScore: z.number().nullable(),
  kind: z.enum([
    'quantitative',
    'deadline',
    'schedule',
    'qualitative',
    'judgement',
    'not-applicable',
    'skipped',
    'unscorable',
  ]),
  rule: z.string(),
  met: z.boolean().optional(),
  band: bandSchema.optional(),
  trail: z.string(),
  facts: z.record(z.string(), z.unknown()).optional(),
});

export const formScoreSchema = z.object({
  profile: z.string(),
  executionRate: z.number().nullable(),
  fundsScore: z.number().nullable(),
  funds: z.object({
    rate: z.number().nullable(),
    executionRate: z.number().nullable(),
    base: z.enum(['annualBudget', 'initialBudget']).nullable(),
    weight: z.number().nullable(),
    score: z.number().nullable(),
    trail: z.string(),
  }),
  selfTotal: z.number().nullable(),
  /** null when the form prints no 分值 column (nothing to add up). */
  ruleTotal: z.number().nullable(),
  /** absent when there is no rule total. */
  grade: z.string().optional(),
  selfGrade: z.string().nullable(),
  hasWeights: z.boolean(),
  hasSelfScores: z.boolean(),
  /** what the form lacks for scoring and what was done about it. */
  notes: z.array(z.string()),
  cap: z.object({ maxTotal: z.number(), uncapped: z.number(), trail: z.string() }).nullable(),
  rows: z.array(rowScoreSchema),
});

type Assert<T extends true> = T;
export type AssertFindingMatchesCore = Assert<Finding extends z.infer<typeof findingSchema> ? true : false>;
export type AssertScoreMatchesCore = Assert<FormScore extends z.infer<typeof formScoreSchema> ? true : false>;

export const profileRefSchema = z.object({ id: z.string(), name: z.string() });

/** Score and audit of a stored form (GET /api/forms/:id/evaluation) or of posted Form JSON. */
export const evaluationResponseSchema = z.object({
  profile: profileRefSchema,
  /** the form revision evaluated (absent for posted Form JSON). */
  revision: z.number().int().optional(),
  score: formScoreSchema,
  /**
   * The form's own findings: the self-evaluation audit (project-self-evaluation), and the single-form
   * lifecycle checks of its kind (T01–T15, M01–M09, X15; lifecycle.md §4).
   */
  findings: z.array(findingSchema),
  /** lights, department score and cross-stage findings (contract/lifecycle.ts). */
  lifecycle: lifecycleEvaluationSchema,
});
export type EvaluationResponse = z.infer<typeof evaluationResponseSchema>;

export const evaluationQuerySchema = z.object({
  /** a rule profile id (GET /api/profiles); default: the form's profile. */
  profile: z.string().max(64).optional(),
  /** evaluate an older revision. */
  revision: z.coerce.number().int().min(1).optional(),
});

export const evaluateRequestSchema = z.object({ form: formSchema, profile: z.string().max(64).optional() });
export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

export const profileInfoSchema = z.object({ id: z.string(), name: z.string(), description: z.string() });
export type ProfileInfo = z.infer<typeof profileInfoSchema>;
