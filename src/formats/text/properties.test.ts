import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_TXT } from '../../../test/fixtures/build-form.ts';
import type { Form, FundsRow, Indicator } from '../../core/form/schema.ts';
import { validateForm } from '../../core/form/validate.ts';
import { importText } from './index.ts';
import { renderFlattened, renderPdfText, trimToShortLastLine } from './test-forms.ts';

const seedLines = readFileSync(SEED_TXT, 'utf8').split('\n');

const squeeze = (s: string) => s.replace(/\s/g, '');

/** Result is always a valid Form whatever the input. */
function checkTotal(text: string) {
  const r = importText(text);
  const v = validateForm(r.form);
  if (!v.ok) throw new Error(v.reason);
  for (const w of r.warnings) {
    expect(typeof w.message).toBe('string');
    expect(w.confidence).toBeGreaterThanOrEqual(0);
    expect(w.confidence).toBeLessThanOrEqual(1);
  }
}

describe('importText never throws and always returns a valid Form', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => checkTotal(s)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary lines mixing the form vocabulary', () => {
    const word = fc.constantFrom(
      '项目名称',
      '主管部门',
      '项目资金（万元）',
      '年度资金总额',
      '年度总体',
      '目标',
      '绩效指标',
      '产出指标',
      '数量指标',
      '总分',
      '2 2',
      '-',
      '93.51%',
      '｜',
      '|',
      '\t',
      ' ',
      '一级指标 二级指标',
      '经济效益指',
      '标',
      '1、',
      '：',
      '（1950年度）',
      '（2021年度）',
      '9'.repeat(40),
      '1e999',
      '其中：本年财政拨款',
      '年初预算数 全年预算数',
    );
    const line = fc
      .array(fc.oneof(word, fc.string({ maxLength: 6 })), { maxLength: 6 })
      .map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (ls) => checkTotal(ls.join('\n'))),
      { numRuns: 300 },
    );
  });

  it('on binary garbage', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) =>
        checkTotal(new TextDecoder('utf-8').decode(bytes)),
      ),
      { numRuns: 200 },
    );
  });

  it('on 1000 random line deletions, duplications and swaps of the seed', () => {
    const mutation = fc.array(
      fc.record({ op: fc.constantFrom('delete', 'duplicate', 'swap'), at: fc.nat(), to: fc.nat() }),
      { minLength: 1, maxLength: 8 },
    );
    fc.assert(
      fc.property(mutation, (ops) => {
        const lines = seedLines.slice();
        for (const { op, at, to } of ops) {
          const i = at % lines.length;
          const j = to % lines.length;
          if (op === 'delete') lines.splice(i, 1);
          else if (op === 'duplicate') lines.splice(i, 0, lines[i]!);
          else [lines[i], lines[j]] = [lines[j]!, lines[i]!];
          if (lines.length === 0) lines.push('');
        }
        checkTotal(lines.join('\n'));
      }),
      { numRuns: 1000 },
    );
  });
});

// ---- generated forms ----------------------------------------------------------------------

/** Ideographs that cannot spell a label or section word of the form (no 指/标/总/合/项/绩/金…). */
const HAN = Array.from(
  '城乡社区公共服务建设改造提升工程资源保障治理培训人员覆盖率完成情况质量经济生态环境道路桥梁水利农田学校医院养护居民',
);
const han = (min: number, max: number) =>
  fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((a) => a.join(''));
const narrative = (min: number, max: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...HAN) },
        fc.constantFrom('，', '、', '；', '。', '12', '300', '5%'),
      ),
      {
        minLength: min,
        maxLength: max,
      },
    )
    .map((a) => a.join('').replace(/^[，、；。]+/, '城'));
const amount = fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100);
const points = fc.integer({ min: 0, max: 3000 }).map((n) => n / 100);
const value = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('≥', '≤', ''),
      fc.integer({ min: 1, max: 5000 }),
      fc.constantFrom('人', '个', '%', '万元', '公里'),
    )
    .map(([c, n, u]) => `${c}${n}${u}`),
  han(2, 6),
);

const LEVELS: [string, string][] = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '经济效益指标'],
  ['效益指标', '社会效益指标'],
  ['效益指标', '生态效益指标'],
  ['效益指标', '可持续影响指标'],
  ['满意度指标', '服务对象满意度指标'],
];

function fundsRow(full: boolean): fc.Arbitrary<FundsRow> {
  return fc
    .record({
      initialBudget: amount,
      annualBudget: amount,
      executed: amount,
      executionRate: points,
      weight: points,
      score: points,
    })
    .map((r) => {
      if (full) return r;
      const { weight: _w, score: _s, ...rest } = r;
      return rest;
    });
}

