import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_TXT } from '../../../test/fixtures/build-form.ts';
import type { Form } from '../../core/form/schema.ts';
import { validateForm } from '../../core/form/validate.ts';
import { importText } from './index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/text/${name}`, import.meta.url), 'utf8');
const seedText = readFileSync(SEED_TXT, 'utf8');

type Row = [string, string, string, string, string, number, number, string];
const rows = (list: Row[]) =>
  list.map(([level1, level2, name, target, actual, weight, score, deviation]) => ({
    level1,
    level2,
    name,
    target,
    actual,
    weight,
    score,
    deviation,
  }));

describe('flattened rows separated by tabs (元, 本年财政拨款, no 项目负责人, `产出指标(50分)`)', () => {
  const { form, warnings } = importText(fixture('flattened-tabs.txt'));

  it('reads the whole form', () => {
    const want: Form = {
      kind: 'project-self-evaluation',
      year: 2022,
      title: '项目支出绩效自评表',
      projectName: '社区居家养老服务补贴',
      competentDepartment: '某某区民政局',
      implementingUnit: '某某区养老服务指导中心',
      phone: '010-87654321',
      fundsUnit: '元',
      funds: {
        total: {
          initialBudget: 1200000,
          annualBudget: 1150000,
          executed: 1092500,
          weight: 10,
          executionRate: 95,
          score: 9.5,
        },
        fiscal: { initialBudget: 1200000, annualBudget: 1150000, executed: 1092500, executionRate: 95 },
        carryover: null,
        other: null,
      },
      goals: {
        expected: '为辖区80岁以上老人提供居家养老服务，服务覆盖率不低于90%。',
        actual: '已为辖区1,260名老人提供居家养老服务，覆盖率93%。',
      },
      indicators: rows([
        ['产出指标', '数量指标', '服务老人数', '≥1200人', '1260人', 20, 20, ''],
        ['产出指标', '质量指标', '服务满意率', '≥90%', '93%', 10, 10, ''],
        ['产出指标', '时效指标', '补贴发放及时率', '100%', '98%', 10, 9.8, '个别月份因系统升级延迟发放'],
        ['产出指标', '成本指标', '人均补贴标准', '≤1000元', '950元', 10, 10, ''],
        [
          '效益指标',
          '社会效益指标',
          '老人生活质量改善',
          '明显改善',
          '明显改善',
          30,
          28,
          '部分老人反馈服务时间不够灵活',
        ],
        ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '95%', 10, 10, ''],
      ]),
      totalWeight: 100,
      totalScore: 97.3,
    };
    expect(form).toEqual(want);
    expect(validateForm(form).ok).toBe(true);
  });

  it('does not warn about the missing 项目负责人 (it is optional)', () => {
    expect(form.projectLead).toBeUndefined();
    expect(warnings.filter((w) => w.path === 'projectLead')).toEqual([]);
  });
});

describe('flattened rows separated by spaces (labels only on a group’s first row)', () => {
  const { form, warnings } = importText(fixture('flattened-spaces.txt'));

  it('reads header, year from the title line, funds and goals', () => {
    expect(form.year).toBe(2021);
    expect(form.title).toBe('项目支出绩效自评表');
    expect(form.projectLead).toBe('王芳');
    expect(form.phone).toBe('0571-88886666');
    expect(form.funds.total).toEqual({
      initialBudget: 3000,
      annualBudget: 2800,
      executed: 2660,
      weight: 10,
      executionRate: 95,
      score: 9.5,
    });
    expect(form.funds.carryover).toBeNull();
    expect(form.goals).toEqual({ expected: '完成20个老旧小区改造', actual: '完成21个老旧小区改造' });
    expect(warnings).toEqual([]);
  });

  it('reads rows, inheriting labels, with deviation text after the score', () => {
    expect(form.indicators).toEqual(
      rows([
        ['产出指标', '数量指标', '改造小区数量', '20个', '21个', 20, 20, ''],
        ['产出指标', '质量指标', '竣工验收合格率', '100%', '100%', 15, 15, ''],
        [
          '产出指标',
          '时效指标',
          '完工时间',
          '2021年12月31日前',
          '2022年1月20日',
          10,
          7,
          '冬季施工受限，已调整计划',
        ],
        ['产出指标', '成本指标', '单个小区改造成本', '≤150万元', '127万元', 5, 5, ''],
        ['效益指标', '社会效益指标', '居民居住条件', '明显改善', '明显改善', 20, 20, ''],
        ['效益指标', '可持续影响指标', '设施长效管护机制', '建立', '已建立', 10, 10, ''],
        // `≥ 90%` flattened to two words is glued back into one value.
        ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '96%', 10, 9.5, ''],
      ]),
    );
    expect([form.totalWeight, form.totalScore]).toEqual([100, 96.5]);
  });
});

