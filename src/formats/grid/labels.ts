// The form's fixed vocabulary (glossary.md), as the parser finds it by content. Every matcher takes
// a `labelKey` (no whitespace, half-width ASCII, no trailing colon).

import type { FormKind, FundsKey } from '../../core/form/schema.ts';
import { kindOfTitle } from '../lifecycle/vocabulary.ts';
import { endsWithTitle, roleOf } from '../templates/vocabulary-match.ts';

// Each matcher below also consults the template vocabulary (templates/*.json, shared with the
// cell reader): a label a region's template file adds is a label here too.

const STANDARD_HEADER = new Set<string>([
  'projectName',
  'competentDepartment',
  'implementingUnit',
  'projectLead',
  'phone',
]);

export type HeaderKey = 'projectName' | 'competentDepartment' | 'implementingUnit' | 'projectLead' | 'phone';

// Longest first: `项目实施单位` before `实施单位`, `项目负责人` before `负责人`.
const HEADER_LABELS: readonly (readonly [string, HeaderKey])[] = [
  ['项目实施单位', 'implementingUnit'],
  ['项目负责人', 'projectLead'],
  ['项目名称', 'projectName'],
  ['主管部门', 'competentDepartment'],
  ['主管单位', 'competentDepartment'],
  ['预算部门', 'competentDepartment'],
  ['实施单位', 'implementingUnit'],
  ['联系电话', 'phone'],
  ['联系方式', 'phone'],
  ['负责人', 'projectLead'],
];

export const HEADER_NAMES: Record<HeaderKey, string> = {
  projectName: '项目名称',
  competentDepartment: '主管部门',
  implementingUnit: '实施单位',
  projectLead: '项目负责人',
  phone: '联系电话',
};

/** A header label cell: the whole cell (`项目名称`), or label and value in one cell (`项目名称：某项目`). */
export function headerLabel(key: string, rawText: string): { key: HeaderKey; inlineValue: string } | null {
  for (const [label, k] of HEADER_LABELS) {
    if (key === label) return { key: k, inlineValue: '' };
    if (key.startsWith(label)) {
      const m = new RegExp(`^\\s*${[...label].join('\\s*')}\\s*[:：]\\s*(.+)$`, 's').exec(rawText);
      if (m) return { key: k, inlineValue: m[1]!.trim() };
    }
  }
  const v = roleOf(key, 'header');
  if (v && STANDARD_HEADER.has(v.role)) return { key: v.role as HeaderKey, inlineValue: '' };
  if (v?.role === 'leadAndPhone') return { key: 'projectLead', inlineValue: '' };
  return null;
}

export function isAnyHeaderLabel(key: string): boolean {
  return HEADER_LABELS.some(([label]) => key === label) || roleOf(key, 'header') !== null;
}

/** The title line: short, names a 绩效 table (`项目支出绩效自评表`, `2021年度项目绩效目标自评表`). */
export function isTitle(key: string): boolean {
  if (key.length > 50) return false;
  const t = cleanTitle(key);
  return (
    !/[:：]/.test(t) &&
    t.length >= 5 &&
    t.length <= 30 &&
    ((t.includes('绩效') && /表$|评价$|评价报告$/.test(t)) || endsWithTitle(t))
  );
}

const YEAR_IN_PARENS = /[（(]\s*((?:19|20)\d{2}|2100)\s*年度?\s*[)）]/;
const YEAR_WORD = /((?:19|20)\d{2}|2100)\s*年度/;
export const ANY_YEAR = /((?:19|20)\d{2}|2100)\s*年/;

/** `（2021年度）` or `2021年度` in a cell; null otherwise. */
export function yearIn(text: string): number | null {
  const m = YEAR_IN_PARENS.exec(text) ?? YEAR_WORD.exec(text);
  return m ? Number(m[1]) : null;
}

