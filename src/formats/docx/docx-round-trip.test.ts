import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { form, profile, ROOT, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { compareForms } from '../../core/form/compare.ts';
import type { Form, FundsRow, Indicator } from '../../core/form/schema.ts';
import { exportDocx } from './export-docx.ts';
import { importDocx } from './import-docx.ts';

const unequal = (expected: Form, actual: Form) => compareForms(expected, actual).filter((c) => !c.equal);

async function roundTrip(f: Form, profileId: string | null): Promise<Form> {
  const bytes = await exportDocx(f, profileId ? profile(profileId) : null);
  const results = await importDocx(bytes, 'rt.docx');
  expect(results).toHaveLength(1);
  return results[0]!.form;
}

describe('docx round trip', () => {
  it('reads the exported seed back to the seed, without warnings', async () => {
    const bytes = await exportDocx(seedForm(), profile('beijing'));
    const [r] = await importDocx(bytes, 'seed.docx');
    expect(unequal(seedForm(), r!.form)).toEqual([]);
    expect(r!.warnings).toEqual([]);
    // narrative cells keep their paragraphs (the grid parser decides where: see document-grid.test.ts
    // for the exact lines the reader hands it)
    expect(r!.form.goals.expected).toMatch(/^年度目标：\n1、完成2021年.*\n2、加快.*\n3、为示范区/s);
  });

  it('reads the seed as LibreOffice saves it (its own XML: styles, spacing, w:val="true")', async () => {
    // test/fixtures/docx/seed-libreoffice.docx: exportDocx(seed) opened in LibreOffice 7.4, saved
    // as .odt, then saved again as Word 2007-365 .docx.
    const bytes = new Uint8Array(readFileSync(resolve(ROOT, 'test/fixtures/docx/seed-libreoffice.docx')));
    const [r] = await importDocx(bytes, 'seed-libreoffice.docx');
    expect(unequal(seedForm(), r!.form)).toEqual([]);
    expect(r!.warnings).toEqual([]);
  });

  it('round-trips several groups, blank funds rows, 元 and 安徽 labels', async () => {
    const f = form(
      [
        row({
          level1: '产出指标',
          level2: '数量指标',
          name: '修建道路',
          target: '≥10公里',
          actual: '12公里',
          weight: 20,
          score: 20,
        }),
        row({
          level1: '产出指标',
          level2: '数量指标',
          name: 'Sherif Abdelsamie 培训',
          target: '100人',
          actual: '98人',
          weight: 10,
          score: 9.8,
          deviation: '部分学员因故缺席；下一年提前通知。',
        }),
        row({
          level1: '产出指标',
          level2: '时效指标',
          name: '完工时间',
          target: '2021年6月30日前',
          actual: '2021年7月15日',
          weight: 20,
          score: 15,
          deviation: '雨季\n延误',
        }),
        row({
          level1: '效益指标',
          level2: '社会效益指标',
          name: '群众出行',
          target: '明显改善',
          actual: '明显改善',
          weight: 30,
          score: 30,
        }),
        row({
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          name: '群众满意度',
          target: '≥90%',
          actual: '95%',
          weight: 10,
          score: null,
        }),
      ],
      {
        fundsUnit: '元',
        funds: {
          total: {
            initialBudget: 1234567.89,
            annualBudget: 1300000,
            executed: 1170000,
            weight: 10,
            executionRate: 90,
            score: 9,
          },
          fiscal: null,
          carryover: { initialBudget: 0, annualBudget: 65432.1, executed: 65432.1, executionRate: 100 },
          other: null,
        },
        goals: {
          expected: '目标：\n1、修建道路10公里；\n2、培训100人。',
          actual: '完成情况：\n1、修建12公里。\n2、培训98人。',
        },
        totalWeight: 100,
        totalScore: 83.8,
      },
    );
    for (const id of ['anhui', 'national', null]) {
      expect(unequal(f, await roundTrip(f, id))).toEqual([]);
    }
  });

  it('round-trips the project lead row and a missing total score', async () => {
    const f = form([row({ target: '≥1个', actual: '1个' })], {
      projectLead: '李四',
      phone: '010-12345678',
      totalScore: null,
      totalWeight: null,
    });
    expect(unequal(f, await roundTrip(f, 'beijing'))).toEqual([]);
  });

  it('round-trips random valid forms', async () => {
    await fc.assert(
      fc.asyncProperty(arbForm, fc.constantFrom('national', 'beijing', 'anhui', 'sichuan'), async (f, id) => {
        expect(unequal(f, await roundTrip(f, id))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

// Random forms: text from characters that never spell a label of the form (no 指/标/分/名/称 …),
// amounts and scores with at most 2 decimals, as the form prints them.
const POOL =
  '城乡道路桥梁修建维护养护绿化村镇供水学校医院设备采购培训人员宣传活动平台系统升级改造河湖治理农田水利';
const word = fc.string({ unit: fc.constantFrom(...POOL), minLength: 2, maxLength: 12 });
const text = fc
  .tuple(
    word,
    fc.option(fc.integer({ min: 1, max: 9999 })),
    fc.option(fc.constantFrom('km', 'GPS', 'Wi-Fi')),
    fc.option(word),
  )
  .map(([a, n, latin, b]) =>
    [a, n === null ? '' : `${n}个`, latin ?? '', b === null ? '' : `\n${b}`].join(''),
  );
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => n / 100);

const LEVELS: Array<[string, string[]]> = [
  ['产出指标', ['数量指标', '质量指标', '时效指标', '成本指标']],
  ['效益指标', ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']],
  ['满意度指标', ['服务对象满意度指标']],
];

const arbIndicator = fc
  .record({
    group: fc.tuple(fc.nat(2), fc.nat(3)),
    name: word,
    target: text,
    actual: text,
    weight: fc.option(cents(30), { freq: 8 }),
    score: fc.option(cents(30), { freq: 8 }),
    deviation: fc.oneof(fc.constant(''), text),
  })
  .map(({ group: [i, j], ...rest }): Indicator & { order: number } => {
    const [level1, level2s] = LEVELS[i]!;
    const k = j % level2s.length;
    return { level1, level2: level2s[k]!, ...rest, order: i * 10 + k };
  });

const arbFundsRow = fc
  .record({
    initialBudget: cents(100000),
    annualBudget: cents(100000),
    executed: cents(100000),
    weight: fc.option(cents(20)),
    executionRate: fc.option(cents(200)),
    score: fc.option(cents(20)),
  })
  .map(({ weight, executionRate, score, ...amounts }) => {
    const r: FundsRow = { ...amounts };
    if (weight !== null) r.weight = weight;
    if (executionRate !== null) r.executionRate = executionRate;
    if (score !== null) r.score = score;
    return r;
  });

const arbForm: fc.Arbitrary<Form> = fc
  .record({
    year: fc.integer({ min: 2000, max: 2099 }),
    projectName: word,
    competentDepartment: word,
    implementingUnit: word,
    lead: fc.option(fc.tuple(word, fc.stringMatching(/^[0-9]{8}$/))),
    fundsUnit: fc.constantFrom('万元' as const, '元' as const),
    total: arbFundsRow,
    fiscal: fc.option(arbFundsRow),
    carryover: fc.option(arbFundsRow),
    other: fc.option(arbFundsRow),
    goals: fc.record({ expected: text, actual: text }),
    indicators: fc.array(arbIndicator, { minLength: 1, maxLength: 8 }),
    totalWeight: fc.option(cents(100), { freq: 8 }),
    totalScore: fc.option(cents(100), { freq: 8 }),
  })
  .map((r) => {
    const f: Form = {
      kind: 'project-self-evaluation',
      year: r.year,
      title: '项目支出绩效自评表',
      projectName: r.projectName,
      competentDepartment: r.competentDepartment,
      implementingUnit: r.implementingUnit,
      fundsUnit: r.fundsUnit,
      funds: { total: r.total, fiscal: r.fiscal, carryover: r.carryover, other: r.other },
      goals: r.goals,
      indicators: [...r.indicators].sort((a, b) => a.order - b.order).map(({ order: _, ...i }) => i),
      totalWeight: r.totalWeight,
      totalScore: r.totalScore,
    };
    if (r.lead) [f.projectLead, f.phone] = r.lead;
    return f;
  });
