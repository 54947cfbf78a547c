import type { Form } from '../../../src/core/form/schema.ts';
import type { Strings } from '../app/strings.ts';

// A Form JSON path in the words of the printed table: `indicators[3].actual` → 第 4 行“动态信息”·
// 实际完成值. Used by the audit panel, comments, import warnings and revision diffs.

export function fieldLabel(path: string, t: Strings, form?: Form): string {
  const s = t.sheet;
  const row = /^indicators\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (row) {
    const i = Number(row[1]);
    const name = form?.indicators[i]?.name.trim();
    const head = `${s.row(i + 1)}${name ? `“${name.length > 14 ? `${name.slice(0, 13)}…` : name}”` : ''}`;
    const col = row[2] ? columnLabel(row[2], t) : '';
    return col ? `${head} · ${col}` : head;
  }
  const funds = /^funds\.(total|fiscal|carryover|other|basic|project)(?:\.(\w+))?/.exec(path);
  if (funds) {
    const rowName = {
      total: s.total,
      fiscal: s.fiscal,
      carryover: s.carryover,
      other: s.other,
      basic: '基本支出',
      project: '项目支出',
    }[funds[1] as 'total'];
    const col = funds[2] ? columnLabel(funds[2], t) : '';
    return `${s.funds} · ${rowName}${col ? ` · ${col}` : ''}`;
  }
  const report = /^report\.(\w+)$/.exec(path);
  if (report) {
    const sections = t.report.sections as Record<string, string>;
    return `${t.report.fieldLabel} · ${sections[report[1]!] ?? report[1]}`;
  }
  const simple: Record<string, string> = {
    projectName: s.projectName,
    competentDepartment: s.competentDepartment,
    implementingUnit: s.implementingUnit,
    projectLead: s.projectLead,
    phone: s.phone,
    'goals.expected': `${s.goals} · ${s.expected}`,
    'goals.actual': `${s.goals} · ${s.actual}`,
    'goals.midTerm': `${s.goals} · 中期目标`,
    'goals.progress': `${s.goals} · 执行情况`,
    'goals.adjusted': `${s.goals} · 全年（调整）目标`,
    projectCode: '项目编码',
    startDate: '项目起始时间',
    endDate: '项目终止时间',
    basis: '立项依据',
    asOfMonth: '监控期间',
    correctiveActions: '纠偏措施',
    department: '部门（单位）名称',
    goals: s.goals,
    totalScore: `${s.totalRow} · ${s.score}`,
    totalWeight: `${s.totalRow} · ${s.weight}`,
    indicators: s.indicators,
    year: s.yearLabel,
    title: s.formTitle,
    fundsUnit: s.funds,
    report: t.report.fieldLabel,
    '': t.review.wholeForm,
  };
  return simple[path] ?? path;
}

function columnLabel(key: string, t: Strings): string {
  const s = t.sheet;
  const map: Record<string, string> = {
    level1: s.level1,
    level2: s.level2,
    name: s.name,
    target: s.target,
    actual: s.actualValue,
    weight: s.weight,
    score: s.score,
    deviation: s.deviation,
    deduction: s.deduction,
    initialBudget: s.initialBudget,
    annualBudget: s.annualBudget,
    executed: s.executed,
    executionRate: s.executionRate,
    comparator: '计算符号',
    unit: '计量单位',
    initialTarget: '年初指标值',
    explanation: '指标解释',
    valueBasis: '取值依据',
    evidenceRequired: '佐证资料要求',
    evidence: '佐证材料',
    progress: '当前完成值',
    forecast: '全年预计完成情况',
    likelihood: '完成目标可能性',
    deviationCauses: '偏差原因',
    deviationNote: '原因说明',
    scoreRate: '得分系数',
    isCore: '是否核心指标',
    executedToDate: '执行数',
    forecastExecuted: '全年预计执行数',
  };
  return map[key] ?? key;
}
