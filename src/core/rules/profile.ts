import { z } from 'zod';
import { err, ok, type Result } from '../result.ts';

// A rule profile is data (rules/*.json): a region's rules are added or corrected without code
// changes (rules.md, preamble). Every setting group carries `source`, the rules.md section it
// implements, so a reviewer can check each number against the spec.

const source = z.string().min(1);
const percent = z.number().min(0).max(1000);

const band = z.tuple([percent, percent]);

const grades = z.array(z.object({ min: z.number(), grade: z.string() })).min(1);
const light = z.enum(['red', 'yellow']);

/**
 * Thresholds of the lifecycle checks (lifecycle.md §4). No official figures are known for most of
 * them (§4.2 "bands are vendor defaults"), so every one is data a region can override.
 */
const lifecycleSettingsSchema = z.object({
  source,
  /** the 1–N月 monitoring periods allowed (lifecycle.md §5 Periods: 1–6, 1–7 central, 1–8). */
  monitoringMonths: z.array(z.number().int().min(1).max(12)).min(1),
  lights: z.object({
    source,
    /** M01/M02: ratio to the time-proportional expectation below this % is red. */
    red: percent,
    /** … below this % yellow, else green. */
    yellow: percent,
    /** M02: progress at or above this % is blue (the target may be too low). */
    blue: percent,
    /** M02: blue measured against the annual target (pmkpi) or against the pro-rata expectation (山西). */
    blueOf: z.enum(['target', 'pro-rata']),
  }),
  causes: z.object({
    source,
    /** M08: the lights that need a 偏差原因 (vendor default red and yellow; 宁夏 red; 广西 none). */
    requiredFor: z.array(light),
    /** M07: a ticked cause needs a 原因说明 too (天津). */
    noteForAnyCause: z.boolean(),
  }),
  targets: z.object({
    source,
    /** T05: a project with no service users needs no 满意度 row (proposed exemption, unverified). */
    satisfactionExemptWithoutUsers: z.boolean(),
    /** T06: 成本 is a required level (财预〔2021〕101号, body unverified). */
    costRequired: z.boolean(),
    /** T15: every value needs a 取值依据 (101号, unverified). */
    valueBasisRequired: z.boolean(),
    /** T12: tolerance of 年度资金总额 against its sources, in 万元. */
    fundsTolerance: z.number().min(0),
  }),
  stages: z.object({
    source,
    /** X09: |forecast − executed| above this % of executed is reported. */
    forecastTolerance: percent,
    /** X16: over-completion against the year-start target; `deduct` loses `points`, `flag` only reports. */
    overCompletion: z.object({
      mode: z.enum(['deduct', 'flag', 'off']),
      /** actual above the year-start target by at least this % of it. */
      above: percent,
      points: z.number().min(0),
    }),
  }),
  department: z.object({
    source,
    /** §4.4 grade bands, highest first. */
    grades,
    /** `>` (strict) or `≥` at each band's minimum. */
    strict: z.boolean(),
  }),
});

export type LifecycleSettings = z.infer<typeof lifecycleSettingsSchema>;

