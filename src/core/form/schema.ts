import { z } from 'zod';

// Form JSON v1.1 — ../shared/spec/form-json.md (v1) and docs/form-json.md (the v1.1 additions, all
// optional, so every v1 document is a v1.1 document). Field names follow the glossary.

export const FORM_KINDS = [
  'project-self-evaluation',
  'project-target-declaration',
  'project-monitoring',
  'department-self-evaluation',
] as const;

const amount = z.number().finite();

export const fundsRowSchema = z.object({
  initialBudget: amount.nullable().optional(),
  annualBudget: amount.nullable().optional(),
  executed: amount.nullable().optional(),
  /** 分值: only where printed. */
  weight: amount.optional(),
  /** 执行率 as printed, in percent: `93.51%` → 93.51. */
  executionRate: amount.optional(),
  /** 得分: only where printed. */
  score: amount.optional(),
  /** v1.2 monitoring: 1–N月执行数 (lifecycle.md §2.2). */
  executedToDate: amount.nullable().optional(),
  /** v1.2 monitoring: 全年预计执行数. */
  forecastExecuted: amount.nullable().optional(),
});

export const fundsSchema = z.object({
  total: fundsRowSchema.nullable(),
  fiscal: fundsRowSchema.nullable(),
  carryover: fundsRowSchema.nullable(),
  other: fundsRowSchema.nullable(),
  /** v1.2 department-self-evaluation: 基本支出 (lifecycle.md §2.3). */
  basic: fundsRowSchema.nullable().optional(),
  /** v1.2 department-self-evaluation: 项目支出. */
  project: fundsRowSchema.nullable().optional(),
});

/** A funds row the national form has no slot for (四川 财政专户管理资金, 单位资金; 县级资金 …). */
export const extraFundsRowSchema = fundsRowSchema.extend({
  /** the row label as printed, e.g. `财政专户管理资金`. */
  label: z.string(),
});

/**
 * A target printed over separate columns (四川/云南: 指标性质 | 指标值 | 度量单位). `target` stays
 * their concatenation as printed (`≧735人次`); the parts say which text sat in which column.
 */
export const targetPartsSchema = z.object({
  /** 指标性质: the comparator or kind as printed (`≥`, `=`, `定性`). */
  nature: z.string(),
  /** 指标值 */
  value: z.string(),
  /** 度量单位 */
  unit: z.string(),
});

export const indicatorSchema = z.object({
  level1: z.string(),
  level2: z.string(),
  name: z.string(),
  target: z.string(),
  actual: z.string(),
  weight: amount.nullable(),
  score: amount.nullable(),
  deviation: z.string(),
  /** 扣分: a deduction column some regions print (广西, rules.md §2); absent elsewhere. */
  deduction: amount.optional(),
  /** v1.1: the target's columns where the template prints them apart. */
  targetParts: targetPartsSchema.optional(),
  /** v1.1: 得分计算方法 / 评分标准 as printed (older 北京 form). */
  scoringMethod: z.string().optional(),
  // v1.2 lifecycle row fields (lifecycle.md §1, §2): each present only where the form prints it
  // or the stage carries it. On kinds that print no 实际完成值 / 分值 / 得分 / 偏差, the v1 fields
  // `actual`, `deviation` are "" and `weight`, `score` null (a declaration's printed 分值 is `weight`).
  /** stable id of the row across versions and stages (lifecycle.md §1). */
  indicatorId: z.string().optional(),
  /** 年初指标值, where printed beside the value in force. */
  initialTarget: z.string().optional(),
  /** 计算符号 / 指标性质 where printed as its own column: `≥ ＞ ＝ ＜ ≤ 定性`, local `不适用`. */
  comparator: z.string().optional(),
  /** 计量单位 where printed as its own column. */
  unit: z.string().optional(),
  /** 指标值类型 定量 / 定性. */
  valueType: z.string().optional(),
  /** 指标解释. */
  explanation: z.string().optional(),
  /** 评(扣)分标准. */
  scoringStandard: z.string().optional(),
  /** 取值依据 (计划, 行业, 历史, 其他标准). */
  valueBasis: z.string().optional(),
  /** 数据来源. */
  dataSource: z.string().optional(),
  /** 佐证资料要求 (declaration). */
  evidenceRequired: z.string().optional(),
  /** 佐证材料 (monitoring, self-evaluation). */
  evidence: z.string().optional(),
  /** 核心指标 (安徽 ★, 是否核心指标). */
  isCore: z.boolean().optional(),
  /** the goal a row serves where a project has several (湖北). */
  goalRef: z.string().optional(),
  /** 备注. */
  remark: z.string().optional(),
  /** monitoring: 当前完成值 / 1–N月执行情况 (定性: 达成 / 部分达成 / 未达成). */
  progress: z.string().optional(),
  /** monitoring: 全年预计完成情况. */
  forecast: z.string().optional(),
  /** monitoring: 完成目标可能性 as printed (确定能 / 有可能 / 完全不可能; 黄石 不可能). */
  likelihood: z.string().optional(),
  /** monitoring: 偏差原因, the ticked items. */
  deviationCauses: z.array(z.string()).optional(),
  /** monitoring: 原因说明. */
  deviationNote: z.string().optional(),
  /** department-self-evaluation: 得分系数 in percent. */
  scoreRate: amount.nullable().optional(),
});

