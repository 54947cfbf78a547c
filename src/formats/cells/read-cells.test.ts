import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RIVER_FORM } from '../../../test/fixtures/cells/river-form.ts';
import { fieldAccuracy } from '../../core/form/accuracy.ts';
import type { Form, Indicator } from '../../core/form/schema.ts';
import { readCells } from './read-cells.ts';
import { LAYOUTS, ocrNoise, render, traditional } from './render-layouts.ts';

// Our own fixtures in the shapes real published forms take (../shared/corpus/notes.md describes
// the shapes; the words and figures here are invented). Each test names the layout or family.

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/cells/${name}`, import.meta.url), 'utf8');
const read = (text: string) => readCells(text, { defaultYear: 2000 });
type Row = [string, string, string, string, string, number | null, number | null, string?];
const rows = (form: Form): Row[] =>
  form.indicators.map((i: Indicator) => {
    const r: Row = [i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score];
    if (i.deviation) r.push(i.deviation);
    return r;
  });
const squash = (s: string) => s.replace(/\s+/g, '');

describe('one form printed in every layout', () => {
  for (const layout of LAYOUTS)
    for (const [variant, change] of [
      ['', (t: string) => t],
      ['OCR-damaged labels', ocrNoise],
      ['traditional characters with pinyin', traditional],
    ] as const)
      it(`${layout}${variant ? `, ${variant}` : ''}: every field read back`, () => {
        const [r] = read(change(render(RIVER_FORM, layout)));
        const wrong = fieldAccuracy(RIVER_FORM as unknown as Record<string, unknown>, r!.form).filter(
          (c) => !c.equal,
        );
        expect(wrong).toEqual([]);
        expect(r!.form.template).toBe('national-2020');
      });
});

describe('a scrambled PDF reading order (flattened, names apart from their cells)', () => {
  const [r] = read(fixture('scrambled.txt'));
  const f = r!.form;

  it('finds the header, and the 实施单位 value the extractor printed among the indicator headings', () => {
    expect(f.title).toBe('某某县项目支出绩效自评表');
    expect(f.year).toBe(2022);
    expect(f.projectName).toBe('社区路灯维修改造');
    expect(f.implementingUnit).toBe('某某县市政设施维护所');
    expect(r!.warnings.some((w) => w.path === 'implementingUnit')).toBe(true);
    expect(r!.confidence.implementingUnit).toBeLessThan(0.6);
  });

  it('gives the figures printed after both row labels to the rows in order', () => {
    expect(f.funds.total).toEqual({
      annualBudget: 48.5,
      executed: 46.08,
      weight: 10,
      executionRate: 95,
      score: 9,
    });
    expect(f.funds.fiscal).toEqual({ annualBudget: 48.5, executed: 46.08, executionRate: 95 });
    expect(f.funds.carryover).toBeNull();
  });

  it('splits two goals that only a space separates where the second restates the first', () => {
    expect(f.goals.expected).toBe('维修更换路灯不少于300盏，亮灯率达到98%以上');
    expect(squash(f.goals.actual)).toBe('维修更换路灯312盏，亮灯率达到99%');
  });

  it('pairs names with the cells printed away from them, and reads the 总分 pair printed mid-table', () => {
    expect(rows(f).map((r) => r.map((c) => (typeof c === 'string' ? squash(c) : c)))).toEqual([
      ['产出指标', '数量指标', '指标1:维修更换路灯数量', '300盏', '312盏', 20, 20],
      ['产出指标', '质量指标', '指标1:亮灯率', '98%', '99%', 15, 15],
      ['产出指标', '时效指标', '指标1:维修响应时间', '48小时', '48小时', 5, 4, '部分故障需等待配件'],
      ['产出指标', '成本指标', '指标1:单盏维修成本', '0.16万元', '0.15万元', 10, 10],
      ['效益指标', '社会效益', '指标1:夜间出行安全状况', '90%', '92%', 30, 30],
      ['满意度指标', '服务对象满意度指标', '指标1:居民满意度', '90%', '95%', 10, 10],
    ]);
    expect([f.totalWeight, f.totalScore]).toEqual([100, 98]);
  });
});

describe('a scanned form run together, with 项目决策 / 项目管理 rows and the weight before the target', () => {
  const [r] = read(fixture('process-rows.txt'));
  const f = r!.form;

  it('reads OCR-damaged labels (项Fl资金, 万兀, 实施第位) and the header cells this family adds', () => {
    expect(f.title).toBe('某某市本级部门项目支出绩效自评表');
    expect(f.year).toBe(2022);
    expect(f.competentDepartment).toBe('某某市教育局');
    expect(f.implementingUnit).toBe('某某市第三小学');
    expect(f.totalScore).toBe(96);
    expect(f.fundsUnit).toBe('万元');
    expect(f.funds.total).toEqual({
      initialBudget: 42.5,
      annualBudget: 42.5,
      executed: 42.5,
      executionRate: 100,
    });
    expect(f.template).toBe('city-process-indicators');
  });

  it('cuts figures glued to words and keeps process rows with their judgement as the actual', () => {
    expect(rows(f)).toEqual([
      ['项目决策', '项目目标', '完整性', '一', '目标明确、内容具体', 5, 5],
      ['项目决策', '项目立项', '规范性', '一', '按规定程序申报', 3, 3],
      ['项目决策', '项目立项', '必要性', '', '家长需求', 2, 2],
      ['项目管理', '投入管理', '预算执行率', '一', '100%', 10, 10],
      ['项目管理', '财务管理', '资金使用合规性', '一', '专款专用', 10, 9],
      ['项目产出', '数量指标', '服务学生人数', '860人', '860人', 20, 20],
      ['项目产出', '质量指标', '服务时长达标率', '100%', '100%', 10, 10],
      ['项目产出', '成本指标', '每生每年补助', '5百元', '5百元', 10, 10],
      ['项目效益', '社会效益指标', '家长接送压力', '明显减轻', '明显减轻', 20, 18],
      ['满意度指标', '', '家长满意度', '≥90%', '96%', 10, 10],
    ]);
  });
});

describe('四川 部门预算项目支出绩效自评表, one cell per `|` line', () => {
  const [r] = read(fixture('sichuan-pipe.txt'));
  const f = r!.form;

  it('maps the family’s own labels and keeps the funds rows the national form has no slot for', () => {
    expect(f.template).toBe('sichuan-department-budget');
    expect(f.implementingUnit).toBe('某某县文化馆');
    expect(f.funds.total).toEqual({
      initialBudget: 54,
      annualBudget: 54,
      executed: 51.3,
      executionRate: 95,
      weight: 10,
      score: 9.5,
    });
    expect(f.funds.other).toBeNull();
    expect(f.extraFunds?.map((x) => x.label)).toEqual(['财政专户管理资金', '单位资金']);
    expect(f.goals).toEqual({
      expected: '保障全县乡镇文化站免费开放，开展群众文化活动不少于120场。',
      actual: '全年开放文化站18个，开展群众文化活动136场。',
    });
  });

  it('joins a target printed over 指标性质 / 指标值 / 度量单位 and keeps its parts', () => {
    expect(f.indicators[0]).toMatchObject({
      name: '开放文化站数量',
      target: '≥18个',
      targetParts: { nature: '≥', value: '18', unit: '个' },
      actual: '18',
      weight: 30,
      score: 30,
    });
    expect(f.indicators.map((i) => i.weight)).toEqual([30, 30, 20, 10]);
    expect([f.totalWeight, f.totalScore]).toEqual([100, 99.5]);
  });
});

describe('县级专项资金绩效目标自评表 run together (no weights, no scores), in a site’s numbered chunks', () => {
  const [r] = read(fixture('county-run-together.txt'));
  const f = r!.form;

  it('reads the family’s labels and the 县级资金 row as an extra funds row', () => {
    expect(f.template).toBe('county-special-fund');
    expect(f.projectName).toBe('农村饮水安全维修');
    expect(f.projectLead).toBe('王某、李某');
    expect(f.competentDepartment).toBe('某某县水利局');
    expect(f.funds.total).toEqual({ annualBudget: 86.5, executed: 86.5, executionRate: 100 });
    expect(f.funds.fiscal).toBeNull();
    expect(f.extraFunds).toEqual([
      { label: '县级资金', annualBudget: 86.5, executed: 86.5, executionRate: 100 },
    ]);
  });

  it('reads every row across the chunk markers, with no weight or score', () => {
    expect(rows(f).map((x) => x.slice(2, 5))).toEqual([
      ['维修供水工程处数', '25处', '25处'],
      ['受益人口', '12000人', '12500人'],
      ['工程验收合格率', '100%', '100%'],
      ['维修完成及时率', '≥95%', '100%'],
      ['单处维修成本', '≤3.5万元', '3.46万元'],
      ['农村供水保证率', '≥95%', '96%'],
      ['供水设施正常运行年限', '≥5年', '≥5年'],
      ['受益群众满意度', '≥90%', '95%'],
    ]);
    expect(f.indicators.every((i) => i.weight === null && i.score === null)).toBe(true);
    expect(f.totalWeight).toBeNull();
  });
});

describe('several forms on one page, one cell per line', () => {
  const forms = read(fixture('two-forms-lines.txt'));

  it('returns each form, the first one broken off by the site', () => {
    expect(forms.map((r) => r.form.projectName)).toEqual(['农村电影放映补助', '农家书屋图书更新']);
    const f = forms[1]!.form;
    expect(f.competentDepartment).toBe('');
    expect(f.funds.total).toEqual({
      initialBudget: 12,
      annualBudget: 12,
      executed: 11.4,
      weight: 10,
      executionRate: 95,
      score: 9.5,
    });
    expect(f.funds.fiscal).toEqual({
      initialBudget: 12,
      annualBudget: 12,
      executed: 11.4,
      executionRate: 95,
    });
  });

  it('does not read the cell the text stops in, and says so', () => {
    const r = forms[1]!;
    expect(r.form.goals.expected).toBe('为全县86个农家书屋更新图书，每个书屋更新不少于100册。');
    expect(r.form.goals.actual).toBe('');
    expect(r.warnings.map((w) => w.message).join()).toContain('没有写完');
  });
});

describe('a document that prints the title and year once, then form after form', () => {
  it('gives the later forms the title and year of the first, and says so', () => {
    const forms = read(
      '项目支出绩效自评表(2022 年度)项目名称甲项目主管部门某局实施单位某站' +
        '项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额202020101009.9' +
        '项目名称乙项目主管部门某局实施单位某所项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额404040101009.9',
    );
    expect(forms.map((r) => [r.form.projectName, r.form.title, r.form.year])).toEqual([
      ['甲项目', '项目支出绩效自评表', 2022],
      ['乙项目', '项目支出绩效自评表', 2022],
    ]);
    expect(
      forms[1]!.warnings
        .filter((w) => w.path === 'year')
        .map((w) => w.message)
        .join(),
    ).toContain('沿用');
  });
});

describe('a page with a summary before the form, one cell per paragraph', () => {
  const [r] = read(fixture('prose-then-form.txt'));

  it('reads the form, not the figures of the prose above its title', () => {
    const f = r!.form;
    expect(f.projectName).toBe('基本公共卫生服务补助');
    expect(f.totalScore).toBeNull();
    expect(f.funds.total).toEqual({
      initialBudget: 350,
      annualBudget: 350,
      executed: 341.2,
      weight: 10,
      executionRate: 97.49,
      score: 9.7,
    });
  });
});

describe('绩效目标自评表 run together, weight before the target, 项目负责人及电话', () => {
  const [r] = read(fixture('weight-first-run-together.txt'));
  const f = r!.form;

  it('takes the title nearest the form, not the notice’s attachment line', () => {
    expect(f.title).toBe('绩效目标自评表');
    expect(f.template).toBe('target-self-evaluation');
    expect([f.projectLead, f.phone]).toEqual(['刘某', '13800000000(办公)']);
  });

  it('cuts run-together figures by the arithmetic (202010100.00%10 style)', () => {
    expect(f.funds.total).toEqual({
      annualBudget: 50,
      executed: 50,
      weight: 10,
      executionRate: 100,
      score: 10,
    });
    expect(f.funds.fiscal).toEqual({ annualBudget: 50, executed: 50 });
  });

  it('reads rows whose weight comes first, and leaves out the footnote after 总分', () => {
    expect(rows(f).map((x) => [x[2], x[3], x[4], x[5], x[6]])).toEqual([
      ['改造渠道长度', '≥12公里', '12公里', 20, 20],
      ['工程验收合格率', '100%', '100%', 20, 20],
      ['按期完工率', '≥90%', '100%', 10, 10],
      ['项目总投资', '50万元', '50万元', 10, 10],
      ['受益农户数', '≥500户', '520户', 15, 15],
      ['灌溉保证率', '明显提升', '明显提升', 15, 15],
      ['受益农户满意度', '≥90%', '95%', 10, 10],
    ]);
    expect([f.totalWeight, f.totalScore]).toEqual([100, 100]);
  });
});

describe('what is not a form', () => {
  it('returns nothing for text with no form labels', () => {
    expect(read('今天天气很好，我们去公园散步。')).toEqual([]);
    expect(read('')).toEqual([]);
  });
});
