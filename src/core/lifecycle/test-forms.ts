// Small hand-written forms for the lifecycle tests: one project (a made-up 社区养老服务 project)
// through its stages. Figures and words are invented; every expectation is written by hand in
// the tests, these only spell the forms shortly.
import type { Form, Indicator } from '../form/schema.ts';

export function ind(
  level1: string,
  level2: string,
  name: string,
  target: string,
  extra: Partial<Indicator> = {},
): Indicator {
  return { level1, level2, name, target, actual: '', weight: null, score: null, deviation: '', ...extra };
}

/** Version 1 of the declaration, approved in March. */
export function declaration(patch: Partial<Form> = {}): Form {
  return {
    kind: 'project-target-declaration',
    year: 2024,
    title: '项目支出绩效目标申报表',
    projectName: '社区养老服务补助',
    competentDepartment: '某区民政局',
    implementingUnit: '某街道社区服务中心',
    fundsUnit: '万元',
    projectCode: 'P2024-017',
    startDate: '2024-01-01',
    endDate: '2024-12-31',
    funds: {
      // 奉节 [P]: 预算执行 10 points + targets 90
      total: { annualBudget: 200, weight: 10 },
      fiscal: { annualBudget: 180 },
      carryover: null,
      other: { annualBudget: 20 },
    },
    goals: { expected: '为辖区高龄老人提供上门助餐和日间照料服务。', actual: '' },
    indicators: [
      ind('产出指标', '数量指标', '助餐服务人次', '≥12000人次', { weight: 20 }),
      ind('产出指标', '质量指标', '服务对象回访合格率', '≥95%', { weight: 15 }),
      ind('产出指标', '时效指标', '补助资金拨付时间', '2024年10月31日前', { weight: 10 }),
      ind('产出指标', '成本指标', '人均助餐补助标准', '≤15元/人次', { weight: 5 }),
      ind('效益指标', '社会效益指标', '高龄老人就餐困难缓解情况', '明显缓解，独居老人按时就餐', {
        weight: 30,
      }),
      ind('满意度指标', '服务对象满意度指标', '老人及家属满意度', '≥90%', { weight: 10 }),
    ],
    totalWeight: 100,
    totalScore: null,
    version: 1,
    status: 'approved',
    approval: { approvedBy: '某区财政局', documentNo: '某财预〔2024〕3号', date: '2024-03-10' },
    ...patch,
  };
}

/** Version 2: the count target raised with the mid-year top-up, approved in August. */
export function adjusted(patch: Partial<Form> = {}): Form {
  const v1 = declaration();
  return declaration({
    version: 2,
    supersedes: 1,
    adjustment: { trigger: '年中追加', reason: '追加助餐点两处', budgetAdjustmentRef: '某财预〔2024〕41号' },
    approval: { approvedBy: '某区财政局', documentNo: '某财预〔2024〕45号', date: '2024-08-20' },
    funds: {
      total: { annualBudget: 240 },
      fiscal: { annualBudget: 220 },
      carryover: null,
      other: { annualBudget: 20 },
    },
    indicators: v1.indicators.map((r, i) =>
      i === 0 ? { ...r, target: '≥15000人次', initialTarget: '≥12000人次' } : r,
    ),
    ...patch,
  });
}

/** The 1–6月 monitoring report against version 1. */
export function monitoring(patch: Partial<Form> = {}, rows: Array<Partial<Indicator>> = []): Form {
  const v1 = declaration();
  const base: Array<Partial<Indicator>> = [
    { progress: '6500人次', forecast: '12500人次', likelihood: '确定能' },
    { progress: '96%', forecast: '96%', likelihood: '确定能' },
    { progress: '', forecast: '按时拨付', likelihood: '确定能' },
    { progress: '14元/人次', forecast: '14元/人次', likelihood: '确定能' },
    { progress: '达成', forecast: '达成', likelihood: '确定能' },
    { progress: '92%', forecast: '92%', likelihood: '确定能' },
  ];
  return {
    ...v1,
    kind: 'project-monitoring',
    title: '项目支出绩效运行监控表',
    version: undefined,
    status: undefined,
    approval: undefined,
    startDate: undefined,
    endDate: undefined,
    targetVersion: 1,
    asOfMonth: 6,
    funds: {
      total: {
        initialBudget: 200,
        annualBudget: 200,
        executedToDate: 90,
        executionRate: 45,
        forecastExecuted: 196,
      },
      fiscal: { initialBudget: 180, annualBudget: 180, executedToDate: 80, executionRate: 44.44 },
      carryover: null,
      other: { initialBudget: 20, annualBudget: 20, executedToDate: 10, executionRate: 50 },
    },
    goals: { expected: v1.goals.expected, actual: '', progress: '已开设助餐点六处。' },
    indicators: v1.indicators.map((r, i) => ({ ...r, weight: null, ...base[i], ...rows[i] })),
    correctiveActions: '',
    ...patch,
  };
}

/** The year-end self-evaluation against version 1, every target met. */
export function selfEvaluation(patch: Partial<Form> = {}, rows: Array<Partial<Indicator>> = []): Form {
  const v1 = declaration();
  const actuals = ['12600人次', '97%', '2024年10月20日', '14元/人次', '达成', '93%'];
  return {
    kind: 'project-self-evaluation',
    year: 2024,
    title: '项目支出绩效自评表',
    projectName: v1.projectName,
    competentDepartment: v1.competentDepartment,
    implementingUnit: v1.implementingUnit,
    fundsUnit: '万元',
    projectCode: 'P2024-017',
    targetVersion: 1,
    funds: {
      total: {
        initialBudget: 200,
        annualBudget: 200,
        executed: 195,
        weight: 10,
        executionRate: 97.5,
        score: 9.75,
      },
      fiscal: { initialBudget: 180, annualBudget: 180, executed: 176, executionRate: 97.78 },
      carryover: null,
      other: { initialBudget: 20, annualBudget: 20, executed: 19, executionRate: 95 },
    },
    goals: { expected: v1.goals.expected, actual: '全年提供助餐服务12600人次。' },
    indicators: v1.indicators.map((r, i) => ({
      ...r,
      actual: actuals[i]!,
      score: r.weight,
      ...rows[i],
    })),
    totalWeight: 100,
    totalScore: 99.75,
    ...patch,
  };
}