export const profileSettingsSchema = z.object({
  form: z.object({
    source,
    /** printed title, e.g. 湖北 项目绩效目标自评表 (rules.md §2). */
    title: z.string(),
    /** label of the 当年财政拨款 row (安徽: 本年财政拨款). */
    fiscalLabel: z.string(),
    /** print level-1 weights in the label, `产出指标(50分)` (安徽). */
    level1WeightInLabel: z.boolean(),
    /** header rows 项目负责人 / 联系电话 (北京). */
    headerHasLead: z.boolean(),
  }),
  weights: z.object({
    source,
    funds: z.number().min(0),
    total: z.number().positive(),
    /** level-1 name → weight; null: indicators split the remaining points freely (四川). */
    level1: z.record(z.string(), z.number().min(0)).nullable(),
    /** how a missing 满意度 block is treated (rules.md §4.1). */
    missingSatisfaction: z.enum(['warn', 'ignore']),
  }),
  execution: z.object({
    source,
    /** execution-rate bands capping the whole total (rules.md §1.2 variant); empty = no cap. */
    cap: z.array(z.object({ below: percent, maxTotal: z.number() })),
    /** a rate below this needs an explanation (四川, rules.md §1.2); null = never. */
    explainBelow: percent.nullable(),
    /** execution far below 100% while every output is fully met is suspicious (rules.md §5). */
    lowRateAllMet: percent,
  }),
  quantitative: z.object({
    source,
    /** `≤` rows: ratio form (default) or linear-deviation form (rules.md §1.3, §4.2). */
    lowerIsBetter: z.enum(['ratio', 'linear-deviation']),
    /** actual ≥ this % of target is flagged as over-completion (广西 130). */
    overCompletion: percent,
    /** 偏离 deduction: actual exceeding target by ≥ `above`% loses `points` (provincial manual). */
    deviationDeduction: z.object({ above: percent, points: z.number().min(0) }).nullable(),
  }),
  qualitative: z.object({
    source,
    /** score bands in % of weight per tier; the band is [lo, hi] for met, [lo, hi) below. */
    bands: z.object({ met: band, partial: band, unmet: band }),
    /** qualitative rows need a scoring note (广西). */
    needsNote: z.boolean(),
  }),
  timeliness: z.object({
    source,
    /** a late deadline: judgement capped at the top of the partial band (default) or zero (§4.3). */
    late: z.enum(['judgement', 'zero']),
  }),
  rows: z.object({
    source,
    /** rows marked 不适用 leave out their weight and the rest are rescaled (rules.md §1.6). */
    rescaleNotApplicable: z.boolean(),
    /** the deduction column (扣分) is subtracted from computed scores, floored at 0 (广西). */
    deductionColumn: z.boolean(),
    /** rows whose target is blank are skipped (山西). */
    skipBlankTargets: z.boolean(),
    /** a project with no cost row gets a default one worth at most this many points (山西). */
    defaultCostRowMax: z.number().nullable(),
  }),
  totals: z.object({
    source,
    /** sum of rounded row scores (default) or rounded sum (rules.md §4.4). */
    rounding: z.enum(['sum-of-rounded', 'round-of-sum']),
    /** grade thresholds, highest first (rules.md §1.7). */
    grades: z.array(z.object({ min: z.number(), grade: z.string() })).min(1),
  }),
  deviationNote: z.object({
    source,
    whenBelowWeight: z.boolean(),
    /** actual ≥ this % of target (广西 130); null = never. */
    whenOverTarget: percent.nullable(),
    /** execution rate below this % (四川 90); null = never. */
    whenExecutionBelow: percent.nullable(),
  }),
  lifecycle: lifecycleSettingsSchema,
});

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    description: z.string(),
  })
  .extend(profileSettingsSchema.shape);

export type Profile = z.infer<typeof profileSchema>;
export type QualitativeBands = Profile['qualitative']['bands'];

/** A profile file: either complete, or `extends` another profile and overrides some groups. */
const profileFileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().optional(),
    extends: z.string().optional(),
  })
  .catchall(z.unknown());

/**
 * Resolves a profile from raw JSON files (id → parsed JSON). `extends` chains are merged group by
 * group; a group given in a child replaces only the keys it names.
 */
export function resolveProfile(id: string, files: Readonly<Record<string, unknown>>): Result<Profile> {
  const chain: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let current: string | undefined = id;
  while (current !== undefined) {
    if (seen.has(current))
      return err(`规则配置 ${id} 的 extends 形成循环：${[...seen, current].join(' → ')}`);
    seen.add(current);
    const raw = files[current];
    if (raw === undefined) {
      const known = Object.keys(files).sort().join('、');
      return err(
        current === id
          ? `未知的规则配置 "${id}"（可用：${known}）`
          : `规则配置 ${id} 继承的 "${current}" 不存在`,
      );
    }
    const parsed = profileFileSchema.safeParse(raw);
    if (!parsed.success) return err(`规则配置 ${current} 缺少 id 或 name`);
    chain.unshift(parsed.data);
    current = parsed.data.extends;
  }
  const merged: Record<string, unknown> = {};
  for (const layer of chain) {
    for (const [key, value] of Object.entries(layer)) {
      if (key === 'extends') continue;
      const base = merged[key];
      merged[key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
    }
  }
  merged['id'] = id;
  merged['description'] ??= '';
  const result = profileSchema.safeParse(merged);
  if (!result.success) {
    const first = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('；');
    return err(`规则配置 ${id} 无效：${first}`);
  }
  return ok(result.data);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
