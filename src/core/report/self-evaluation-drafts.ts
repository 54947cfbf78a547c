import type { Severity } from '../audit/types.ts';
import type { ReportSectionKey, ReportText } from '../form/schema.ts';
import { formatPercent, round2 } from '../scoring/round.ts';
import { findingLine, SEVERITY_HEADING } from './finding-words.ts';
import {
  attainment,
  fundsSentences,
  money,
  overCompletedRows,
  pts,
  type ReportInput,
  rate,
  shortfallRows,
} from './report-figures.ts';

// The narrative sections of the 项目支出绩效自评报告, drafted from the form: templates with the
// form's own figures and words filled in. Nothing is invented: where the form says nothing (a
// blank deviation note, the measures the unit will take) the draft says so in 【】 for the unit
// to fill in, and the web editor lets the unit rewrite any section (Form JSON `report`).

/** Where the unit must write something the form does not say. */
export const FILL_IN = (what: string): string => `【请填写：${what}】`;

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (i: number): string => CN_NUMBERS[i] ?? String(i + 1);

const lines = (...xs: Array<string | false | null | undefined>): string =>
  xs.filter((x): x is string => typeof x === 'string' && x !== '').join('\n');

const quoteNames = (names: string[], max = 5): string =>
  names
    .slice(0, max)
    .map((n) => `“${n}”`)
    .join('')
    .concat(names.length > max ? `等 ${names.length} 项` : '');

export function draftOverview({ form }: ReportInput): string {
  const who = [
    form.implementingUnit.trim() ? `实施单位为${form.implementingUnit.trim()}` : '',
    form.competentDepartment.trim() ? `主管部门为${form.competentDepartment.trim()}` : '',
    form.projectLead?.trim() ? `项目负责人为${form.projectLead.trim()}` : '',
  ].filter(Boolean);
  const head = `“${form.projectName.trim() || '本项目'}”为${form.year}年度项目${who.length ? `，${who.join('，')}` : ''}。`;
  const expected = form.goals.expected.trim();
  return lines(head, expected ? `项目年度预期目标：\n${expected}` : '表中未填写年度预期目标。');
}

export function draftFunds(input: ReportInput): string {
  return fundsSentences(input).join('');
}

export function draftGoals({ form }: ReportInput): string {
  const actual = form.goals.actual.trim();
  return actual ? `年度总体目标实际完成情况：\n${actual}` : '表中未填写年度总体目标的实际完成情况。';
}

export function draftConclusion(input: ReportInput): string {
  const a = attainment(input.score);
  const r = rate(input.score);
  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const warnings = input.findings.filter((f) => f.severity === 'warning').length;
  const parts: string[] = [];
  if (a.rows === 0) parts.push('表中没有绩效指标。');
  else if (a.unmet === 0)
    parts.push(
      `按评分规则判断，${a.met} 项指标达到年度指标值${a.unknown ? `，${a.unknown} 项为定性判断或无法判断` : ''}，没有判断为未达到的指标。`,
    );
  else
    parts.push(
      `按评分规则判断，${a.unmet} 项指标未达到年度指标值（见“四、偏差及原因分析”），${a.met} 项达到${a.unknown ? `，${a.unknown} 项为定性判断或无法判断` : ''}。`,
    );
  if (r !== null && (input.score.funds.rate ?? 100) < 100) parts.push(`预算执行率为${r}。`);
  if (errors + warnings > 0)
    parts.push(`审核发现 ${errors} 个错误、${warnings} 个需核实的问题，见“五、存在的问题”。`);
  return parts.join('');
}

