import fc from 'fast-check';
import type { Form, FormKind, FundsRow, Indicator } from '../../core/form/schema.ts';
import { ADJUSTMENT_TRIGGERS, DECLARATION_STATUSES, REVIEW_GRADES } from '../../core/form/schema.ts';

// Test support only: random forms of the three lifecycle kinds (lifecycle.md §2.1–2.3), with names
// and figures of the kinds real forms print (no real form's text), for the round-trip properties.
// Text cells avoid the layout's own label words and double spaces, which a reader of any layout must
// take as structure; first-column cells stay short, as a printed first column does.

const CJK = [
  ...'道路河道校舍农田社区养老医疗图书绿化供水公交文化体育培训监测巡查维修保洁建设改造补贴宣传检测采购管护完成达到覆盖群众',
];
const EXTRA = [...'0123456789abcXYZ.,/%≥≤（）'];
const char = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CJK) },
  { weight: 1, arbitrary: fc.constantFrom(...EXTRA) },
);
/** Non-empty text that starts with a CJK character (a bare number would read as a number). */
export const words = (max: number) =>
  fc
    .tuple(fc.constantFrom(...CJK), fc.array(char, { maxLength: max - 1 }))
    .map(([a, rest]) => a + rest.join(''));
const maybeEmpty = (max: number) => fc.oneof(fc.constant(''), words(max));
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const LEVELS: Array<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['成本指标', '经济成本指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
  // a row with no level-2 of its own amid grouped rows
  ['满意度指标', ''],
];

