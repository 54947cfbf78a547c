import type { Finding, Severity } from '../audit/types.ts';
import type { Form } from '../form/schema.ts';

// Audit findings in words a reader can act on: where (the row and the indicator's name, or the
// part of the form), what (the finding's own message, which quotes the figures) and what to do.

export const SEVERITY_HEADING: Record<Severity, string> = {
  error: '需要更正的错误',
  warning: '需要核实的问题',
  info: '提示',
};

export const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export const FAMILY_WORD: Record<Finding['family'], string> = {
  arithmetic: '算术',
  structure: '结构',
  scoring: '评分',
  'cross-field': '交叉核对',
  narrative: '叙述一致性',
  value: '数值',
  'target-quality': '目标质量',
  monitoring: '运行监控',
  'cross-stage': '跨阶段核对',
};

/** The most specific advice first (by code), then by code prefix, then by family. */
const ACTION_BY_CODE: Record<string, string> = {
  'funds.execution-rate-mismatch': '请按全年执行数 ÷ 全年预算数重新计算执行率（保留两位小数）。',
  'funds.score-mismatch': '请按执行率 × 分值重新计算资金执行得分。',
  'funds.sub-rows-sum': '请核对年度资金总额与其中各项资金，使总额等于各项之和。',
  'funds.total-row-empty': '请填写年度资金总额行的预算数与执行数。',
  'total.score-sum': '请核对总分，使其等于资金执行得分与各项指标得分之和。',
  'total.weight-sum': '请核对分值合计，使其等于各项分值之和。',
  'scoring.late-full-marks': '请按实际完成时间调整自评得分，并在偏差原因分析中说明延迟原因。',
  'scoring.missed-milestone-full-marks': '请报告各进度节点的完成情况，并按规则调整自评得分。',
  'scoring.missed-target-full-marks': '请按完成比例调整自评得分，并说明未完成原因。',
  'scoring.over-completion': '请在偏差原因分析中说明超额完成的原因，下一年度据实设定目标值。',
  'scoring.qualitative-band': '请使自评得分落在实际完成档次对应的得分区间内。',
  'scoring.below-rule': '自评得分低于规则得分，请核实是否有未写明的扣分理由。',
  'structure.deviation-note-missing': '请补充该指标的偏差原因分析及改进措施。',
  'structure.execution-explanation-missing': '请补充预算执行率偏低的原因说明。',
  'structure.self-score-missing': '请填写自评得分。',
  'structure.score-missing': '请填写得分。',
  'cross-field.progress-vs-execution': '请使支出进度指标的实际完成值与项目资金执行数一致。',
  'cross-field.low-execution-all-met': '请核实在预算执行率偏低的情况下各项产出是否确已全部完成。',
  'narrative.shortfall-at-full-marks': '偏差说明与得分相互矛盾：请调整得分，或修改偏差说明。',
  'narrative.number-conflict': '请核对同一事项在各处填写的数字，使之一致。',
  'value.actual-is-bound': '请填写实际测得的数值，而不是与年度指标值相同的区间写法。',
};

const ACTION_BY_FAMILY: Record<Finding['family'], string> = {
  arithmetic: '请按表中数字重新计算并更正。',
  structure: '请核对指标设置与分值结构。',
  scoring: '请按评分规则调整自评得分，或在偏差原因分析中说明理由。',
  'cross-field': '请核对相关数据，使表中各处一致。',
  narrative: '请核对叙述与表中数字，使二者一致。',
  value: '请核对并按年度指标值的计量单位填写数值。',
  'target-quality': '请按绩效目标编制要求修改该指标（指向明确、细化量化、合理可行）。',
  monitoring: '请补充偏差原因、原因说明或纠偏措施。',
  'cross-stage': '请与已批复的绩效目标核对；目标确需变更的，应按预算调整程序报批。',
};

export function actionFor(f: Finding): string {
  return ACTION_BY_CODE[f.code] ?? ACTION_BY_FAMILY[f.family];
}

/** Where a finding is: `第 17 行“定额工作经费”`, or the part of the form its field names. */
export function placeOf(f: Finding, form: Form): string {
  if (f.row !== undefined) {
    const name = form.indicators[f.row]?.name;
    return `第 ${f.row + 1} 行${name ? `“${name}”` : ''}`;
  }
  const field = f.field;
  if (field.startsWith('funds') || field.startsWith('extraFunds')) return '项目资金';
  if (field.startsWith('total')) return '总分';
  if (field.startsWith('goals')) return '年度总体目标';
  if (field.startsWith('indicators')) return '绩效指标';
  return '全表';
}

/** One finding as one line of a report: place, message, advice. */
export function findingLine(f: Finding, form: Form): string {
  const message = f.message.trim().replace(/[。；;]?$/, '。');
  return `${placeOf(f, form)}：${message}${actionFor(f)}`;
}