/** The title without its year and attachment marks: `附件2：2021年度项目支出绩效自评表` → `项目支出绩效自评表`. */
export function cleanTitle(key: string): string {
  return key
    .replace(/^附件\d*[:：]?/, '')
    .replace(YEAR_IN_PARENS, '')
    .replace(YEAR_WORD, '')
    .replace(/[（(]\s*[)）]/g, '');
}

/** The kind a title names: core's one rule (lifecycle.md §2), shared by every reader. */
export function kindOf(title: string): FormKind {
  return kindOfTitle(title);
}

// ── funds ──────────────────────────────────────────────────────────────────────────────

export type FundsCol = 'initialBudget' | 'annualBudget' | 'executed' | 'weight' | 'executionRate' | 'score';

export const FUNDS_COL_NAMES: Record<FundsCol, string> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  weight: '分值',
  executionRate: '执行率',
  score: '得分',
};

/** A funds column header; `执行率` is tested before `执行数` would claim it. */
export function fundsColumn(key: string): FundsCol | null {
  if (key.includes('年初预算')) return 'initialBudget';
  if (key.includes('执行率')) return 'executionRate';
  if (/全年预算|调整后?预算|年度预算/.test(key)) return 'annualBudget';
  if (/全年执行|执行数|实际支出|支出数/.test(key)) return 'executed';
  if (key === '分值' || key === '权重' || key.startsWith('分值')) return 'weight';
  if (key.includes('得分')) return 'score';
  const v = roleOf(key, 'fundsColumn');
  return v && v.column !== 'note' ? (v.column as FundsCol) : null;
}

export const FUNDS_ROW_NAMES: Record<FundsKey, string> = {
  total: '年度资金总额',
  fiscal: '当年财政拨款',
  carryover: '上年结转资金',
  other: '其他资金',
};

/** The funds row a label names: `其中：当年财政拨款`, `本年财政拨款` → fiscal. */
export function fundsRowLabel(key: string): FundsKey | null {
  const k = key.replace(/^其中[:：]?/, '');
  if (/资金总额|资金合计|^合计$|^总计$/.test(k)) return 'total';
  if (/财政拨款|财政资金|财政补助/.test(k)) return 'fiscal';
  if (/上年结转|结转资金|结余/.test(k)) return 'carryover';
  if (/其他资金|^其他$|自筹/.test(k)) return 'other';
  const v = roleOf(k, 'fundsRow');
  return v && v.row !== 'extra' ? (v.row as FundsKey) : null;
}

/** `项目资金（万元）`, `（单位：元）`, `金额单位：万元`. */
export function fundsUnitIn(key: string): '万元' | '元' | null {
  const m = /[(（](?:(?:金额)?单位[:：])?(万元|元)[)）]/.exec(key) ?? /单位[:：](万元|元)/.exec(key);
  if (!m) return null;
  if (!key.includes('资金') && !key.includes('单位')) return null;
  return m[1] === '元' ? '元' : '万元';
}

export function isFundsBlockLabel(key: string): boolean {
  return key.startsWith('项目资金') || key.startsWith('资金情况') || key.startsWith('预算执行情况');
}

// ── goals ──────────────────────────────────────────────────────────────────────────────

export function isGoalsLabel(key: string): boolean {
  return (
    key === '年度总体目标' ||
    key === '总体目标' ||
    key === '年度总体目标完成情况' ||
    key === '年度目标' ||
    roleOf(key, 'goals') !== null
  );
}

export function isExpectedHeader(key: string): boolean {
  return (
    key === '预期目标' ||
    key === '年度预期目标' ||
    key === '预期' ||
    key === '绩效目标' ||
    roleOf(key, 'goalsExpected') !== null
  );
}

export function isActualHeader(key: string): boolean {
  return (
    key === '实际完成情况' ||
    key === '目标实际完成情况' ||
    key === '实际完成' ||
    key === '完成情况' ||
    roleOf(key, 'goalsActual') !== null
  );
}
