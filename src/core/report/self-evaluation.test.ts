import { describe, expect, it } from 'vitest';
import { profile, seedForm } from '../../../test/fixtures/build-form.ts';
import { cleanForm } from '../../../test/fixtures/report-forms.ts';
import { evaluateForm } from '../evaluate.ts';
import type { Form } from '../form/schema.ts';
import { documentText } from './document.ts';
import { REPORT_SECTIONS, reportTitle, selfEvaluationReport } from './self-evaluation.ts';
import { draftReportText, REPORT_SECTION_KEYS } from './self-evaluation-drafts.ts';

const national = profile('national');
const report = (form: Form) =>
  selfEvaluationReport({ form, ...evaluateForm(form, national), profileName: national.name });
const sectionOf = (form: Form, key: string) =>
  report(form).blocks.find((b) => b.type === 'paragraph' && b.section === key) as
    | { text: string }
    | undefined;

describe('项目支出绩效自评报告 (seed form)', () => {
  const form = seedForm();
  const ev = evaluateForm(form, national);
  const doc = report(form);
  const text = documentText(doc);

  it('follows the usual outline, headings numbered 一、（一）', () => {
    const headings = doc.blocks.filter((b) => b.type === 'heading').map((b) => (b as { text: string }).text);
    expect(headings).toEqual([
      '一、基本情况',
      '（一）项目概况',
      '（二）资金投入和使用情况',
      '二、绩效目标及完成情况',
      '（一）总体目标完成情况',
      '（二）各项指标完成情况',
      '三、自评结论',
      '四、偏差及原因分析',
      '五、存在的问题',
      '六、改进措施及结果应用',
    ]);
    expect(doc.title).toBe('2021年中关村海外联络工作支持资金项目支出绩效自评报告');
    expect(REPORT_SECTIONS.map((s) => s.key)).toEqual(REPORT_SECTION_KEYS);
  });

  it('quotes the figures as the form prints them', () => {
    for (const s of ['2,926.00万元', '2,736.00万元', '93.51%', '99.35', '97.72', '未执行资金190.00万元'])
      expect(text).toContain(s);
  });

  it('tables every indicator with target, actual, weight, self score and rule score', () => {
    const table = doc.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.columns.map((c) => c.title)).toEqual([
      '序号',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '自评得分',
      '规则得分',
    ]);
    expect(table.rows).toHaveLength(form.indicators.length + 2);
    expect(table.rows[0]).toEqual(['—', '预算执行', '预算执行率', '100%', '93.51%', '10', '9.35', '9.35']);
    expect(table.rows[17]).toEqual([
      '17',
      '时效指标',
      '定额工作经费',
      '2021年6月30日前拨付',
      '2021年12月20日前拨付',
      '3',
      '3',
      '2.39',
    ]);
    expect(table.rows.at(-1)).toEqual(['', '合计', '', '', '', '100', '99.35', '97.72']);
  });

  it('explains from the trail why the self total is above the rule total', () => {
    expect(text).toContain('自评总分比规则总分高 1.63 分，差异来自：');
    expect(text).toMatch(
      /1\. 第 17 行“定额工作经费”：自评3分，规则得分2\.39分。时效·截止日期.*晚于截止日期 173 天/,
    );
    expect(text).toContain('第 20 行“经费支出进度”：自评2分，规则得分1.59分');
    expect(text).not.toContain('rules.md');
  });

  it('names every flagged row among the problems, with what to do', () => {
    const problems = sectionOf(form, 'problems')!.text;
    for (const f of ev.findings) {
      expect(problems).toContain(`第 ${f.row! + 1} 行“${form.indicators[f.row!]!.name}”`);
    }
    expect(problems).toContain('（一）需要更正的错误（4 项）');
    expect(problems).toContain('请按实际完成时间调整自评得分');
  });

  it('analyses each shortfall with the form’s own deviation note, and asks where the form is silent', () => {
    const deviations = sectionOf(form, 'deviations')!.text;
    expect(deviations).toContain('偏差原因：因两委合署');
    expect(deviations).toContain('【请填写：未执行的原因】');
  });
});

describe('a form with nothing to find', () => {
  const form = cleanForm();
  const text = documentText(report(form));

  it('says so instead of leaving the sections empty', () => {
    expect(evaluateForm(form, national).findings).toEqual([]);
    expect(sectionOf(form, 'problems')!.text).toBe(
      '经按“全国通用”评分规则审核，未发现算术、结构、评分、交叉核对、叙述一致性或数值方面的问题。',
    );
    expect(sectionOf(form, 'deviations')!.text).toBe(
      '各项指标均达到年度指标值，预算执行率100.00%，未发现偏差。',
    );
    expect(text).toContain('自评总分与规则总分一致。');
  });
});

describe('edited narrative', () => {
  it('prints the unit’s text for an edited section and drafts the rest from the figures', () => {
    const form = { ...seedForm(), report: { measures: '一、加快资金拨付。\n二、按季度调度。' } };
    const doc = report(form);
    expect(sectionOf(form, 'measures')!.text).toBe('一、加快资金拨付。\n二、按季度调度。');
    expect(sectionOf(form, 'funds')!.text).toBe(
      draftReportText({ form, ...evaluateForm(form, national), profileName: national.name }).funds,
    );
    expect(documentText(doc)).toContain('按季度调度');
  });

  it('keeps an empty edited section empty (the unit cleared it on purpose)', () => {
    const form = { ...cleanForm(), report: { goals: '' } };
    expect(sectionOf(form, 'goals')!.text).toBe('');
  });
});

describe('title', () => {
  it('reads as one phrase whether or not the name ends in 项目', () => {
    expect(reportTitle('某某资金项目')).toBe('某某资金项目支出绩效自评报告');
    expect(reportTitle('某某资金')).toBe('某某资金项目支出绩效自评报告');
    expect(reportTitle('')).toBe('项目支出绩效自评报告');
  });
});