/**
 * v1.1: the 项目支出绩效自评报告's narrative as the unit edited it (core/report/self-evaluation.ts).
 * A section left out is drafted from the form's figures whenever the report is made; a section
 * present is the unit's own text and printed as written. Kept with the form, so every revision
 * keeps the report text it was saved with.
 */
export const reportTextSchema = z.object({
  /** 一（一）项目概况 */
  overview: z.string().optional(),
  /** 一（二）资金投入和使用情况 */
  funds: z.string().optional(),
  /** 二（一）总体目标完成情况 */
  goals: z.string().optional(),
  /** 三 自评结论: the closing words after the computed totals */
  conclusion: z.string().optional(),
  /** 四 偏差及原因分析 */
  deviations: z.string().optional(),
  /** 五 存在的问题 */
  problems: z.string().optional(),
  /** 六 改进措施及结果应用 */
  measures: z.string().optional(),
});

export const goalsSchema = z.object({
  /** 年度目标 / 年初预期目标 (declaration: the annual goal; monitoring: 年度总体目标). */
  expected: z.string(),
  /** 实际完成情况 ("" on declaration and monitoring). */
  actual: z.string(),
  /** v1.2 declaration: 中期目标 / 长期目标 / 项目总目标. */
  midTerm: z.string().optional(),
  /** v1.2 monitoring: 1–N月执行情况. */
  progress: z.string().optional(),
  /** v1.2 department: 全年（调整）目标. */
  adjusted: z.string().optional(),
});

// v1.2 lifecycle objects (lifecycle.md §2.1–2.3).
export const scheduleItemSchema = z.object({ content: z.string(), start: z.string(), end: z.string() });
export const midTermFundsSchema = z.object({
  total: amount.nullable(),
  fiscal: amount.nullable(),
  other: amount.nullable(),
});
export const otherSourceSchema = z.object({ label: z.string(), amount: amount.nullable() });
export const costItemSchema = z.object({
  item: z.string(),
  amount: amount.nullable(),
  basis: z.string().optional(),
  priorActuals: z.string().optional(),
});
/** 一级指标（分值）: a fixed weight, or a printed range `成本指标 (0–20)分` (奉节). */
export const level1WeightSchema = z.object({
  level1: z.string(),
  weight: amount.optional(),
  min: amount.optional(),
  max: amount.optional(),
});
export const ADJUSTMENT_TRIGGERS = ['预算调整', '政策变化', '突发事件', '年中追加'] as const;
export const adjustmentSchema = z.object({
  trigger: z.string(),
  reason: z.string(),
  budgetAdjustmentRef: z.string().optional(),
});
/**
 * Every status a stored form can have: draft → submitted → returned | approved → published.
 * Declarations (lifecycle.md §3) also pass through `reviewed` (主管部门 reviewed, with a grade) and
 * `graded` (财政 graded), may end `rejected` (graded 差), and an approved version becomes
 * `superseded` when its adjustment is approved.
 */
export const FORM_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'published',
  'reviewed',
  'graded',
  'rejected',
  'superseded',
] as const;
export const DECLARATION_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'rejected',
  'superseded',
] as const;
export const REVIEW_GRADES = ['优', '良', '中', '差'] as const;
export const reviewSchema = z.object({
  grade: z.enum(REVIEW_GRADES).nullable(),
  opinions: z.array(z.object({ by: z.string(), text: z.string(), date: z.string() })),
});
export const approvalSchema = z.object({
  approvedBy: z.string(),
  documentNo: z.string(),
  date: z.string(),
});
export const rectificationSchema = z.object({
  required: z.boolean(),
  advice: z.string().optional(),
  result: z.string().optional(),
});

