import { describe, expect, it } from 'vitest';
import type { ReadGrid } from '../layout/grid.ts';
import { gridToForms } from './grid-to-form.ts';

// The grid readers (xlsx, docx, PDF, HTML) and the cell reader share templates/*.json: a
// family's own labels — 专项资金名称, 县级主管部门, 调整后预算数, 预算执行数, 全年完成值 — read in a
// spreadsheet too. Our own figures.

const grid = (rows: string[][]): ReadGrid => ({
  cells: rows,
  rowSource: rows.map((_, r) => ({ sheet: 'S', row: r + 1 })),
});

describe('grid reader with the template vocabulary', () => {
  it('reads a county special-fund sheet whose labels only the template files name', () => {
    const [r] = gridToForms(
      grid([
        ['2023年度县级专项资金绩效目标自评表', '', '', '', ''],
        ['专项资金名称', '乡村学校营养餐补助', '', '', ''],
        ['县级主管部门', '某某县教育局', '实施单位', '学生资助股', ''],
        ['项目资金（万元）', '调整后预算数', '预算执行数', '执行率', ''],
        ['年度资金总额', '64', '60.8', '95%', ''],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '全年完成值'],
        ['产出指标', '数量指标', '受助学生人数', '≥1600人', '1650人'],
        ['产出指标', '质量指标', '食品安全抽检合格率', '100%', '100%'],
      ]),
      { fileName: 'county.xlsx', defaultYear: 2023 },
    );
    const f = r!.form;
    expect(f.projectName).toBe('乡村学校营养餐补助');
    expect(f.competentDepartment).toBe('某某县教育局');
    expect(f.funds.total).toMatchObject({ annualBudget: 64, executed: 60.8, executionRate: 95 });
    expect(f.indicators.map((i) => [i.name, i.target, i.actual])).toEqual([
      ['受助学生人数', '≥1600人', '1650人'],
      ['食品安全抽检合格率', '100%', '100%'],
    ]);
  });
});
