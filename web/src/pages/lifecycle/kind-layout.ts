import type { Form, FormKind, Indicator } from '../../../../src/core/form/schema.ts';

// The printed layout of each lifecycle kind as data (lifecycle.md §2.1–2.3): which header fields,
// funds columns, goal cells and indicator columns the official table prints. The sheet renders
// whatever is listed here, so a kind's layout is read in one place and tested without a browser.

export type ColumnType = 'text' | 'number' | 'select' | 'bool' | 'list';

export type Column = {
  /** the indicator field (Form JSON v1.2 row key). */
  key: keyof Indicator;
  label: string;
  type: ColumnType;
  options?: readonly string[];
  /** the column is written by the stage before (shown, not typed, on later stages). */
  carried?: boolean;
  width?: string;
};

export type HeaderField = { key: keyof Form; label: string; wide?: boolean; options?: readonly string[] };

export type FundsColumn = {
  key: 'initialBudget' | 'annualBudget' | 'executed' | 'executedToDate' | 'forecastExecuted' | 'weight';
  label: string;
};

export type FundsRowKey = 'total' | 'fiscal' | 'carryover' | 'other' | 'basic' | 'project';

export type GoalCell = { key: 'midTerm' | 'expected' | 'progress' | 'adjusted' | 'actual'; label: string };

export type KindLayout = {
  title: string;
  header: readonly HeaderField[];
  fundsTitle: string;
  fundsRows: readonly { key: FundsRowKey; label: string }[];
  fundsColumns: readonly FundsColumn[];
  /** 执行率 column: computed from executed (or executed to date) over 全年预算数. */
  fundsRate: 'executed' | 'executedToDate' | null;
  goals: readonly GoalCell[];
  columns: readonly Column[];
};

/** 计算符号 (lifecycle.md §1). */
export const COMPARATORS = ['≥', '＞', '＝', '＜', '≤', '定性', '不适用'] as const;
/** 取值依据 (101号, lifecycle.md §2.1). */
export const VALUE_BASES = ['计划标准', '行业标准', '历史标准', '其他标准'] as const;
/** 完成目标可能性 (136号, lifecycle.md §2.2). */
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
/** 偏差原因 (136号, lifecycle.md §2.2). */
export const DEVIATION_CAUSES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export const MONITORING_TYPES = ['部门监控', '重点监控'] as const;
export const PROJECT_ATTRIBUTES = ['新增项目', '延续项目'] as const;

const PROJECT_HEADER: readonly HeaderField[] = [
  { key: 'projectName', label: '项目名称' },
  { key: 'projectCode', label: '项目编码' },
  { key: 'competentDepartment', label: '主管部门' },
  { key: 'implementingUnit', label: '实施单位' },
];

const LEVELS: readonly Column[] = [
  { key: 'level1', label: '一级指标', type: 'text', width: '8%' },
  { key: 'level2', label: '二级指标', type: 'text', width: '9%' },
  { key: 'name', label: '三级指标', type: 'text', width: '15%' },
];