export const formSchema = z.object({
  kind: z.enum(FORM_KINDS),
  year: z.number().int().min(1990).max(2100),
  title: z.string(),
  projectName: z.string(),
  competentDepartment: z.string(),
  implementingUnit: z.string(),
  projectLead: z.string().optional(),
  phone: z.string().optional(),
  fundsUnit: z.enum(['万元', '元']),
  funds: fundsSchema,
  goals: goalsSchema,
  indicators: z.array(indicatorSchema),
  totalWeight: amount.nullable(),
  totalScore: amount.nullable(),
  /** v1.1: the printed template family (`templates/<id>.json`) the reader recognised. */
  template: z.string().optional(),
  /** v1.1: funds rows beyond 年度资金总额 / 当年财政拨款 / 上年结转资金 / 其他资金, in form order. */
  extraFunds: z.array(extraFundsRowSchema).optional(),
  /** v1.1: the self-evaluation report's edited narrative (absent: drafted from the figures). */
  report: reportTextSchema.optional(),

  // v1.2 lifecycle fields (lifecycle.md §1–2, docs/form-json.md). All optional; each kind uses its
  // own. A department form keeps `projectName` "" and names the department in `department`.
  /** 项目编码: links a project's chain of forms. */
  projectCode: z.string().optional(),
  /** 主管部门及代码. */
  competentDepartmentCode: z.string().optional(),
  /** 财政区划. */
  divisionCode: z.string().optional(),
  /** monitoring, self-evaluation: the declaration version filled against. */
  targetVersion: z.number().int().min(1).optional(),
  // declaration (§2.1)
  projectAttribute: z.string().optional(),
  projectCategory: z.string().optional(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  basis: z.string().optional(),
  overview: z.string().optional(),
  schedule: z.array(scheduleItemSchema).optional(),
  midTermFunds: midTermFundsSchema.optional(),
  otherSources: z.array(otherSourceSchema).optional(),
  costBuildUp: z.array(costItemSchema).optional(),
  level1Weights: z.array(level1WeightSchema).optional(),
  midTermIndicators: z.array(indicatorSchema).optional(),
  /** 版本号: 1 = year-start. */
  version: z.number().int().min(1).optional(),
  versionName: z.string().optional(),
  /** the version this one replaces (≥ 2). */
  supersedes: z.number().int().min(1).optional(),
  adjustment: adjustmentSchema.optional(),
  status: z.enum(DECLARATION_STATUSES).optional(),
  review: reviewSchema.optional(),
  approval: approvalSchema.optional(),
  // monitoring (§2.2)
  /** 1–N月. */
  asOfMonth: z.number().int().min(1).max(12).optional(),
  /** 部门监控 / 重点监控. */
  monitoringType: z.string().optional(),
  dueDate: z.string().optional(),
  correctiveActions: z.string().optional(),
  rectification: rectificationSchema.optional(),
  isFinal: z.boolean().optional(),
  // department (§2.3)
  department: z.string().optional(),
  departmentCode: z.string().optional(),
  financeDivision: z.string().optional(),
  contact: z.string().optional(),
});

export type FundsRow = z.infer<typeof fundsRowSchema>;
export type Funds = z.infer<typeof fundsSchema>;
/** the four national funds rows; `basic` / `project` exist only on department forms. */
export type FundsKey = 'total' | 'fiscal' | 'carryover' | 'other';
export type Indicator = z.infer<typeof indicatorSchema>;
export type ExtraFundsRow = z.infer<typeof extraFundsRowSchema>;
export type TargetParts = z.infer<typeof targetPartsSchema>;
export type Goals = z.infer<typeof goalsSchema>;
export type ReportText = z.infer<typeof reportTextSchema>;
export type ReportSectionKey = keyof ReportText;
export type Form = z.infer<typeof formSchema>;
export type FormKind = (typeof FORM_KINDS)[number];
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;
export type Level1Weight = z.infer<typeof level1WeightSchema>;
export type Adjustment = z.infer<typeof adjustmentSchema>;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export type ReviewGrade = (typeof REVIEW_GRADES)[number];
export type Review = z.infer<typeof reviewSchema>;
export type Approval = z.infer<typeof approvalSchema>;

export const FUNDS_KEYS: readonly FundsKey[] = ['total', 'fiscal', 'carryover', 'other'];
