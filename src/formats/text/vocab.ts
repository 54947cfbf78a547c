// The form's fixed vocabulary (glossary.md), and matching a term that a narrow cell wrapped over
// several lines (`经济效益指` + `标`, `偏差原因分析及改进` + blank + `措施`).

import { loadTemplates } from '../templates/load-templates.ts';
import { type Line, plain } from './lines.ts';

// The level terms of the template files (templates/*.json) join the line reader's own, so the
// families the cell reader knows (项目决策, 项目管理 …) are level labels here too.
const shared = loadTemplates().vocabulary;

// `成本指标` is either level (labelLevel decides), so it is listed with the level-2 terms only.
export const LEVEL1_TERMS: readonly string[] = [
  ...new Set(['产出指标', '效益指标', '满意度指标', ...shared.level1]),
].filter((t) => t !== '成本指标');

export const LEVEL2_TERMS: readonly string[] = [
  ...new Set([
    '数量指标',
    '质量指标',
    '时效指标',
    '成本指标',
    '经济效益指标',
    '社会效益指标',
    '生态效益指标',
    '可持续影响指标',
    '服务对象满意度指标',
    '经济成本指标',
    '社会成本指标',
    '生态环境成本指标',
    ...Object.values(shared.level2).flat(),
  ]),
];

/** Column titles of the indicator table; a page break repeats them. */
export const TABLE_HEADER_TERMS = [
  '绩效指标',
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '全年指标值',
  '实际完成值',
  '分值',
  '得分',
  '权重',
  '偏差原因分析及改进措施',
  '偏差原因分析及改进',
  '备注',
] as const;

export const GOALS_LABEL_TERMS = ['年度总体目标', '总体目标'] as const;

/** Blank lines a wrapped term may straddle (pdftotext leaves one or two). */
const MAX_BLANKS = 3;

export class TermSet {
  private readonly terms: Set<string>;
  private readonly prefixes = new Set<string>();
  private readonly firsts = new Set<number>();

  constructor(terms: readonly string[]) {
    this.terms = new Set(terms);
    for (const t of terms) {
      this.firsts.add(t.charCodeAt(0));
      for (let i = 1; i < t.length; i++) this.prefixes.add(t.slice(0, i));
    }
  }

  /** Cheap pre-check: can a term start with the first character of `s`? */
  mayStart(s: string): boolean {
    return this.firsts.has(s.charCodeAt(0));
  }

  has(s: string): boolean {
    return this.terms.has(s);
  }

  /** A term or the start of one (a wrapped cell's first line). */
  isPrefix(s: string): boolean {
    return this.terms.has(s) || this.prefixes.has(s);
  }

  /**
   * The longest term spelled by lines[i], lines[i+1], … (at most `maxParts` lines, each a
   * continuation of a prefix of the term; blank lines skipped only when `skipBlanks`), or null.
   */
  matchWrapped(
    lines: readonly Line[],
    i: number,
    end: number,
    skipBlanks = true,
    maxParts = 3,
  ): { term: string; next: number } | null {
    if (!this.mayStart(plain(lines[i]!))) return null;
    let acc = '';
    let best: { term: string; next: number } | null = null;
    let parts = 0;
    let blanks = 0;
    for (let k = i; k < end && parts < maxParts; k++) {
      const t = plain(lines[k]!);
      if (!t) {
        if (k === i || !skipBlanks || ++blanks > MAX_BLANKS) break;
        continue;
      }
      acc += t;
      parts++;
      if (this.terms.has(acc)) best = { term: acc, next: k + 1 };
      if (!this.prefixes.has(acc)) break;
    }
    return best;
  }
}

export const LEVEL1 = new TermSet(LEVEL1_TERMS);
export const LEVEL2 = new TermSet(LEVEL2_TERMS);
export const LEVELS = new TermSet([...LEVEL1_TERMS, ...LEVEL2_TERMS]);
export const TABLE_HEADER = new TermSet(TABLE_HEADER_TERMS);
export const GOALS_LABEL = new TermSet(GOALS_LABEL_TERMS);

/** `产出指标(50分)` / `产出指标（50）` → `产出指标`: the weight printed beside a level label is not kept. */
const LABEL_WEIGHT = /[（(]\s*\d+(?:\.\d+)?\s*分?\s*[)）]$/;

export function stripLabelWeight(s: string): string {
  // The pattern ends with a closing bracket: most cells end otherwise and skip the regex.
  const last = s.charCodeAt(s.length - 1);
  return last === 0x29 || last === 0xff09 ? s.replace(LABEL_WEIGHT, '') : s;
}

/** A label no vocabulary lists but shaped like one: a few ideographs ending in 指标. */
const GENERIC_LABEL = /^[\u4e00-\u9fff]{1,8}指标$/;

function isGenericLabel(s: string): boolean {
  // GENERIC_LABEL needs 3–10 characters ending in 指标: the cheap checks spare most cells the regex.
  return s.length >= 3 && s.length <= 10 && s.endsWith('指标') && GENERIC_LABEL.test(s);
}

export type LabelKind = 1 | 2 | 'either';

/** Level of a (squeezed, weight-stripped) cell text, or null when it is not a level label. */
export function labelLevel(s: string): LabelKind | null {
  if (s === '成本指标') return 'either'; // level 2 under 产出指标, level 1 on 2021+ forms
  if (LEVEL1.has(s)) return 1;
  if (LEVEL2.has(s)) return 2;
  if (isGenericLabel(s) && !TABLE_HEADER.has(s)) return 'either';
  return null;
}

export function isKnownLabel(s: string): boolean {
  return LEVELS.has(s);
}
