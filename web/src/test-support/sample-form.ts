import national from '../../../rules/national.json' with { type: 'json' };
import type { Form } from '../../../src/core/form/schema.ts';
import { resolveProfile } from '../../../src/core/rules/profile.ts';

// A small form with the seed's figures (2736 ÷ 2926 = 93.51%) and one row of each kind, for the
// component tests. The real core scores it; nothing is mocked.

export function sampleForm(): Form {
  return {
    kind: 'project-self-evaluation',
    year: 2021,
    title: '项目支出绩效自评表',
    projectName: '2021年中关村海外联络工作支持资金项目',
    competentDepartment: '中关村科技园区管理委员会',
    implementingUnit: '中关村科技园区管理委员会本级',
    fundsUnit: '万元',
    funds: {
      total: {
        initialBudget: 2926,
        annualBudget: 2926,
        executed: 2736,
        weight: 10,
        executionRate: 93.51,
        score: 9.35,
      },
      fiscal: { initialBudget: 2926, annualBudget: 2926, executed: 2736, executionRate: 93.51 },
      carryover: null,
      other: null,
    },
    goals: { expected: '完成海外联络工作', actual: '已完成海外联络工作' },
    indicators: [
      {
        level1: '产出指标',
        level2: '数量指标',
        name: '动态信息',
        target: '不少于180篇',
        actual: '185篇',
        weight: 30,
        score: 30,
        deviation: '',
      },
      {
        level1: '产出指标',
        level2: '时效指标',
        name: '定额工作经费',
        target: '2021年6月30日前拨付',
        actual: '2021年12月20日前拨付',
        weight: 10,
        score: 10,
        deviation: '',
      },
      {
        level1: '产出指标',
        level2: '成本指标',
        name: '项目总成本',
        target: '≤2926万元',
        actual: '2736万元',
        weight: 10,
        score: 10,
        deviation: '',
      },
      {
        level1: '效益指标',
        level2: '社会效益指标',
        name: '对接企业需求',
        target: '140家次',
        actual: '150家次',
        weight: 30,
        score: 30,
        deviation: '',
      },
      {
        level1: '满意度指标',
        level2: '服务对象满意度指标',
        name: '服务对象满意度',
        target: '≥90%',
        actual: '95%',
        weight: 10,
        score: 10,
        deviation: '',
      },
    ],
    totalWeight: 100,
    totalScore: 99.35,
  };
}

export function nationalProfile() {
  const p = resolveProfile('national', { national });
  if (!p.ok) throw new Error(p.reason);
  return p.value;
}
