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
});

export const fundsSchema = z.object({
  total: fundsRowSchema.nullable(),
  fiscal: fundsRowSchema.nullable(),
  carryover: fundsRowSchema.nullable(),
  other: fundsRowSchema.nullable(),
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
  expected: z.string(),
  actual: z.string(),
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
});

export type FundsRow = z.infer<typeof fundsRowSchema>;
export type Funds = z.infer<typeof fundsSchema>;
export type FundsKey = keyof Funds;
export type Indicator = z.infer<typeof indicatorSchema>;
export type ExtraFundsRow = z.infer<typeof extraFundsRowSchema>;
export type TargetParts = z.infer<typeof targetPartsSchema>;
export type Goals = z.infer<typeof goalsSchema>;
export type ReportText = z.infer<typeof reportTextSchema>;
export type ReportSectionKey = keyof ReportText;
export type Form = z.infer<typeof formSchema>;
export type FormKind = (typeof FORM_KINDS)[number];

export const FUNDS_KEYS: readonly FundsKey[] = ['total', 'fiscal', 'carryover', 'other'];