export const LAYOUTS: Readonly<Record<Exclude<FormKind, 'project-self-evaluation'>, KindLayout>> = {
  'project-target-declaration': {
    title: '项目支出绩效目标申报表',
    header: [
      ...PROJECT_HEADER,
      { key: 'projectAttribute', label: '项目属性', options: PROJECT_ATTRIBUTES },
      { key: 'projectCategory', label: '项目类别' },
      { key: 'startDate', label: '项目起始时间' },
      { key: 'endDate', label: '项目终止时间' },
      { key: 'projectLead', label: '项目负责人' },
      { key: 'phone', label: '联系电话' },
      { key: 'basis', label: '立项依据', wide: true },
    ],
    fundsTitle: '项目资金',
    fundsRows: [
      { key: 'total', label: '年度资金总额' },
      { key: 'fiscal', label: '其中：财政拨款' },
      { key: 'carryover', label: '上年结转资金' },
      { key: 'other', label: '其他资金' },
    ],
    fundsColumns: [{ key: 'annualBudget', label: '年度金额' }],
    fundsRate: null,
    goals: [
      { key: 'midTerm', label: '中期目标' },
      { key: 'expected', label: '年度目标' },
    ],
    columns: [
      ...LEVELS,
      { key: 'comparator', label: '计算符号', type: 'select', options: COMPARATORS, width: '6%' },
      { key: 'target', label: '指标值', type: 'text', width: '9%' },
      { key: 'unit', label: '计量单位', type: 'text', width: '6%' },
      { key: 'weight', label: '分值', type: 'number', width: '5%' },
      { key: 'explanation', label: '指标解释', type: 'text' },
      { key: 'valueBasis', label: '取值依据', type: 'select', options: VALUE_BASES, width: '8%' },
      { key: 'evidenceRequired', label: '佐证资料要求', type: 'text' },
    ],
  },
  'project-monitoring': {
    title: '项目支出绩效运行监控表',
    header: [
      ...PROJECT_HEADER,
      { key: 'monitoringType', label: '绩效监控类型', options: MONITORING_TYPES },
      { key: 'projectLead', label: '项目负责人' },
    ],
    fundsTitle: '项目资金',
    fundsRows: [
      { key: 'total', label: '年度资金总额' },
      { key: 'fiscal', label: '其中：财政拨款' },
      { key: 'carryover', label: '上年结转资金' },
      { key: 'other', label: '其他资金' },
    ],
    fundsColumns: [
      { key: 'initialBudget', label: '年初预算数' },
      { key: 'annualBudget', label: '全年预算数' },
      { key: 'executedToDate', label: '执行数' },
      { key: 'forecastExecuted', label: '全年预计执行数' },
    ],
    fundsRate: 'executedToDate',
    goals: [
      { key: 'expected', label: '年度总体目标' },
      { key: 'progress', label: '执行情况' },
    ],
    columns: [
      ...LEVELS,
      { key: 'target', label: '年度指标值', type: 'text', carried: true, width: '9%' },
      { key: 'progress', label: '当前完成值', type: 'text', width: '9%' },
      { key: 'forecast', label: '全年预计完成情况', type: 'text', width: '9%' },
      { key: 'likelihood', label: '完成目标可能性', type: 'select', options: LIKELIHOODS, width: '8%' },
      { key: 'deviationCauses', label: '偏差原因', type: 'list', options: DEVIATION_CAUSES, width: '9%' },
      { key: 'deviationNote', label: '原因说明', type: 'text' },
    ],
  },
  'department-self-evaluation': {
    title: '部门整体支出绩效自评表',
    header: [
      { key: 'department', label: '部门（单位）名称' },
      { key: 'departmentCode', label: '部门编码' },
      { key: 'financeDivision', label: '财政处室' },
      { key: 'contact', label: '部门联系人' },
      { key: 'phone', label: '联系电话' },
    ],
    fundsTitle: '部门预算执行情况',
    fundsRows: [
      { key: 'total', label: '年度资金总额' },
      { key: 'fiscal', label: '其中：财政拨款' },
      { key: 'other', label: '其他资金' },
      { key: 'basic', label: '按支出类型：基本支出' },
      { key: 'project', label: '项目支出' },
    ],
    fundsColumns: [
      { key: 'initialBudget', label: '年初预算数' },
      { key: 'annualBudget', label: '全年预算数' },
      { key: 'executed', label: '全年执行数' },
      { key: 'weight', label: '分值' },
    ],
    fundsRate: 'executed',
    goals: [
      { key: 'expected', label: '年初目标' },
      { key: 'adjusted', label: '全年（调整）目标' },
      { key: 'actual', label: '实际完成情况' },
    ],
    columns: [
      ...LEVELS,
      { key: 'isCore', label: '是否核心指标', type: 'bool', width: '5%' },
      { key: 'comparator', label: '指标性质', type: 'select', options: COMPARATORS, width: '5%' },
      { key: 'initialTarget', label: '年初指标值', type: 'text', width: '8%' },
      { key: 'target', label: '调整指标值', type: 'text', width: '8%' },
      { key: 'unit', label: '度量单位', type: 'text', width: '5%' },
      { key: 'actual', label: '全年完成值', type: 'text', width: '8%' },
      { key: 'scoreRate', label: '得分系数(%)', type: 'number', width: '6%' },
      { key: 'weight', label: '分值', type: 'number', width: '5%' },
      { key: 'score', label: '得分', type: 'number', width: '5%' },
      { key: 'deviation', label: '偏差原因', type: 'text' },
    ],
  },
};

