import { z } from 'zod';
import {
  adjustmentSchema,
  approvalSchema,
  FORM_KINDS,
  indicatorSchema,
  reviewSchema,
} from '../core/form/schema.ts';
import type { DepartmentScore, MonitoringLights } from '../core/lifecycle/index.ts';
import { formStatusSchema, idSchema } from './common.ts';
import { findingSchema } from './findings.ts';
import { formSummarySchema } from './forms.ts';

// The lifecycle's HTTP shapes (lifecycle.md §3): declaration versions and adjustments, monitoring
// lights and warnings, forms pre-filled from the chain, cross-stage findings and the department
// aggregate. A project's chain for a year: its declaration versions, its monitoring forms and its
// self-evaluation, linked by the stored project (and `projectCode` where printed) and year.

const kindSchema = z.enum(FORM_KINDS);

/** Status words as a declaration shows them (FORM_STATUS_LABELS are the self-evaluation's). */
export const DECLARATION_STATUS_LABELS: Record<z.infer<typeof formStatusSchema>, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  reviewed: '主管部门已审',
  graded: '财政已评审',
  approved: '已批复',
  published: '已公开',
  rejected: '未通过',
  superseded: '已被调整替代',
};

export const FORM_KIND_LABELS: Record<z.infer<typeof kindSchema>, string> = {
  'project-self-evaluation': '项目支出绩效自评表',
  'project-target-declaration': '项目支出绩效目标申报表',
  'project-monitoring': '项目支出绩效运行监控表',
  'department-self-evaluation': '部门整体支出绩效自评表',
};

// ---- lights (core/lifecycle MonitoringLights, lifecycle.md §4.2) ----

export const LIGHTS = ['red', 'yellow', 'green', 'blue'] as const;
export const lightSchema = z.enum(LIGHTS);
export type LightWord = z.infer<typeof lightSchema>;
export const LIGHT_LABELS: Record<LightWord, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
};

/** A light and why, in Chinese (shown beside the value). */
export const lightReadingSchema = z.object({ light: lightSchema, reason: z.string() });
export const monitoringLightsSchema = z.object({
  funds: z.object({
    total: lightReadingSchema.optional(),
    fiscal: lightReadingSchema.optional(),
    carryover: lightReadingSchema.optional(),
    other: lightReadingSchema.optional(),
  }),
  /** one per indicator row, in form order; null where no light applies. */
  rows: z.array(lightReadingSchema.nullable()),
});
export type MonitoringLightsView = z.infer<typeof monitoringLightsSchema>;

// ---- the chain ----

/** A form of the chain, as findings and lists name it. */
export const chainFormSchema = z.object({
  id: idSchema,
  kind: kindSchema,
  year: z.number().int(),
  /** declaration version (1 = year-start); 1 for other kinds. */
  version: z.number().int(),
  status: formStatusSchema,
  /** monitoring: 1–N月. */
  asOfMonth: z.number().int().nullable(),
  /** monitoring, self-evaluation: the declaration version filled against. */
  targetVersion: z.number().int().nullable(),
});
export type ChainForm = z.infer<typeof chainFormSchema>;

/** A declaration version in the version list. */
export const declarationVersionSchema = formSummarySchema.extend({
  supersedes: z.number().int().nullable(),
  adjustment: adjustmentSchema.nullable(),
  approval: approvalSchema.nullable(),
  review: reviewSchema.nullable(),
});
export type DeclarationVersion = z.infer<typeof declarationVersionSchema>;

/** GET /api/projects/:id/chain?year= */
export const chainQuerySchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
export const projectChainSchema = z.object({
  projectId: idSchema,
  projectName: z.string(),
  orgId: idSchema,
  year: z.number().int(),
  /** all versions, oldest first. */
  declarations: z.array(declarationVersionSchema),
  /** the latest approved version's form id (what a self-evaluation is filled against). */
  latestApprovedId: idSchema.nullable(),
  /** the adjustment in flight (a version ≥ 2 not yet approved, rejected or superseded), if any. */
  adjustmentInFlightId: idSchema.nullable(),
  /** by asOfMonth. */
  monitoring: z.array(formSummarySchema.extend({ asOfMonth: z.number().int().nullable() })),
  selfEvaluation: formSummarySchema.nullable(),
  /** the 1–N月 periods the project's rule profile allows (profile lifecycle.monitoringMonths). */
  monitoringMonths: z.array(z.number().int()),
  /** what the caller may start now. */
  canAdjust: z.boolean(),
  canCreateMonitoring: z.boolean(),
  canCreateSelfEvaluation: z.boolean(),
});
export type ProjectChain = z.infer<typeof projectChainSchema>;

