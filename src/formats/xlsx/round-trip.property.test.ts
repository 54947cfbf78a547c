import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { profile } from '../../../test/fixtures/build-form.ts';
import { compareForms } from '../../core/form/compare.ts';
import type { Form, FundsRow, Indicator } from '../../core/form/schema.ts';
import { exportXlsx } from './export-xlsx.ts';
import { importXlsx } from './import-xlsx.ts';

// Random valid forms survive export → import. The alphabet avoids the form's own label words
// (项目名称, 总分, 绩效…表), which a reader must take as structure wherever they stand alone.
const CJK = [
  ...'数据质量服务水平群众公路养护建设完成率达到以上万元个次人天县乡村学校医院培训补贴资金发放覆盖',
];
const LATIN = [...'abcXYZ0123456789 .,-/%≥≤'];
const char = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CJK) },
  { weight: 1, arbitrary: fc.constantFrom(...LATIN) },
);
const lead = fc.constantFrom('', '', '', '=', '+', '-', '@');
// The form's own words inside user text must not be taken for structure.
const word = fc.constantFrom(
  '项目名称',
  '总分',
  '合计',
  '年度总体目标',
  '一级指标',
  '分值',
  '绩效自评表',
  '实施单位',
  '(10分)',
);
const piece = fc.oneof({ weight: 12, arbitrary: char }, { weight: 1, arbitrary: word });
const text = (max: number) =>
  fc
    .tuple(
      lead,
      fc.oneof(fc.constantFrom(...CJK), word),
      fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 1 }),
      fc.array(piece, { maxLength: max }),
    )
    .map(([l, first, second, cs]) => [l, first, [...second, ...cs]] as const)
    .map(([l, first, cs]) => `${l}${first}${cs.join('')}`)
    .filter((s) => s.trim().length > 0 && !/^[-—/]$/.test(s.trim()));
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

const indicator: fc.Arbitrary<Indicator> = fc.record({
  level1: fc.constantFrom('产出指标', '效益指标', '满意度指标', '成本指标'),
  level2: fc.constantFrom(
    '数量指标',
    '质量指标',
    '时效指标',
    '社会效益指标',
    '服务对象满意度指标',
    '经济成本指标',
  ),
  name: text(12),
  target: text(60),
  actual: text(60),
  weight: fc.option(cents(100), { nil: null }),
  score: fc.option(cents(100), { nil: null }),
  deviation: fc.option(text(40), { nil: '' }),
});

const fundsRow: fc.Arbitrary<FundsRow> = fc
  .record(
    {
      initialBudget: cents(1e7),
      annualBudget: fc.option(cents(1e7), { nil: null }),
      executed: fc.option(cents(1e7), { nil: null }),
      weight: cents(20),
      executionRate: cents(200),
      score: cents(20),
    },
    { requiredKeys: ['initialBudget', 'annualBudget', 'executed'] },
  )
  .map((r) => r as FundsRow);

const formArb: fc.Arbitrary<Form> = fc.record({
  kind: fc.constant('project-self-evaluation' as const),
  year: fc.integer({ min: 1990, max: 2100 }),
  title: fc.constantFrom('项目支出绩效自评表', '项目绩效目标自评表'),
  projectName: text(30),
  competentDepartment: text(20),
  implementingUnit: text(20),
  fundsUnit: fc.constantFrom('万元' as const, '元' as const),
  funds: fc.record({
    total: fc.option(fundsRow, { nil: null }),
    fiscal: fc.option(fundsRow, { nil: null }),
    carryover: fc.option(fundsRow, { nil: null }),
    other: fc.option(fundsRow, { nil: null }),
  }),
  goals: fc.record({ expected: text(200), actual: text(200) }),
  indicators: fc.array(indicator, { minLength: 1, maxLength: 12 }),
  totalWeight: fc.option(cents(100), { nil: null }),
  totalScore: fc.option(cents(100), { nil: null }),
});

/** 项目负责人 and 联系电话 share a row: a form has both or neither. */
const withLead = fc
  .tuple(formArb, fc.option(fc.tuple(text(6), fc.stringMatching(/^[0-9-]{7,13}$/))))
  .map(([f, lead]) => (lead ? { ...f, projectLead: lead[0], phone: lead[1] } : f));

describe('xlsx round trip (property)', () => {
  it('any valid form survives export → import', async () => {
    await fc.assert(
      fc.asyncProperty(withLead, fc.constantFrom('national', 'anhui'), async (f, id) => {
        const [r, ...rest] = await importXlsx(await exportXlsx(f, profile(id)), 'p.xlsx');
        expect(rest).toEqual([]);
        expect(compareForms(f, r!.form).filter((c) => !c.equal)).toEqual([]);
      }),
      { numRuns: Number(process.env['XLSX_RUNS'] ?? 20) },
    );
  });
});