function formArb(cells: {
  name: fc.Arbitrary<string>;
  target: fc.Arbitrary<string>;
  actual: fc.Arbitrary<string>;
  deviation: fc.Arbitrary<string>;
  goal: fc.Arbitrary<string>;
}): fc.Arbitrary<Form> {
  const indicator: fc.Arbitrary<Indicator> = fc
    .record({
      levels: fc.constantFrom(...LEVELS),
      name: cells.name,
      target: cells.target,
      actual: cells.actual,
      weight: points,
      score: points,
      deviation: fc.oneof(fc.constant(''), cells.deviation),
    })
    .map(({ levels, ...rest }) => ({ level1: levels[0], level2: levels[1], ...rest }));
  return fc
    .record({
      year: fc.integer({ min: 2015, max: 2035 }),
      projectName: han(2, 16),
      competentDepartment: han(2, 12),
      implementingUnit: han(2, 12),
      projectLead: fc.option(han(2, 3), { nil: undefined }),
      phone: fc.option(fc.stringMatching(/^[0-9]{3,4}-?[0-9]{7,8}$/), { nil: undefined }),
      fundsUnit: fc.constantFrom('万元' as const, '元' as const),
      total: fundsRow(true),
      fiscal: fundsRow(false),
      carryover: fc.option(fundsRow(false), { nil: null }),
      other: fc.option(fundsRow(false), { nil: null }),
      expected: cells.goal,
      actual: cells.goal,
      indicators: fc.array(indicator, { minLength: 1, maxLength: 10 }),
      totalWeight: fc.constantFrom(100, 90),
      totalScore: points,
    })
    .map((g) => {
      const form: Form = {
        kind: 'project-self-evaluation',
        year: g.year,
        title: '项目支出绩效自评表',
        projectName: g.projectName,
        competentDepartment: g.competentDepartment,
        implementingUnit: g.implementingUnit,
        fundsUnit: g.fundsUnit,
        funds: { total: g.total, fiscal: g.fiscal, carryover: g.carryover, other: g.other },
        goals: { expected: g.expected, actual: g.actual },
        indicators: g.indicators,
        totalWeight: g.totalWeight,
        totalScore: g.totalScore,
      };
      if (g.projectLead !== undefined) form.projectLead = g.projectLead;
      if (g.phone !== undefined) form.phone = g.phone;
      return form;
    });
}

describe('import(render(form)) reads back the form', () => {
  const oneLineCells = {
    name: han(2, 12),
    target: value,
    actual: value,
    deviation: han(2, 20),
    goal: han(4, 40),
  };

  it('flattened rows, cells separated by spaces', () => {
    fc.assert(
      fc.property(formArb(oneLineCells), (form) => {
        expect(importText(renderFlattened(form, ' ')).form).toEqual(form);
      }),
      { numRuns: 200 },
    );
  });

  it('flattened rows, cells separated by tabs', () => {
    fc.assert(
      fc.property(formArb(oneLineCells), (form) => {
        expect(importText(renderFlattened(form, '\t')).form).toEqual(form);
      }),
      { numRuns: 100 },
    );
  });

  it('pdftotext layout: wrapped narrative cells told apart by their wrap widths', () => {
    const widths = fc.record({
      name: fc.integer({ min: 6, max: 12 }),
      target: fc.integer({ min: 14, max: 22 }),
      extra: fc.integer({ min: 0, max: 3 }),
      deviation: fc.integer({ min: 8, max: 16 }),
      goal: fc.integer({ min: 28, max: 44 }),
      goalExtra: fc.integer({ min: 0, max: 4 }),
    });
    const narrativeCells = {
      name: han(2, 24),
      target: narrative(1, 80),
      actual: narrative(1, 90),
      deviation: narrative(2, 40),
      goal: narrative(60, 160),
    };
    fc.assert(
      fc.property(formArb(narrativeCells), widths, fc.nat(), (raw, w, seed) => {
        const pdf = {
          name: w.name,
          target: w.target,
          actual: w.target + w.extra,
          deviation: w.deviation,
          goals: [w.goal, w.goal + w.goalExtra] as [number, number],
        };
        // The splitter's cue: a cell's last line is visibly short.
        const form: Form = {
          ...raw,
          goals: {
            expected: trimToShortLastLine(raw.goals.expected, pdf.goals[0]),
            actual: trimToShortLastLine(raw.goals.actual, pdf.goals[1]),
          },
          indicators: raw.indicators.map((i) => ({
            ...i,
            name: trimToShortLastLine(i.name, pdf.name),
            target: trimToShortLastLine(i.target, pdf.target),
            actual: trimToShortLastLine(i.actual, pdf.actual),
            deviation: i.deviation && trimToShortLastLine(i.deviation, pdf.deviation),
          })),
        };
        const text = renderPdfText(form, pdf, seed);
        const got = importText(text).form;
        const { goals, indicators, ...rest } = form;
        const { goals: gotGoals, indicators: gotIndicators, ...gotRest } = got;
        expect(gotRest).toEqual(rest);
        expect(squeeze(gotGoals.expected)).toBe(squeeze(goals.expected));
        expect(squeeze(gotGoals.actual)).toBe(squeeze(goals.actual));
        expect(gotIndicators.map(shape)).toEqual(indicators.map(shape));
      }),
      { numRuns: Number(process.env.PDF_RUNS ?? 300) },
    );
  });
});

function shape(i: Indicator) {
  return {
    ...i,
    name: squeeze(i.name),
    target: squeeze(i.target),
    actual: squeeze(i.actual),
    deviation: squeeze(i.deviation),
  };
}