// ---- adjustment and diff ----

/** POST /api/forms/:id/adjustments: a new draft version from the approved one (88号 第二十八条). */
export const adjustmentRequestSchema = z.object({
  /** 调整触发: 预算调整 / 政策变化 / 突发事件 / 年中追加 (ADJUSTMENT_TRIGGERS) or as the region words it. */
  trigger: z.string().trim().min(1).max(100),
  /** 调整理由, required. */
  reason: z.string().trim().min(1).max(4000),
  /** 预算调整文号, where one exists. */
  budgetAdjustmentRef: z.string().trim().max(200).optional(),
});
export type AdjustmentRequest = z.infer<typeof adjustmentRequestSchema>;

/** GET /api/forms/:id/diff?against=<form id>: two versions of one project-year's declaration. */
export const diffQuerySchema = z.object({ against: idSchema });

export const fieldChangeSchema = z.object({
  /** a Form JSON path relative to the row (`target`) or the form (`goals.expected`). */
  field: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const declarationDiffSchema = z.object({
  older: z.object({ formId: idSchema, version: z.number().int() }),
  newer: z.object({ formId: idSchema, version: z.number().int() }),
  /** rows matched by indicatorId. */
  added: z.array(z.object({ indicatorId: z.string(), index: z.number().int(), row: indicatorSchema })),
  removed: z.array(z.object({ indicatorId: z.string(), index: z.number().int(), row: indicatorSchema })),
  modified: z.array(
    z.object({
      indicatorId: z.string(),
      /** index in the newer version. */
      index: z.number().int(),
      name: z.string(),
      changes: z.array(fieldChangeSchema),
    }),
  ),
  /** form-level changes: goals, funds, adjustment. */
  form: z.array(fieldChangeSchema),
});
export type DeclarationDiffView = z.infer<typeof declarationDiffSchema>;

// ---- forms started from the chain ----

/** POST /api/projects/:id/monitoring: pre-filled from the version in force at asOfMonth. */
export const createMonitoringRequestSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  /** 1–N月; must be one of the profile's monitoringMonths (else 400 with a Chinese message). */
  asOfMonth: z.number().int().min(1).max(12),
  /** 部门监控 / 重点监控. */
  monitoringType: z.string().trim().max(50).optional(),
  profileId: z.string().max(64).optional(),
});
export type CreateMonitoringRequest = z.infer<typeof createMonitoringRequestSchema>;

/** POST /api/projects/:id/self-evaluation: pre-filled from the latest approved declaration and the latest monitoring. */
export const createSelfEvaluationRequestSchema = z.object({
  year: z.number().int().min(1990).max(2100),
  profileId: z.string().max(64).optional(),
});
export type CreateSelfEvaluationRequest = z.infer<typeof createSelfEvaluationRequestSchema>;

// ---- findings across stages ----

/** GET /api/forms/:id/stage-findings: X01–X16 of the form against its project's chain of that year. */
export const stageFindingsSchema = z.object({
  /** findings about this form (for X checks, `row` is this form's row where it is the later stage). */
  findings: z.array(findingSchema),
  chain: z.array(chainFormSchema),
});
export type StageFindings = z.infer<typeof stageFindingsSchema>;

