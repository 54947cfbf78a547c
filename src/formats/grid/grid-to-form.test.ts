import { describe, expect, it } from 'vitest';
import { form, profile, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { compareForms } from '../../core/form/compare.ts';
import type { Form } from '../../core/form/schema.ts';
import { validateForm } from '../../core/form/validate.ts';
import { formGrid } from '../layout/form-grid.ts';
import type { ReadGrid } from '../layout/grid.ts';
import { readGridOf } from './from-export-grid.ts';
import { gridToForms } from './grid-to-form.ts';

const unequal = (expected: Form, actual: Form) => compareForms(expected, actual).filter((c) => !c.equal);

function grid(rows: string[][], numbers?: Map<string, number>): ReadGrid {
  const g: ReadGrid = { cells: rows, rowSource: rows.map((_, r) => ({ sheet: 'S', row: r + 1 })) };
  if (numbers) g.numbers = numbers;
  return g;
}

describe('gridToForms', () => {
  it('reads the official layout of the seed back to the seed', () => {
    const results = gridToForms(readGridOf(formGrid(seedForm(), profile('beijing'))), {
      fileName: 'seed.xlsx',
    });
    expect(results).toHaveLength(1);
    expect(unequal(seedForm(), results[0]!.form)).toEqual([]);
    expect(results[0]!.warnings).toEqual([]);
  });

  it('reads anhui labels: 产出指标(50分), 本年财政拨款, 元', () => {
    const f = form(
      [
        row({
          level1: '产出指标',
          level2: '数量指标',
          target: '≥10个',
          actual: '12个',
          weight: 30,
          score: 30,
        }),
        row({
          level1: '产出指标',
          level2: '时效指标',
          target: '年底前',
          actual: '年底前',
          weight: 20,
          score: 20,
        }),
        row({
          level1: '效益指标',
          level2: '社会效益指标',
          target: '提升',
          actual: '提升',
          weight: 30,
          score: 28,
        }),
      ],
      { fundsUnit: '元', totalScore: 87 },
    );
    const text = readGridOf(formGrid(f, profile('anhui')));
    expect(text.cells.flat()).toContain('产出指标(50分)');
    const [r] = gridToForms(text, { fileName: 'a.xlsx' });
    expect(unequal(f, r!.form)).toEqual([]);
  });

  it('ends the table at 总分 and notes only where they stand left of the indicator columns', () => {
    const f = form([
      row({ level1: '产出指标', level2: '数量指标', name: '总分提升', target: '1个', actual: '1个' }),
      row({ level1: '产出指标', level2: '数量指标', name: '等级评定', target: '1个', actual: '1个' }),
    ]);
    const g = readGridOf(formGrid(f));
    g.cells.push(['填表人：张三', '', '', '', '', '', '', '', '']);
    g.rowSource.push({ row: g.cells.length });
    const [r] = gridToForms(g, { fileName: 'h.xlsx' });
    expect(unequal(f, r!.form)).toEqual([]);
  });

  it('finds columns by their headers, wherever they are, with extra columns', () => {
    const rows = [
      ['', '项目绩效目标自评表', '', '', '', '', '', '', '', '', ''],
      ['', '（2022年度）'],
      ['', '项目名称：乡村道路养护'],
      ['', '主管部门', '交通局', '', '实施单位', '公路站'],
      ['', '项目资金（元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '', '年度资金总额', '1,000.00', '1,000.00', '950.00', '10', '95.00%', '9.5'],
      ['', '', '其中：本年财政拨款', '1,000.00', '1,000.00', '950.00', '-', '95.00%', '-'],
      ['', '', '上年结转资金'],
      ['', '', '其他资金'],
      ['', '年度总体目标', '预期目标', '', '', '实际完成情况'],
      ['', '', '养护道路\n20公里', '', '', '养护道路20\n公里'],
      [
        '',
        '一级指标',
        '二级指标',
        '三级指标',
        '指标性质',
        '年度指标值',
        '计量单位',
        '实际完成值',
        '分值',
        '扣分',
        '得分',
        '偏差原因分析及改进措施',
      ],
      ['', '产出指标(60分)', '数量指标', '养护里程', '≥', '20', '公里', '20', '30', '', '30', ''],
      ['', '', '', '巡查次数', '≥', '12', '次', '十二', '20', '1', '19', ''],
      ['', '', '时效指标', '完成时间', '', '2022年底前', '', '2022年底前', '10', '', '10', ''],
      ['', '满意度指标', '服务对象满意度指标', '群众满意度', '≥', '90', '%', '92', '10', '', '10', ''],
      ['', '总分', '', '', '', '', '', '', '70', '', '69', ''],
      ['', '填表人：张三'],
    ];
    const [r] = gridToForms(grid(rows), { fileName: 'b.xlsx' });
    const f = r!.form;
    expect(f.title).toBe('项目绩效目标自评表');
    expect(f.year).toBe(2022);
    expect(f.projectName).toBe('乡村道路养护');
    expect(f.projectLead).toBeUndefined();
    expect(f.fundsUnit).toBe('元');
    expect(f.funds.total).toEqual({
      initialBudget: 1000,
      annualBudget: 1000,
      executed: 950,
      weight: 10,
      executionRate: 95,
      score: 9.5,
    });
    expect(f.funds.fiscal).toEqual({
      initialBudget: 1000,
      annualBudget: 1000,
      executed: 950,
      executionRate: 95,
    });
    expect(f.funds.carryover).toBeNull();
    expect(f.goals).toEqual({ expected: '养护道路20公里', actual: '养护道路20公里' });
    expect(
      f.indicators.map((i) => [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score]),
    ).toEqual([
      ['产出指标', '数量指标', '养护里程', '≥20公里', '20', 30, 30],
      ['产出指标', '数量指标', '巡查次数', '≥12次', '十二', 20, 19],
      ['产出指标', '时效指标', '完成时间', '2022年底前', '2022年底前', 10, 10],
      ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '92', 10, 10],
    ]);
    // v1.1: the target's three printed columns are kept apart as well
    expect(f.indicators[0]!.targetParts).toEqual({ nature: '≥', value: '20', unit: '公里' });
    expect(f.indicators[2]!.targetParts).toBeUndefined();
    expect(f.indicators[1]!.deduction).toBe(1);
    expect(f.indicators[0]!.deduction).toBeUndefined();
    expect([f.totalWeight, f.totalScore]).toEqual([70, 69]);
  });

  it('fills a missing level-1 from the level-2 word, and never from Object.prototype', () => {
    const rows = [
      ['项目支出绩效自评表'],
      ['项目名称', '乡村道路养护'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['', 'constructor', '巡查次数', '≥12次', '12次', '20', '20'],
      ['', '数量指标', '养护里程', '≥20公里', '20公里', '30', '30'],
      ['总分', '', '', '', '', '50', '50'],
    ];
    const [r] = gridToForms(grid(rows), { fileName: 'b.xlsx' });
    const levels = r!.form.indicators.map((i) => [i.level1, i.level2]);
    expect(levels).toEqual([
      ['', 'constructor'],
      ['产出指标', '数量指标'],
    ]);
    expect(validateForm(r!.form).ok).toBe(true);
  });

  it('warns with sheet, row and cell when a number cell holds text', () => {
    const g = readGridOf(formGrid(seedForm()), { sheet: '自评表' });
    const h = g.cells.findIndex((r) => r.includes('一级指标'));
    g.cells[h + 1]![6] = '两分';
    const [r] = gridToForms(g, { fileName: 'c.xlsx' });
    expect(r!.form.indicators[0]!.weight).toBeNull();
    const w = r!.warnings.find((x) => x.path === 'indicators[0].weight');
    expect(w?.source).toEqual({ sheet: '自评表', row: h + 2, cell: `G${h + 2}` });
    expect(w?.message).toContain('应为数字');
    expect(w?.message).toContain('两分');
  });

  it('reads stored numbers: a percent stored as a fraction', () => {
    const rows = readGridOf(formGrid(seedForm())).cells;
    const r = rows.findIndex((x) => x.includes('年度资金总额'));
    const numbers = new Map([[`${r},7`, 0.9351]]);
    rows[r]![7] = '93.51%';
    const [res] = gridToForms(grid(rows, numbers), { fileName: 'd.xlsx' });
    expect(res!.form.funds.total?.executionRate).toBe(93.51);
    rows[r]![7] = '0.9351';
    const [res2] = gridToForms(grid(rows, numbers), { fileName: 'd.xlsx' });
    expect(res2!.form.funds.total?.executionRate).toBe(93.51);
  });

  it('splits stacked forms at their titles, and returns [] for a grid with no form', () => {
    const a = readGridOf(formGrid(seedForm())).cells;
    const other = form([row({ target: '1个', actual: '1个' })], { projectName: '第二个项目', year: 2022 });
    const b = readGridOf(formGrid(other)).cells;
    const stacked = [...a, [], ['说明：无'], ...b];
    const results = gridToForms(grid(stacked), { fileName: 'e.xlsx' });
    expect(results.map((x) => x.form.projectName)).toEqual([seedForm().projectName, '第二个项目']);
    expect(unequal(other, results[1]!.form)).toEqual([]);
    expect(
      gridToForms(
        grid([
          ['hello', 'world'],
          ['1', '2'],
        ]),
        { fileName: 'f.xlsx' },
      ),
    ).toEqual([]);
  });

  it('joins a row continued after a page break and skips a repeated header', () => {
    const g = readGridOf(formGrid(seedForm()));
    const h = g.cells.findIndex((r) => r.includes('一级指标'));
    const header = g.cells[h]!.slice();
    const tail = ['', '', '', '', '（续）', '', '', '', ''];
    g.cells.splice(h + 3, 0, ['第 1 页，共 2 页'], header, tail);
    // page 1 down to the second indicator, page 2 from the repeated header on
    g.rowSource = g.cells.map((_, r) => ({ page: r < h + 4 ? 1 : 2, row: r + 1 }));
    const [r] = gridToForms(g, { fileName: 'g.pdf' });
    expect(r!.form.indicators).toHaveLength(seedForm().indicators.length);
    expect(r!.form.indicators[1]!.target).toBe('140家次（续）');
    expect(r!.warnings.map((w) => w.source?.page)).toEqual([2]);
    // without pages (xlsx, docx) such a row is an indicator of its own
    g.rowSource = g.cells.map((_, r) => ({ row: r + 1 }));
    const [x] = gridToForms(g, { fileName: 'g.docx' });
    expect(x!.form.indicators).toHaveLength(seedForm().indicators.length + 1);
  });
});

describe('layout variants', () => {
  it('reads goals stacked in one column (预期目标 above 实际完成情况)', () => {
    const rows = readGridOf(formGrid(seedForm())).cells;
    const g = rows.findIndex((r) => r[0] === '年度总体目标');
    rows.splice(g, 2, ['年度总体目标', '预期目标', '修路\n20公里'], ['', '实际完成情况', '已修路', '22公里']);
    const [r] = gridToForms(grid(rows), { fileName: 'v.xlsx' });
    expect(r!.form.goals).toEqual({ expected: '修路20公里', actual: '已修路22公里' });
    expect(r!.form.indicators).toHaveLength(seedForm().indicators.length);
  });

  it('splits stacked forms without titles at their 项目名称 rows, years from their year lines', () => {
    const a = readGridOf(formGrid(seedForm())).cells.slice(1);
    const other = form([row({ target: '1个', actual: '1个' })], { projectName: '第二个项目', year: 2022 });
    const b = readGridOf(formGrid(other)).cells.slice(1);
    const results = gridToForms(grid([...a, [], ...b]), { fileName: 'w.xlsx' });
    expect(results.map((x) => [x.form.projectName, x.form.year])).toEqual([
      [seedForm().projectName, 2021],
      ['第二个项目', 2022],
    ]);
    expect(results[1]!.form.indicators).toHaveLength(1);
  });
});

describe('title variants', () => {
  it('takes 附件 marks and years out of the title', () => {
    for (const [printed, title, year] of [
      ['附件2：项目支出绩效自评表', '项目支出绩效自评表', 2021],
      ['2019年度项目绩效目标自评表', '项目绩效目标自评表', 2019],
      ['项目支出绩效自评表（2020年度）', '项目支出绩效自评表', 2020],
    ] as const) {
      const g = readGridOf(formGrid(seedForm()));
      g.cells[0]![0] = printed;
      if (printed.includes('年度')) g.cells[1]![0] = '';
      const [r] = gridToForms(g, { fileName: 'x.xlsx' });
      expect([r!.form.title, r!.form.year]).toEqual([title, year]);
    }
  });
});