/** Drops the keys whose value is undefined: an absent field, not one set to undefined. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function indicator(kind: FormKind, flat: boolean): fc.Arbitrary<Indicator> {
  const base = fc.record({
    levels: fc.constantFrom(...LEVELS),
    name: words(10),
    target: words(16),
    indicatorId: opt(fc.stringMatching(/^[a-z]{2}-\d{2}$/)),
    comparator: opt(fc.constantFrom('≥', '≤', '=', '定性')),
    unit: opt(fc.constantFrom('个', '人次', '%', '公里', '')),
    remark: opt(maybeEmpty(12)),
  });
  const declaration = fc.record({
    weight: fc.option(cents(30), { nil: null }),
    valueType: opt(fc.constantFrom('定量', '定性')),
    explanation: opt(words(30)),
    scoringStandard: opt(words(30)),
    valueBasis: opt(fc.constantFrom('计划标准', '行业标准', '历史标准', '其他标准')),
    dataSource: opt(words(12)),
    evidenceRequired: opt(words(12)),
    isCore: opt(fc.boolean()),
    initialTarget: opt(words(12)),
  });
  const monitoring = fc.record({
    initialTarget: opt(words(12)),
    progress: opt(maybeEmpty(12)),
    forecast: opt(maybeEmpty(12)),
    likelihood: opt(fc.constantFrom('确定能', '有可能', '完全不可能', '不可能')),
    deviationCauses: opt(fc.subarray(['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'])),
    deviationNote: opt(maybeEmpty(30)),
    evidence: opt(maybeEmpty(12)),
  });
  const department = fc.record({
    initialTarget: opt(words(8)),
    actual: maybeEmpty(10),
    scoreRate: opt(fc.option(cents(100), { nil: null })),
    weight: fc.option(cents(30), { nil: null }),
    score: fc.option(cents(30), { nil: null }),
    isCore: opt(fc.boolean()),
    deviation: maybeEmpty(30),
  });
  const extra: fc.Arbitrary<Record<string, unknown>> =
    kind === 'project-target-declaration'
      ? declaration
      : kind === 'project-monitoring'
        ? monitoring
        : department;
  return fc.tuple(base, extra).map(([b, x]) => {
    const { levels, ...rest } = b;
    return clean({
      level1: flat ? '' : levels[0],
      level2: flat ? '' : levels[1],
      actual: '',
      weight: null,
      score: null,
      deviation: '',
      ...rest,
      ...x,
    } as Indicator);
  });
}

// A funds row prints at least one figure: a row printed all blank reads as no row (null).
function fundsRow(kind: FormKind): fc.Arbitrary<FundsRow> {
  const amount = fc.option(cents(1e6), { nil: null });
  if (kind === 'project-target-declaration')
    return fc.record({ initialBudget: cents(1e6), annualBudget: opt(amount) }).map(clean);
  if (kind === 'project-monitoring')
    return fc
      .record({
        initialBudget: cents(1e6),
        annualBudget: amount,
        executedToDate: amount,
        executionRate: opt(cents(150)),
        forecastExecuted: opt(amount),
      })
      .map(clean);
  return fc
    .record({
      initialBudget: cents(1e6),
      annualBudget: amount,
      executed: amount,
      executionRate: opt(cents(150)),
      weight: opt(cents(20)),
      score: opt(cents(20)),
    })
    .map(clean);
}

const TITLES: Record<Exclude<FormKind, 'project-self-evaluation'>, string[]> = {
  'project-target-declaration': ['项目支出绩效目标申报表', '项目支出绩效目标表', '绩效目标申报表'],
  'project-monitoring': ['项目支出绩效运行监控表', '绩效监控情况表'],
  'department-self-evaluation': ['部门整体支出绩效自评表'],
};

export function lifecycleForm(kind: Exclude<FormKind, 'project-self-evaluation'>): fc.Arbitrary<Form> {
  const department = kind === 'department-self-evaluation';
  const row = fundsRow(kind);
  const common = fc
    .record({
      year: fc.integer({ min: 1990, max: 2100 }),
      title: fc.constantFrom(...TITLES[kind]),
      projectName: department ? fc.constant('') : words(20),
      competentDepartment: department ? fc.constant('') : words(12),
      implementingUnit: department ? fc.constant('') : words(12),
      projectCode: opt(fc.stringMatching(/^[0-9A-Z]{6,18}$/)),
      projectLead: opt(words(4)),
      phone: opt(fc.stringMatching(/^[0-9-]{7,13}$/)),
      fundsUnit: fc.constantFrom('万元' as const, '元' as const),
      funds: fc.record({
        total: fc.option(row, { nil: null }),
        fiscal: fc.option(row, { nil: null }),
        carryover: fc.option(row, { nil: null }),
        other: fc.option(row, { nil: null }),
        ...(department
          ? { basic: opt(fc.option(row, { nil: null })), project: opt(fc.option(row, { nil: null })) }
          : {}),
      }),
      totalWeight: fc.option(cents(100), { nil: null }),
      totalScore: department ? fc.option(cents(100), { nil: null }) : fc.constant(null),
    })
    // The unit is printed with the funds table only: a form without a funds row prints no unit
    // and reads as the default, 万元.
    .map((c) => (Object.values(c.funds).some(Boolean) ? c : { ...c, fundsUnit: '万元' as const }));
  const own: fc.Arbitrary<Record<string, unknown>> =
    kind === 'project-target-declaration'
      ? fc.record({
          goals: fc.record({ expected: words(80), actual: fc.constant(''), midTerm: opt(words(60)) }),
          projectAttribute: opt(fc.constantFrom('新增', '延续')),
          startDate: opt(fc.constantFrom('2024-01-01', '2025年1月')),
          endDate: opt(fc.constantFrom('2026-12-31', '2025年12月')),
          overview: opt(words(80)),
          version: opt(fc.integer({ min: 1, max: 9 })),
          supersedes: opt(fc.integer({ min: 1, max: 8 })),
          status: opt(fc.constantFrom(...DECLARATION_STATUSES)),
          adjustment: opt(
            fc
              .record({
                trigger: fc.constantFrom(...ADJUSTMENT_TRIGGERS),
                reason: words(40),
                budgetAdjustmentRef: opt(words(10)),
              })
              .map(clean),
          ),
          review: opt(
            fc.record({
              grade: fc.option(fc.constantFrom(...REVIEW_GRADES), { nil: null }),
              opinions: fc.array(
                fc.record({
                  by: words(8),
                  text: words(30),
                  date: fc.constantFrom('2025-01-02', '2025年3月'),
                }),
                {
                  maxLength: 2,
                },
              ),
            }),
          ),
          approval: opt(
            fc.record({ approvedBy: words(8), documentNo: words(12), date: fc.constantFrom('2025-02-01') }),
          ),
          midTermFunds: opt(
            fc.record({
              total: fc.option(cents(1e6), { nil: null }),
              fiscal: fc.option(cents(1e6), { nil: null }),
              other: fc.option(cents(1e6), { nil: null }),
            }),
          ),
          costBuildUp: opt(
            fc.array(
              fc
                .record({
                  item: words(8),
                  amount: fc.option(cents(1e5), { nil: null }),
                  basis: opt(words(20)),
                })
                .map(clean),
              { maxLength: 3 },
            ),
          ),
          schedule: opt(
            fc.array(
              fc.record({
                content: words(8),
                start: fc.constantFrom('2025-01', '一季度'),
                end: fc.constantFrom('2025-06', '年底'),
              }),
              { maxLength: 3 },
            ),
          ),
          level1Weights: opt(
            fc.array(
              fc
                .record({
                  level1: fc.constantFrom('产出指标', '成本指标'),
                  weight: opt(cents(50)),
                  min: opt(cents(20)),
                  max: opt(cents(60)),
                })
                .map(clean),
              {
                maxLength: 3,
              },
            ),
          ),
        })
      : kind === 'project-monitoring'
        ? fc.record({
            goals: fc.record({ expected: words(80), actual: fc.constant(''), progress: opt(words(60)) }),
            targetVersion: opt(fc.integer({ min: 1, max: 5 })),
            asOfMonth: fc.integer({ min: 1, max: 12 }),
            monitoringType: opt(fc.constantFrom('部门监控', '重点监控')),
            correctiveActions: opt(words(60)),
            rectification: opt(
              fc
                .record({ required: fc.boolean(), advice: opt(words(20)), result: opt(words(20)) })
                .map(clean),
            ),
            isFinal: opt(fc.boolean()),
          })
        : fc.record({
            goals: fc.record({ expected: words(80), actual: maybeEmpty(80), adjusted: opt(words(60)) }),
            department: words(14),
            departmentCode: opt(fc.stringMatching(/^\d{3,9}$/)),
            financeDivision: opt(words(6)),
            contact: opt(words(4)),
          });
  const flat = department ? fc.boolean() : fc.constant(false);
  return fc
    .tuple(
      common,
      own,
      flat.chain((f) => fc.array(indicator(kind, f), { minLength: 1, maxLength: 8 })),
    )
    .map(([c, o, indicators]) => clean({ kind, ...c, ...o, indicators } as unknown as Form));
}