/** 部门整体自评 scoring (lifecycle.md §4.4; core scoreDepartment), as the evaluation response carries it. */
export const departmentScoreSchema = z.object({
  /** funds rows with a printed 执行率权重: score = min(executed ÷ annualBudget × weight, weight). */
  funds: z.array(
    z.object({
      key: z.enum(['total', 'fiscal', 'other', 'basic', 'project']),
      weight: z.number(),
      annualBudget: z.number().nullable(),
      executed: z.number().nullable(),
      /** percent. */
      rate: z.number().nullable(),
      score: z.number().nullable(),
      /** as printed. */
      selfScore: z.number().nullable(),
    }),
  ),
  /** indicator rows with a weight: score = 得分系数 × weight. */
  rows: z.array(
    z.object({
      index: z.number().int(),
      weight: z.number(),
      scoreRate: z.number().nullable(),
      score: z.number().nullable(),
      selfScore: z.number().nullable(),
    }),
  ),
  total: z.number(),
  selfTotal: z.number().nullable(),
  grade: z.string(),
});

type Assert<T extends true> = T;
export type AssertDepartmentScoreMatchesCore = Assert<
  DepartmentScore extends z.infer<typeof departmentScoreSchema> ? true : false
>;
export type AssertLightsMatchCore = Assert<
  MonitoringLights extends z.infer<typeof monitoringLightsSchema> ? true : false
>;

/** What the evaluation response adds for the lifecycle (GET /api/forms/:id/evaluation `lifecycle`). */
export const lifecycleEvaluationSchema = z.object({
  kind: kindSchema,
  /** monitoring forms: the lights with their reasons; null otherwise. */
  lights: monitoringLightsSchema.nullable(),
  /** department forms: the score per profile; null otherwise. */
  departmentScore: departmentScoreSchema.nullable(),
  /** X findings about this form against the rest of its chain (stored forms only; [] for posted Form JSON). */
  stageFindings: z.array(findingSchema),
  chain: z.array(chainFormSchema),
});
export type LifecycleEvaluation = z.infer<typeof lifecycleEvaluationSchema>;

// ---- department views ----

/** GET /api/monitoring/warnings?year=&orgId= */
export const warningsQuerySchema = z.object({
  year: z.coerce.number().int().optional(),
  /** a department (or any node in scope); default: the caller's org. */
  orgId: idSchema.optional(),
});
/** A red or yellow light on the latest monitoring form of a project. */
export const monitoringWarningSchema = z.object({
  formId: idSchema,
  projectId: idSchema,
  projectName: z.string(),
  orgId: idSchema,
  orgName: z.string(),
  year: z.number().int(),
  asOfMonth: z.number().int().nullable(),
  /** `funds` (key total/fiscal/carryover/other) or an indicator `row`. */
  target: z.enum(['funds', 'row']),
  fundsKey: z.enum(['total', 'fiscal', 'carryover', 'other']).nullable(),
  row: z.number().int().nullable(),
  /** the row's 指标名称, or the funds row's label (年度资金总额 …). */
  label: z.string(),
  light: z.enum(['red', 'yellow']),
  reason: z.string(),
});
export type MonitoringWarning = z.infer<typeof monitoringWarningSchema>;

/** GET /api/departments/:id/aggregate?year= : the department form beside its units' project self-evaluations. */
export const departmentAggregateQuerySchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
export const departmentAggregateSchema = z.object({
  orgId: idSchema,
  orgName: z.string(),
  year: z.number().int(),
  /** the department's own 部门整体支出绩效自评表 of the year, if stored. */
  departmentForm: formSummarySchema.nullable(),
  projects: z.object({
    count: z.number().int(),
    /**
     * 全年预算数 and 执行数 summed over the self-evaluations' 年度资金总额 rows in 万元 (元 converted;
     * a blank cell counts 0; null when there is no project self-evaluation).
     */
    annualBudget: z.number().nullable(),
    executed: z.number().nullable(),
    /** executed ÷ annualBudget, percent; null without a budget. */
    executionRate: z.number().nullable(),
    avgSelfTotal: z.number().nullable(),
    avgRuleTotal: z.number().nullable(),
    gradeCounts: z.array(z.object({ grade: z.string(), count: z.number().int() })),
    findingCount: z.number().int(),
    crossStageCount: z.number().int(),
  }),
  items: z.array(formSummarySchema),
});
export type DepartmentAggregate = z.infer<typeof departmentAggregateSchema>;
