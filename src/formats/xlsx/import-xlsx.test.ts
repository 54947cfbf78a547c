import { describe, expect, it } from 'vitest';
import { form, row, seedForm } from '../../../test/fixtures/build-form.ts';
import { type CellSpec, workbookOf } from '../../../test/fixtures/xlsx/workbook.ts';
import { compareForms } from '../../core/form/compare.ts';
import type { Form } from '../../core/form/schema.ts';
import { FormatError } from '../format-error.ts';
import { readGridOf } from '../grid/from-export-grid.ts';
import { formGrid } from '../layout/form-grid.ts';
import { importXlsx } from './import-xlsx.ts';

const unequal = (expected: Form, actual: Form) => compareForms(expected, actual).filter((c) => !c.equal);
const money = (value: number): CellSpec => ({ value, numFmt: '#,##0.000000' });
const pct = (value: number): CellSpec => ({ value, numFmt: '0.00%' });

/** A template as a WPS user fills it in: a blank column A, values typed as numbers, 扣分 and 计量单位 columns. */
function wpsTemplate(): CellSpec[][] {
  return [
    [],
    [null, '项目支出绩效自评表'],
    [null, '（2023年度）'],
    [null, '项目名称', '社区养老服务', null, null, null, '', null, null],
    [null, '主管部门', '民政局', null, null, '实施单位', '养老服务中心'],
    [null, '联系电话', 13912345678],
    [null, '项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, null, '年度资金总额', money(120), money(100), money(93.5), 10, pct(0.935), 9.35],
    [null, null, '其中：当年财政拨款', money(120), money(100), money(93.5), '-', pct(0.935), '-'],
    [null, null, '上年结转资金', null, null, null, null, null, null],
    [null, null, '其他资金', null, null, null, null, null, null],
    [null, '年度总体目标', '预期目标', null, null, '实际完成情况'],
    [null, null, '年度目标：\n1、服务老人\n500人次', null, null, '完成情况：\n1、服务老人520人次'],
    [
      null,
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '计量单位',
      '实际完成值',
      '分值',
      '扣分',
      '得分',
      '偏差原因分析及改进措施',
    ],
    [null, '产出指标(50分)', '数量指标', '服务人次', 500, '人次', 520, 30, null, 30, null],
    [null, null, '质量指标', '投诉率', '≤1%', null, '0.5%', '二十', 2, 18, '个别投诉'],
    [null, '效益指标', '社会效益指标', '老人获得感', '提升', null, '提升', 30, null, 30, null],
    [null, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', null, '96%', 10, null, 10, null],
    [null, '总分', null, null, null, null, null, 90, null, 87.35, null],
  ];
}

const WPS_MERGES = [
  'B2:K2',
  'B3:K3',
  'C4:K4',
  'B7:B11',
  'B12:B13',
  'C12:E12',
  'F12:K12',
  'C13:E13',
  'F13:K13',
  'B15:B16',
  'B19:G19',
];

describe('importXlsx', () => {
  it('reads a WPS-style template: other columns, typed numbers, percent formats, 扣分, 计量单位', async () => {
    const bytes = await workbookOf([{ name: '自评表', rows: wpsTemplate(), merges: WPS_MERGES }]);
    const [r, ...rest] = await importXlsx(bytes, 'wps.xlsx');
    expect(rest).toEqual([]);
    const f = r!.form;
    expect([f.title, f.year, f.projectName, f.competentDepartment, f.implementingUnit]).toEqual([
      '项目支出绩效自评表',
      2023,
      '社区养老服务',
      '民政局',
      '养老服务中心',
    ]);
    expect(f.projectLead).toBeUndefined();
    expect(f.phone).toBe('13912345678');
    expect(f.funds.total).toEqual({
      initialBudget: 120,
      annualBudget: 100,
      executed: 93.5,
      weight: 10,
      executionRate: 93.5,
      score: 9.35,
    });
    expect(f.funds.fiscal).toEqual({
      initialBudget: 120,
      annualBudget: 100,
      executed: 93.5,
      executionRate: 93.5,
    });
    expect([f.funds.carryover, f.funds.other]).toEqual([null, null]);
    expect(f.goals).toEqual({
      expected: '年度目标：\n1、服务老人500人次',
      actual: '完成情况：\n1、服务老人520人次',
    });
    expect(
      f.indicators.map((i) => [
        i.level1,
        i.level2,
        i.name,
        i.target,
        i.actual,
        i.weight,
        i.score,
        i.deduction,
      ]),
    ).toEqual([
      // the 计量单位 column joins the target as printed; the actual stays as its own cell printed it
      ['产出指标', '数量指标', '服务人次', '500人次', '520', 30, 30, undefined],
      ['产出指标', '质量指标', '投诉率', '≤1%', '0.5%', null, 18, 2],
      ['效益指标', '社会效益指标', '老人获得感', '提升', '提升', 30, 30, undefined],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '96%', 10, 10, undefined],
    ]);
    expect([f.totalWeight, f.totalScore]).toEqual([90, 87.35]);
    // text in 分值: a warning naming the sheet, the row and the cell, and what was expected
    const w = r!.warnings.find((x) => x.path === 'indicators[1].weight');
    expect(w?.source).toEqual({ sheet: '自评表', row: 16, cell: 'H16' });
    expect(w?.message).toBe('工作表“自评表” 第16行 单元格H16 分值：应为数字，实为“二十”，已按空白读取');
  });

  it('reads 元 and the 本年财政拨款 label, and a header with no 项目负责人 row', async () => {
    const rows = wpsTemplate();
    rows[6]![1] = '项目资金（元）';
    rows[8]![2] = '其中：本年财政拨款';
    const [r] = await importXlsx(await workbookOf([{ name: 'S', rows, merges: WPS_MERGES }]), 'yuan.xlsx');
    expect(r!.form.fundsUnit).toBe('元');
    expect(r!.form.funds.fiscal?.executed).toBe(93.5);
  });

  it('reads several forms stacked in one sheet, each from its title row', async () => {
    const second = form([row({ target: '1个', actual: '1个' })], { projectName: '第二个项目', year: 2022 });
    const rows = [...readGridOf(formGrid(seedForm())).cells, [], ...readGridOf(formGrid(second)).cells];
    const results = await importXlsx(await workbookOf([{ name: '汇总', rows }]), 'stacked.xlsx');
    expect(results).toHaveLength(2);
    expect(unequal(seedForm(), results[0]!.form)).toEqual([]);
    expect(unequal(second, results[1]!.form)).toEqual([]);
    expect(results[1]!.warnings.every((w) => w.source?.sheet === '汇总')).toBe(true);
  });

  it('skips hidden sheets and sheets that hold no form', async () => {
    const rows = readGridOf(formGrid(seedForm())).cells;
    const bytes = await workbookOf([
      { name: '说明', rows: [['填表说明'], ['1. 金额单位为万元']] },
      { name: '旧版', rows, state: 'hidden' },
      { name: '自评表', rows },
    ]);
    const results = await importXlsx(bytes, 'three.xlsx');
    expect(results).toHaveLength(1);
    expect(unequal(seedForm(), results[0]!.form)).toEqual([]);
  });

  it('refuses a workbook with no form: not-a-form', async () => {
    const bytes = await workbookOf([
      {
        name: 'Sheet1',
        rows: [
          ['姓名', '年龄'],
          ['张三', 30],
        ],
      },
    ]);
    const e = await importXlsx(bytes, 'people.xlsx').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FormatError);
    expect((e as FormatError).code).toBe('not-a-form');
    expect((e as FormatError).message).toContain('people.xlsx');
  });
});
