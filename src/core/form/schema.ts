import { z } from 'zod';

// Form JSON v1 — ../shared/spec/form-json.md. Field names follow the glossary.

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
});

export type FundsRow = z.infer<typeof fundsRowSchema>;
export type Funds = z.infer<typeof fundsSchema>;
export type FundsKey = keyof Funds;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Goals = z.infer<typeof goalsSchema>;
export type Form = z.infer<typeof formSchema>;
export type FormKind = (typeof FORM_KINDS)[number];

export const FUNDS_KEYS: readonly FundsKey[] = ['total', 'fiscal', 'carryover', 'other'];
