import { type Form, FUNDS_KEYS } from './schema.ts';
import type { FieldIssue } from './validate.ts';

// What a form must be to be stored (not merely read): some content — a funds block or at least one
// indicator row — and no text cell longer than a printed form could hold. A reader may return a
// partial form (import-result.ts); storing one that is nothing but a 10 MB "项目名称" is refused.

/** Cap per text cell, in characters, with the label printed on the form. */
export const TEXT_CAPS = {
  title: { label: '表名', max: 200 },
  projectName: { label: '项目名称', max: 200 },
  competentDepartment: { label: '主管部门', max: 200 },
  implementingUnit: { label: '实施单位', max: 200 },
  projectLead: { label: '项目负责人', max: 100 },
  phone: { label: '联系电话', max: 50 },
  template: { label: '表样', max: 64 },
  'goals.expected': { label: '年度总体目标（预期目标）', max: 5000 },
  'goals.actual': { label: '年度总体目标（实际完成情况）', max: 5000 },
  level1: { label: '一级指标', max: 50 },
  level2: { label: '二级指标', max: 100 },
  name: { label: '三级指标', max: 200 },
  target: { label: '年度指标值', max: 1000 },
  actual: { label: '实际完成值', max: 1000 },
  deviation: { label: '偏差原因分析及改进措施', max: 2000 },
  scoringMethod: { label: '得分计算方法', max: 1000 },
  nature: { label: '指标性质', max: 100 },
  value: { label: '指标值', max: 200 },
  unit: { label: '度量单位', max: 50 },
  label: { label: '资金行名称', max: 100 },
} as const;

export const MAX_INDICATOR_ROWS = 1000;
export const MAX_EXTRA_FUNDS_ROWS = 50;

type Cap = { label: string; max: number };

const count = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

function capped(issues: FieldIssue[], path: string, text: string | undefined, cap: Cap, where = ''): void {
  if (text === undefined || text.length <= cap.max) return; // UTF-16 length ≥ characters: a quick pass
  const n = count(text);
  if (n > cap.max) {
    issues.push({
      path,
      message: `${where}“${cap.label}”（${path}）超过 ${cap.max} 字的上限（实为 ${n.toLocaleString('en-US')} 字）`,
    });
  }
}

/** Whether the funds block holds a row (the blank form has one: 年度资金总额 with a weight). */
export function hasFundsBlock(form: Form): boolean {
  return FUNDS_KEYS.some((k) => form.funds[k] !== null) || (form.extraFunds?.length ?? 0) > 0;
}

/** Every reason the form cannot be stored; empty when it can. Messages name the field in Chinese. */
export function storableIssues(form: Form): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!hasFundsBlock(form) && form.indicators.length === 0) {
    issues.push({
      path: '(根)',
      message: '自评表没有内容：至少要有资金情况（年度资金总额等）或一行绩效指标，才能保存',
    });
  }
  if (form.indicators.length > MAX_INDICATOR_ROWS)
    issues.push({
      path: 'indicators',
      message: `绩效指标超过 ${MAX_INDICATOR_ROWS} 行的上限（实为 ${form.indicators.length} 行）`,
    });
  if ((form.extraFunds?.length ?? 0) > MAX_EXTRA_FUNDS_ROWS)
    issues.push({ path: 'extraFunds', message: `其他资金行超过 ${MAX_EXTRA_FUNDS_ROWS} 行的上限` });
  for (const key of [
    'title',
    'projectName',
    'competentDepartment',
    'implementingUnit',
    'projectLead',
    'phone',
    'template',
  ] as const) {
    capped(issues, key, form[key], TEXT_CAPS[key]);
  }
  capped(issues, 'goals.expected', form.goals.expected, TEXT_CAPS['goals.expected']);
  capped(issues, 'goals.actual', form.goals.actual, TEXT_CAPS['goals.actual']);
  form.indicators.slice(0, MAX_INDICATOR_ROWS).forEach((row, i) => {
    const where = `第 ${i + 1} 行指标的`;
    for (const key of ['level1', 'level2', 'name', 'target', 'actual', 'deviation', 'scoringMethod'] as const)
      capped(issues, `indicators[${i}].${key}`, row[key], TEXT_CAPS[key], where);
    if (row.targetParts)
      for (const key of ['nature', 'value', 'unit'] as const)
        capped(issues, `indicators[${i}].targetParts.${key}`, row.targetParts[key], TEXT_CAPS[key], where);
  });
  form.extraFunds?.slice(0, MAX_EXTRA_FUNDS_ROWS).forEach((row, i) => {
    capped(issues, `extraFunds[${i}].label`, row.label, TEXT_CAPS.label, `第 ${i + 1} 个其他资金行的`);
  });
  return issues;
}

/** One sentence of the first issues, for an error message. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  const head = issues.slice(0, 3).map((i) => i.message);
  return `${head.join('；')}${issues.length > 3 ? `（另有 ${issues.length - 3} 处）` : ''}`;
}
