import { z } from 'zod';
import { formStatusSchema, idSchema } from './common.ts';

/** GET /api/dashboard?year=&orgId= — aggregates over the forms in the caller's scope. */
export const dashboardQuerySchema = z.object({
  year: z.coerce.number().int().optional(),
  orgId: idSchema.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const countSchema = z.number().int();
/** A histogram bucket [min, max) in the measure's unit; null bounds are open. */
const bucketSchema = z.object({
  label: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  count: countSchema,
});

export const dashboardSchema = z.object({
  totals: z.object({
    forms: countSchema,
    evaluated: countSchema,
    withFindings: countSchema,
    byStatus: z.array(z.object({ status: formStatusSchema, count: countSchema })),
    avgSelfTotal: z.number().nullable(),
    avgRuleTotal: z.number().nullable(),
  }),
  /** by rule-score grade (优 良 中 差); forms not yet evaluated are left out. */
  gradeCounts: z.array(z.object({ grade: z.string(), count: countSchema })),
  /** execution rate (%) in bands. */
  executionRate: z.array(bucketSchema),
  /** self-reported total minus rule total, in points. */
  selfMinusRule: z.array(bucketSchema),
  /** indicators most often scored below their weight (self-reported), by level-2 and name. */
  mostMissed: z.array(z.object({ level2: z.string(), name: z.string(), missed: countSchema })),
  findingsByFamily: z.array(z.object({ family: z.string(), count: countSchema })),
  /** forms per kind (all four lifecycle kinds, every declaration version counted). */
  byKind: z.array(z.object({ kind: z.string(), count: countSchema })),
  /**
   * cross-stage findings (X01–X16, lifecycle.md §4.3) per unit, rolled up like byOrgYear: `count`
   * findings over `forms` forms that have any.
   */
  crossStageByOrg: z.array(
    z.object({ orgId: idSchema, orgName: z.string(), forms: countSchema, count: countSchema }),
  ),
  /** rolled up to the children of the chosen org node, per year. */
  byOrgYear: z.array(
    z.object({
      orgId: idSchema,
      orgName: z.string(),
      year: z.number().int(),
      forms: countSchema,
      avgSelfTotal: z.number().nullable(),
      avgRuleTotal: z.number().nullable(),
      withFindings: countSchema,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
