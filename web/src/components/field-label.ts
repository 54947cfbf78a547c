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
  const funds = /^funds\.(total|fiscal|carryover|other)(?:\.(\w+))?/.exec(path);
  if (funds) {
    const rowName = { total: s.total, fiscal: s.fiscal, carryover: s.carryover, other: s.other }[
      funds[1] as 'total'
    ];
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
  };
  return map[key] ?? key;
}
