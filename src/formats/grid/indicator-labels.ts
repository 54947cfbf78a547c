// The indicator table's vocabulary: column headers (with the optional columns some regions add)
// and the level labels of the merged group cells. Headings the template files add
// (templates/*.json) are read too.

import { roleOf } from '../templates/vocabulary-match.ts';

export type IndicatorCol =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation'
  | 'deduction'
  | 'nature'
  | 'unit'
  | 'valueType';

export const INDICATOR_COL_NAMES: Record<IndicatorCol, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  deviation: '偏差原因分析及改进措施',
  deduction: '扣分',
  nature: '指标性质',
  unit: '计量单位',
  valueType: '指标值类型',
};

/** The column a header cell names; order matters (`指标值类型` before `指标值`, `扣分` before `分`). */
export function indicatorColumn(key: string): IndicatorCol | null {
  if (key.includes('一级指标')) return 'level1';
  if (key.includes('二级指标')) return 'level2';
  if (key.includes('三级指标') || key === '指标名称' || key === '具体指标') return 'name';
  if (key.includes('指标值类型') || key === '指标类型' || key === '值类型') return 'valueType';
  if (key.includes('指标性质') || key === '指标方向' || key === '比较符' || key === '符号') return 'nature';
  if (key.includes('计量单位') || key === '单位' || key === '度量单位') return 'unit';
  if (key.includes('偏差') || key === '备注' || key.includes('未完成原因')) return 'deviation';
  if (key.includes('扣分')) return 'deduction';
  if (key.includes('实际完成') || key.includes('实际值') || key.includes('完成值')) return 'actual';
  if (/年度指标值|全年指标值|^指标值|目标值|预期指标值|预期值/.test(key)) return 'target';
  if (key === '分值' || key === '权重' || key.startsWith('分值') || key.startsWith('权重')) return 'weight';
  if (key.includes('得分')) return 'score';
  // the template vocabulary's column headings (`参考分值`, `全年完成值`, `得分计算方法`…)
  const v = roleOf(key, 'indicatorColumn');
  return v && v.column !== 'scoringMethod' ? (v.column as IndicatorCol) : null;
}

/** The columns that make a row the indicator table's header; extra columns do not count. */
export const CORE_COLUMNS: ReadonlySet<IndicatorCol> = new Set([
  'level1',
  'level2',
  'name',
  'target',
  'actual',
  'weight',
  'score',
  'deviation',
]);

/**
 * Level-2 words imply their level-1 when a form leaves the level-1 column out. A Map, not an
 * object literal: a cell reading `constructor` must not find Object.prototype's members.
 */
const LEVEL1_OF = new Map<string, string>([
  ['数量指标', '产出指标'],
  ['质量指标', '产出指标'],
  ['时效指标', '产出指标'],
  ['成本指标', '产出指标'],
  ['经济效益指标', '效益指标'],
  ['社会效益指标', '效益指标'],
  ['生态效益指标', '效益指标'],
  ['可持续影响指标', '效益指标'],
  ['服务对象满意度指标', '满意度指标'],
]);

/** The level-1 a level-2 word implies (`数量指标` → `产出指标`), if any. */
export function impliedLevel1(level2: string): string | undefined {
  return LEVEL1_OF.get(level2);
}

/** `产出指标(50分)` / `产出指标（50）` → `产出指标`: the weight printed beside a level label is not kept. */
const LABEL_WEIGHT = /[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$/;

export function stripLabelWeight(s: string): string {
  return s.replace(LABEL_WEIGHT, '');
}

/** The row that ends the table: `总分`, `合计`, `总分（100分）`. */
export function isTotalLabel(key: string): boolean {
  return /^(?:总分|合计|总计|自评总分|总得分|综合得分)(?:[(（].*)?$/.test(key);
}

/** Notes under the table (`注：…`, `填表人：…`) end it too. */
export function isTrailerLabel(key: string): boolean {
  return /^(?:注\d*[:：]|说明[:：]|备注[:：]|(?:填表人|填报人|审核人|单位负责人|联系人|自评等级|评价等级|等级)(?:[:：]|$))/.test(
    key,
  );
}

/** A page header or footer a PDF reader left in the grid: `第 3 页`, `- 3 -`, `第3页，共6页`. */
export function isPageMark(key: string): boolean {
  return /^(?:第\d+页(?:[,，]?共\d+页)?|-?\d+-?|\d+\/\d+)$/.test(key);
}