export function draftDeviations(input: ReportInput): string {
  const { form, score } = input;
  const out: string[] = [];
  const t = form.funds.total;
  const budget = t?.annualBudget ?? t?.initialBudget;
  if (score.funds.rate !== null && score.funds.rate < 100 && t?.executed != null && budget != null) {
    out.push(
      `预算执行：全年预算数${money(form, budget)}，全年执行数${money(form, t.executed)}，执行率${formatPercent(score.funds.rate)}，未执行${money(form, round2(budget - t.executed))}。原因：${FILL_IN('未执行的原因')}`,
    );
  }
  for (const r of shortfallRows(score)) {
    const ind = form.indicators[r.index]!;
    const c = r.facts?.completion;
    const figures = [
      `年度指标值${ind.target.trim() || '（未填写）'}`,
      `实际完成值${ind.actual.trim() || '（未填写）'}`,
      c !== undefined && c < 100 ? `完成比${formatPercent(c)}` : '',
      r.facts?.daysLate ? `晚于期限 ${r.facts.daysLate} 天` : '',
    ].filter(Boolean);
    const scores = `分值${pts(r.weight)}分，自评${pts(r.selfScore)}分，规则得分${pts(r.ruleScore)}分`;
    const why = ind.deviation.trim() || `表中未填写偏差原因。${FILL_IN('偏差原因')}`;
    out.push(
      `第 ${r.index + 1} 行“${r.name}”（${r.level2 || r.level1}）：${figures.join('，')}；${scores}。偏差原因：${why}`,
    );
  }
  for (const r of overCompletedRows(input)) {
    const ind = form.indicators[r.index]!;
    const c = r.facts?.completion;
    out.push(
      `第 ${r.index + 1} 行“${r.name}”：实际完成值${ind.actual.trim()}${c !== undefined ? `为年度指标值${ind.target.trim()}的${formatPercent(c)}` : '明显超出年度指标值'}，超额较多。说明：${ind.deviation.trim() || FILL_IN('超额完成的原因，目标值是否偏低')}`,
    );
  }
  if (out.length === 0)
    return score.rows.length === 0
      ? '表中没有绩效指标，无法分析偏差。'
      : `各项指标均达到年度指标值${rate(score) ? `，预算执行率${rate(score)}` : ''}，未发现偏差。`;
  return out.map((x, i) => `${i + 1}. ${x}`).join('\n');
}

export function draftProblems(input: ReportInput): string {
  const { findings, form } = input;
  if (findings.length === 0)
    return `经按“${input.profileName}”评分规则审核，未发现算术、结构、评分、交叉核对、叙述一致性或数值方面的问题。`;
  const out: string[] = [];
  let group = 0;
  for (const severity of ['error', 'warning', 'info'] as Severity[]) {
    const list = findings.filter((f) => f.severity === severity);
    if (list.length === 0) continue;
    out.push(`（${cn(group++)}）${SEVERITY_HEADING[severity]}（${list.length} 项）`);
    list.forEach((f, i) => {
      out.push(`${i + 1}. ${findingLine(f, form)}`);
    });
  }
  return out.join('\n');
}

export function draftMeasures(input: ReportInput): string {
  const { score, findings } = input;
  const steps: string[] = [];
  const unmet = shortfallRows(score);
  if (unmet.length)
    steps.push(
      `对未达到年度指标值或未得满分的 ${unmet.length} 项指标（${quoteNames(unmet.map((r) => r.name))}），${FILL_IN('具体改进措施、责任部门和完成时限')}`,
    );
  if (score.funds.rate !== null && score.funds.rate < 100)
    steps.push(`针对预算执行率${formatPercent(score.funds.rate)}的情况，${FILL_IN('加快预算执行的措施')}`);
  const over = overCompletedRows(input);
  if (over.length)
    steps.push(
      `对实际完成值明显超出年度指标值的指标（${quoteNames(over.map((r) => r.name))}），在设定下一年度绩效目标时参考本年度实际完成情况。`,
    );
  const toFix = findings.filter((f) => f.severity !== 'info').length;
  if (toFix) steps.push(`对“五、存在的问题”所列 ${toFix} 项问题，逐项更正表中数据或补充说明。`);
  if (steps.length === 0) steps.push(`各项指标均达到年度指标值，${FILL_IN('巩固和提升项目成效的措施')}`);
  const result =
    score.ruleTotal === null
      ? '本次自评结果'
      : `本次自评结果（规则总分${pts(score.ruleTotal)}分，等级“${score.grade ?? '—'}”）`;
  return lines(
    '（一）改进措施',
    ...steps.map((s, i) => `${i + 1}. ${s}`),
    '（二）结果应用',
    `${result}报送主管部门和财政部门，作为下一年度预算安排、绩效目标设定和项目调整的参考。${FILL_IN('本单位的具体应用方式')}`,
  );
}

const DRAFTS: Record<ReportSectionKey, (input: ReportInput) => string> = {
  overview: draftOverview,
  funds: draftFunds,
  goals: draftGoals,
  conclusion: draftConclusion,
  deviations: draftDeviations,
  problems: draftProblems,
  measures: draftMeasures,
};

export const REPORT_SECTION_KEYS = Object.keys(DRAFTS) as ReportSectionKey[];

/** Every section's draft from the form's figures (ignores what the unit wrote). */
export function draftReportText(input: ReportInput): Required<ReportText> {
  const out = {} as Required<ReportText>;
  for (const k of REPORT_SECTION_KEYS) out[k] = DRAFTS[k](input);
  return out;
}

/** The text a section prints: the unit's own (Form JSON `report`), else the draft. */
export function sectionText(input: ReportInput, key: ReportSectionKey): string {
  const own = input.form.report?.[key];
  return own !== undefined ? own : DRAFTS[key](input);
}