export function layoutOf(kind: FormKind): KindLayout | null {
  return kind === 'project-self-evaluation' ? null : LAYOUTS[kind];
}

/** A blank row of a lifecycle kind: the v1 fields every kind keeps, empty (schema.ts v1.2 note). */
export function blankRow(kind: FormKind, level1 = '', level2 = ''): Indicator {
  const row: Indicator = {
    level1,
    level2,
    name: '',
    target: '',
    actual: '',
    weight: null,
    score: null,
    deviation: '',
  };
  if (kind === 'project-target-declaration') return { ...row, comparator: '≥', unit: '' };
  if (kind === 'project-monitoring') return { ...row, progress: '', likelihood: '' };
  if (kind === 'department-self-evaluation') return { ...row, initialTarget: '', scoreRate: null };
  return row;
}

/** 得分 of a department row: 得分系数 × 分值 (lifecycle.md §4.4, 重庆). */
export function departmentRowScore(row: Indicator): number | null {
  if (row.scoreRate === null || row.scoreRate === undefined || row.weight === null) return null;
  return Math.round(row.scoreRate * row.weight) / 100;
}

/** 1–N月 periods offered for a monitoring form (profile setting, lifecycle.md §5 Periods). */
export function monitoringPeriods(months: readonly number[] | undefined): number[] {
  const list = months && months.length > 0 ? [...months] : [6, 7, 8];
  return list.sort((a, b) => a - b);
}

export const periodLabel = (m: number) => `1–${m}月`;

// A new declaration starts with the national level-1/level-2 skeleton (88号, lifecycle.md §2.1);
// a department form with the management items its framework prints (重庆, §2.3).
const DECLARATION_SKELETON: ReadonlyArray<[string, string]> = [
  ['产出指标', '数量指标'],
  ['产出指标', '质量指标'],
  ['产出指标', '时效指标'],
  ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'],
  ['满意度指标', '服务对象满意度指标'],
];
const DEPARTMENT_SKELETON: ReadonlyArray<[string, string, string]> = [
  ['预算管理', '预算执行', '预算调整率'],
  ['预算管理', '预算执行', '结转结余率'],
  ['履职效能', '重点工作', ''],
  ['满意度', '服务对象满意度', ''],
];

export function newLifecycleForm(
  kind: Exclude<FormKind, 'project-self-evaluation'>,
  base: Form,
  input: { asOfMonth?: number; department?: string },
): Form {
  const layout = LAYOUTS[kind];
  const funds = { total: null, fiscal: null, carryover: null, other: null };
  if (kind === 'project-target-declaration')
    return {
      ...base,
      kind,
      title: layout.title,
      funds,
      version: 1,
      status: 'draft',
      goals: { expected: '', actual: '', midTerm: '' },
      indicators: DECLARATION_SKELETON.map(([l1, l2]) => blankRow(kind, l1, l2)),
      totalWeight: null,
      totalScore: null,
    };
  if (kind === 'project-monitoring')
    return {
      ...base,
      kind,
      title: layout.title,
      funds,
      asOfMonth: input.asOfMonth ?? 7,
      monitoringType: '部门监控',
      goals: { expected: '', actual: '', progress: '' },
      indicators: DECLARATION_SKELETON.map(([l1, l2]) => blankRow(kind, l1, l2)),
      totalWeight: null,
      totalScore: null,
    };
  return {
    ...base,
    kind,
    title: layout.title,
    projectName: '',
    department: input.department ?? base.competentDepartment,
    funds: { ...funds, basic: null, project: null },
    goals: { expected: '', actual: '', adjusted: '' },
    indicators: DEPARTMENT_SKELETON.map(([l1, l2, name]) => ({ ...blankRow(kind, l1, l2), name })),
    totalWeight: null,
    totalScore: null,
  };
}