describe('`|`-separated (markdown-like) tables', () => {
  const { form, warnings } = importText(fixture('pipe-table.txt'));

  it('reads header cells, funds with blank cells, goals and rows with merged (blank) level cells', () => {
    expect(form.title).toBe('项目支出绩效自评表');
    expect(form.year).toBe(2023);
    expect(form.projectName).toBe('乡村道路养护工程');
    expect(form.implementingUnit).toBe('某某县公路养护中心');
    expect(form.projectLead).toBe('李明');
    expect(form.funds).toEqual({
      total: {
        initialBudget: 500,
        annualBudget: 480,
        executed: 456,
        weight: 10,
        executionRate: 95,
        score: 9.5,
      },
      fiscal: { initialBudget: 500, annualBudget: 480, executed: 456, executionRate: 95 },
      carryover: null,
      other: null,
    });
    expect(form.goals.actual).toBe('完成养护126公里，优良路率82%。');
    expect(form.indicators).toHaveLength(7);
    expect(form.indicators[2]).toEqual({
      level1: '产出指标',
      level2: '时效指标',
      name: '完成时间',
      target: '2023年11月30日前',
      actual: '2023年12月15日',
      weight: 10,
      score: 8,
      deviation: '雨季影响工期，明年提前安排',
    });
    expect(form.indicators[6]!.level2).toBe('服务对象满意度指标');
    expect([form.totalWeight, form.totalScore]).toEqual([100, 97.5]);
    expect(warnings).toEqual([]);
  });

  it('reads a row without a level-1 cell: `| 数量指标 | 培训人数 | ≥100人 | 120人 | 10 | 10 | |`', () => {
    const text = [
      '| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |',
      '| 产出指标 | | | | | | | |',
      '| 数量指标 | 培训人数 | ≥100人 | 120人 | 10 | 10 | |',
      '| 总分 | | | | | 10 | 10 | |',
    ].join('\n');
    const { form } = importText(text);
    expect(form.indicators).toEqual(
      rows([['产出指标', '数量指标', '培训人数', '≥100人', '120人', 10, 10, '']]),
    );
  });
});

describe('variants of the seed layout', () => {
  it('本年财政拨款 instead of 当年财政拨款, and no 项目负责人 line', () => {
    const text = seedText
      .replace('当年财政拨款', '本年财政拨款')
      .replace('项目负责人 郭睿 联系电话 55578007', '联系电话 55578007');
    const { form, warnings } = importText(text);
    expect(form.funds.fiscal).toEqual({
      initialBudget: 2926,
      annualBudget: 2926,
      executed: 2736,
      executionRate: 93.51,
    });
    expect(form.projectLead).toBeUndefined();
    expect(form.phone).toBe('55578007');
    expect(form.indicators).toHaveLength(28);
    expect(warnings).toEqual([]);
  });

  it('funds in 元, a level-1 label with its weight `产出指标(50分)`', () => {
    const text = seedText
      .replace('项目资金（万元）', '项目资金（元）')
      .replace('2,926.000000 2,926.000000 2,736.000000 10', '29,260,000.00 29,260,000.00 27,360,000.00 10')
      .replace('\n产出指标\n', '\n产出指标(50分)\n');
    const { form } = importText(text);
    expect(form.fundsUnit).toBe('元');
    expect(form.funds.total).toMatchObject({ initialBudget: 29260000, executed: 27360000, weight: 10 });
    expect(form.indicators[0]!.level1).toBe('产出指标');
    expect(form.indicators.map((i) => i.level1)).not.toContain('产出指标(50分)');
  });

  it('the goals label printed in the middle of the goals text (vertically centred)', () => {
    const text = seedText
      .replace('年度总体\n目标\n\n预期目标 实际完成情况\n', '预期目标 实际完成情况\n')
      .replace('\n完成情况：', '\n年度总体\n目标\n\n完成情况：');
    const { form } = importText(text);
    expect(form.goals.expected.startsWith('年度目标：')).toBe(true);
    expect(form.goals.actual.startsWith('完成情况：')).toBe(true);
    expect(form.goals.actual).not.toContain('年度总体');
  });

  it('title and year on one line, letter-spaced title', () => {
    const text = seedText.replace(
      '项目支出绩效自评表\n\n（2021年度）',
      '项 目 支 出 绩 效 自 评 表（2021年度）',
    );
    const { form } = importText(text);
    expect(form.title).toBe('项目支出绩效自评表');
    expect(form.year).toBe(2021);
  });

  it('other kinds of form by their title', () => {
    expect(importText('部门整体支出绩效自评表\n（2020年度）').form.kind).toBe('department-self-evaluation');
    expect(importText('项目绩效目标申报表\n（2020年度）').form.kind).toBe('project-target-declaration');
    expect(importText('项目绩效目标自评表\n（2020年度）').form.kind).toBe('project-self-evaluation');
  });

  it('a form inside a longer document: the lines before its title are skipped, line numbers kept', () => {
    const preamble = Array.from({ length: 500 }, (_, k) => `第${k + 1}段 工作总结内容`).join('\n');
    const { form, warnings } = importText(`${preamble}\n${seedText}`);
    expect(form.indicators).toHaveLength(28);
    expect(form.projectName).toBe('2021年中关村海外联络工作支持资金项目');
    const totalRow = seedText.split('\n').findIndex((l) => l.startsWith('总分')) + 1 + 500;
    expect(warnings.some((w) => w.message.includes('未读取'))).toBe(true);
    expect(
      importText(`${preamble}\n${seedText.replace('总分 100 99.35', '总分 100')}`).warnings.find(
        (w) => w.path === 'totalWeight',
      )?.source?.line,
    ).toBe(totalRow);
  });
});

describe('header cells', () => {
  it.each([
    ['项目名称：社区服务  主管部门：某局', '社区服务', '某局'],
    ['| 项目名称 | 社区服务 | 项目编号 | 123 |\n| 主管部门 | 某局 | | |', '社区服务', '某局'],
    ['项目名称\t社区 服务\t\n主管部门\n某局', '社区服务', '某局'],
  ])('%j', (text, projectName, department) => {
    const { form } = importText(`项目支出绩效自评表\n${text}\n项目资金（万元）`);
    expect(form.projectName).toBe(projectName);
    expect(form.competentDepartment).toBe(department);
  });
});
