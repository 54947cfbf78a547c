import { emptyForm } from '../../../../src/core/form/import-result.ts';
import type { Form, Indicator } from '../../../../src/core/form/schema.ts';

// A new form starts with the national indicator skeleton (rules.md §1.1: 产出 50, 效益 30,
// 满意度 10, funds 10): one empty row per usual level-2 group, so the filler sees the structure.

const SKELETON: ReadonlyArray<[string, string, number]> = [
  ['产出指标', '数量指标', 15],
  ['产出指标', '质量指标', 15],
  ['产出指标', '时效指标', 10],
  ['产出指标', '成本指标', 10],
  ['效益指标', '社会效益指标', 30],
  ['满意度指标', '服务对象满意度指标', 10],
];

export function blankIndicator(level1 = '', level2 = ''): Indicator {
  return { level1, level2, name: '', target: '', actual: '', weight: null, score: null, deviation: '' };
}

export function newFormTemplate(input: {
  year: number;
  projectName: string;
  implementingUnit: string;
  competentDepartment: string;
}): Form {
  const form = emptyForm(input.year);
  return {
    ...form,
    title: '项目支出绩效自评表',
    projectName: input.projectName,
    implementingUnit: input.implementingUnit,
    competentDepartment: input.competentDepartment,
    funds: {
      total: { initialBudget: null, annualBudget: null, executed: null, weight: 10 },
      fiscal: null,
      carryover: null,
      other: null,
    },
    indicators: SKELETON.map(([l1, l2, w]) => ({ ...blankIndicator(l1, l2), weight: w })),
    totalWeight: 100,
  };
}
