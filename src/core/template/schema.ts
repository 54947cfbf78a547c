import { z } from 'zod';
import { FORM_KINDS } from '../form/schema.ts';

// A printed template family is data (templates/*.json), like a rule profile: its labels, the
// order of its columns, its funds rows and its weight scheme, each with the source it was taken
// from. The readers recognise a form's family by its labels and fall back to the shared
// vocabulary (templates/vocabulary.json) when none fits. Adding a region's template is adding a file.

const terms = z.array(z.string().min(1));

export const FUNDS_COLUMNS = [
  'initialBudget',
  'annualBudget',
  'executed',
  'weight',
  'executionRate',
  'score',
  'note',
] as const;
export type FundsColumn = (typeof FUNDS_COLUMNS)[number];

export const INDICATOR_COLUMNS = [
  'level1',
  'level2',
  'name',
  'nature',
  'target',
  'unit',
  'actual',
  'weight',
  'score',
  'deviation',
  'scoringMethod',
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

export const HEADER_ROLES = [
  'projectName',
  'competentDepartment',
  'implementingUnit',
  'projectLead',
  'phone',
  'leadAndPhone',
  'selfScore',
  'reviewScore',
  'formCode',
] as const;
export type HeaderRole = (typeof HEADER_ROLES)[number];

export const FUNDS_ROWS = ['total', 'fiscal', 'carryover', 'other', 'extra'] as const;
export type FundsRowRole = (typeof FUNDS_ROWS)[number];

/** Labels by role. Every list is optional in a family file: it adds to the shared vocabulary. */
export const vocabularySchema = z.object({
  /** what a title ends with (`项目支出绩效自评表`, `绩效目标自评表`). */
  titles: terms.default([]),
  header: z.partialRecord(z.enum(HEADER_ROLES), terms).default({}),
  /** the label of the funds block (`项目资金`, `资金情况`, `预算执行情况`). */
  fundsBlock: terms.default([]),
  fundsColumns: z.partialRecord(z.enum(FUNDS_COLUMNS), terms).default({}),
  fundsRows: z.partialRecord(z.enum(FUNDS_ROWS), terms).default({}),
  /** 年度总体目标 and its two column heads. */
  goals: terms.default([]),
  goalsExpected: terms.default([]),
  goalsActual: terms.default([]),
  /** the label of the indicator table (`绩效指标`). */
  indicatorSection: terms.default([]),
  indicatorColumns: z.partialRecord(z.enum(INDICATOR_COLUMNS), terms).default({}),
  level1: terms.default([]),
  /** level-2 terms, by the level-1 they belong under (`*`: any). */
  level2: z.record(z.string(), terms).default({}),
  totals: terms.default([]),
  /** what follows the table and is not part of it (signatures, notes). */
  tail: terms.default([]),
});
export type VocabularyInput = z.input<typeof vocabularySchema>;
export type Vocabulary = z.output<typeof vocabularySchema>;

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  region: z.string(),
  /** where the layout was taken from: a document number, an address. */
  source: z.string().min(1),
  kind: z.enum(FORM_KINDS).default('project-self-evaluation'),
  /** the rules profile (rules/*.json) that scores this family by default. */
  profile: z.string().default('national'),
  detect: z.object({
    /** title words that point to this family (`部门预算项目支出绩效自评表`). */
    titles: terms.default([]),
    /** labels seen only on this family (`财政专户管理资金`, `度量单位`). */
    labels: terms.default([]),
  }),
  funds: z.object({
    /** printed column order, left to right. */
    columns: z.array(z.enum(FUNDS_COLUMNS)),
    /** printed 分值 of the funds block; null: not printed. */
    weight: z.number().nullable(),
  }),
  indicators: z.object({
    /** printed column order, left to right. */
    columns: z.array(z.enum(INDICATOR_COLUMNS)),
    /** points of the indicator table (`绩效指标(90分)`); null: not printed. */
    points: z.number().nullable(),
    /** the table has a 分值/权重 column and a 得分 column. */
    weights: z.boolean(),
    scores: z.boolean(),
  }),
  totalWeight: z.number().nullable(),
  vocabulary: vocabularySchema.default(vocabularySchema.parse({})),
});
export type TemplateInput = z.input<typeof templateSchema>;
export type Template = z.output<typeof templateSchema>;

/** The shared vocabulary merged with a family's own terms (family terms first: they are more specific). */
export function mergeVocabulary(base: Vocabulary, extra: Vocabulary): Vocabulary {
  const list = (a: string[], b: string[]): string[] => [...new Set([...b, ...a])];
  const rec = <K extends string>(a: Partial<Record<K, string[]>>, b: Partial<Record<K, string[]>>) => {
    const out: Partial<Record<K, string[]>> = { ...a };
    for (const [k, v] of Object.entries(b) as [K, string[]][]) out[k] = list(a[k] ?? [], v);
    return out;
  };
  return {
    titles: list(base.titles, extra.titles),
    header: rec(base.header, extra.header),
    fundsBlock: list(base.fundsBlock, extra.fundsBlock),
    fundsColumns: rec(base.fundsColumns, extra.fundsColumns),
    fundsRows: rec(base.fundsRows, extra.fundsRows),
    goals: list(base.goals, extra.goals),
    goalsExpected: list(base.goalsExpected, extra.goalsExpected),
    goalsActual: list(base.goalsActual, extra.goalsActual),
    indicatorSection: list(base.indicatorSection, extra.indicatorSection),
    indicatorColumns: rec(base.indicatorColumns, extra.indicatorColumns),
    level1: list(base.level1, extra.level1),
    level2: rec(base.level2, extra.level2) as Record<string, string[]>,
    totals: list(base.totals, extra.totals),
    tail: list(base.tail, extra.tail),
  };
}
