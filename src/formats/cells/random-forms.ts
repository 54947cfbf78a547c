import fc from 'fast-check';
import type { Form, Indicator } from '../../core/form/schema.ts';

// Test support only: random forms in the national layout, with names and figures of the kinds
// real forms print (no real form's text), for property tests of the cell reader.

const WORDS = [
  '道路',
  '河道',
  '校舍',
  '农田',
  '社区',
  '养老',
  '医疗',
  '图书',
  '绿化',
  '供水',
  '公交',
  '文化',
  '体育',
  '培训',
  '监测',
  '巡查',
];
const NOUNS = ['维修', '保洁', '建设', '改造', '补贴', '服务', '宣传', '检测', '采购', '管护'];
const UNITS = ['公里', '人次', '个', '所', '场', '份', '户', '项'];
const QUAL = ['明显改善', '有效提升', '达到预期', '合格'];
const LEVELS: Array<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

const phrase = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.constantFrom(...NOUNS),
    fc.constantFrom('', '质量', '数量', '覆盖率', '完成率'),
  )
  .map(([a, b, c]) => a + b + c);

/** A row's target and actual as a form prints them, by the kind of its level-2 group. */
function valuesFor(level2: string, n: number, pct: number, word: string, unit: string): [string, string] {
  switch (level2) {
    case '数量指标':
      return [`≥${n}${unit}`, `${n + (n % 7)}${unit}`];
    case '质量指标':
      return [`≥${pct}%`, `${Math.min(100, pct + 2)}%`];
    case '时效指标':
      return ['100%', '100%'];
    case '成本指标':
      return [`≤${n}万元`, `${n}万元`];
    case '服务对象满意度指标':
      return [`≥${pct}%`, `${Math.min(100, pct + 3)}%`];
    default:
      return [word, word];
  }
}

export const randomForm: fc.Arbitrary<Form> = fc
  .record({
    year: fc.integer({ min: 2018, max: 2025 }),
    name: phrase,
    unit: fc.constantFrom('某某县财政局', '某某区教育局', '某某市民政局'),
    impl: fc.constantFrom('某某县公路管理站', '某某区第一中学', '某某社区服务中心'),
    budget: fc.integer({ min: 20, max: 900 }),
    rate: fc.integer({ min: 80, max: 100 }),
    rows: fc.array(
      fc.record({
        level: fc.integer({ min: 0, max: LEVELS.length - 1 }),
        name: phrase,
        n: fc.integer({ min: 2, max: 900 }),
        pct: fc.integer({ min: 80, max: 98 }),
        word: fc.constantFrom(...QUAL),
        unit: fc.constantFrom(...UNITS),
        weight: fc.constantFrom(5, 10, 15, 20),
        lost: fc.constantFrom(0, 0, 0, 1),
      }),
      { minLength: 3, maxLength: 9 },
    ),
  })
  .map((r) => {
    const executed = Math.round(r.budget * r.rate) / 100;
    const rate = Math.round((10000 * executed) / r.budget) / 100;
    const rows = [...r.rows].sort((a, b) => a.level - b.level);
    const names = new Set<string>();
    const indicators: Indicator[] = [];
    for (const row of rows) {
      let name = row.name;
      while (names.has(name)) name += '情况';
      names.add(name);
      const [level1, level2] = LEVELS[row.level]!;
      const [target, actual] = valuesFor(level2, row.n, row.pct, row.word, row.unit);
      indicators.push({
        level1,
        level2,
        name,
        target,
        actual,
        weight: row.weight,
        score: row.weight - row.lost,
        deviation: '',
      });
    }
    const weight = indicators.reduce((a, i) => a + (i.weight ?? 0), 10);
    const score = Math.round((indicators.reduce((a, i) => a + (i.score ?? 0), 0) + rate / 10) * 100) / 100;
    const form: Form = {
      kind: 'project-self-evaluation',
      year: r.year,
      title: '项目支出绩效自评表',
      projectName: `${r.name}项目`,
      competentDepartment: r.unit,
      implementingUnit: r.impl,
      fundsUnit: '万元',
      funds: {
        total: {
          initialBudget: r.budget,
          annualBudget: r.budget,
          executed,
          weight: 10,
          executionRate: rate,
          score: Math.round(rate) / 10,
        },
        fiscal: { initialBudget: r.budget, annualBudget: r.budget, executed, executionRate: rate },
        carryover: null,
        other: null,
      },
      goals: {
        expected: `完成${r.name}工作，群众满意度不低于90%。`,
        actual: `已完成${r.name}工作，群众满意度93%。`,
      },
      indicators,
      totalWeight: weight,
      totalScore: score,
    };
    return form;
  });
