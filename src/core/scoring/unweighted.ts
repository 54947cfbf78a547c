import type { AnalysedRow } from '../analysis/analyse-form.ts';
import type { Form } from '../form/schema.ts';
import { toNotation } from '../grammar/format.ts';
import { clip } from '../grammar/text.ts';
import type { Value } from '../grammar/value.ts';
import { formatPercent } from './round.ts';
import { tierName } from './row-rules/bands.ts';
import type { RowOutcome } from './row-rules/types.ts';

// Forms with no 分值 column (county 专项资金 forms and the like): nothing can be added up, but every
// row can still be read — target against actual — and the execution rate computed (rules.md §1.1:
// weights are the form's; §1.2–1.5 say what "met" means). The trail says what could not be scored
// and why, in place of a score.

/** Whether the form prints weights: at least one indicator 分值 (rules.md §1.1). */
export function hasWeights(form: Form): boolean {
  for (const i of form.indicators) if (i.weight !== null) return true;
  return form.indicators.length === 0;
}

/** Whether the form carries any self-evaluation: a row 得分, the funds 得分 or the 总分. */
export function hasSelfScores(form: Form): boolean {
  if (form.totalScore !== null || form.funds.total?.score !== undefined) return true;
  for (const i of form.indicators) if (i.score !== null) return true;
  return false;
}

const HEAD = '本表未印分值，该行不计分（rules.md §1.1）';

const show = (v: Value, text: string): string =>
  v.kind === 'quantity' || v.kind === 'deadline' || v.kind === 'schedule' ? toNotation(v) : clip(text.trim());

/** The row's trail on a form without weights: what the rules can say without points. */
export function unweightedTrail(row: AnalysedRow, o: RowOutcome): string {
  const { indicator: ind } = row;
  const pair = `目标 ${show(row.target, ind.target)}，实际 ${show(row.actual, ind.actual)}`;
  const verdict = o.met ? '已达成年度指标值' : '未达成年度指标值';
  switch (o.kind) {
    case 'not-applicable':
    case 'skipped':
      return o.trail;
    case 'quantitative': {
      const c = o.facts?.completion;
      const ratio =
        c === undefined
          ? ''
          : o.rule === 'lower-is-better'
            ? `，实际为目标的 ${formatPercent(c)}`
            : `，完成比 ${formatPercent(c)}`;
      return `${HEAD}；定量（rules.md §1.3）：${pair}${ratio}，${verdict}。`;
    }
    case 'deadline': {
      const late = o.facts?.daysLate ?? 0;
      return `${HEAD}；时效（rules.md §1.5）：${pair}，${late > 0 ? `晚于截止日期 ${late} 天，未按期完成` : '按期完成'}，${verdict}。`;
    }
    case 'schedule': {
      const missed = (o.facts?.milestones ?? []).filter((m) => m.status !== 'met').length;
      return `${HEAD}；进度节点（rules.md §1.5）：${pair}，${missed > 0 ? `${missed} 个节点未按期达到或未报告` : '全部节点按期达到'}，${verdict}。`;
    }
    case 'qualitative':
      return row.actual.kind === 'tier'
        ? `${HEAD}；定性（rules.md §1.4）：实际“${row.actual.word}”属“${tierName(row.actual.tier)}”档，${verdict}。`
        : `${HEAD}；定性（rules.md §1.4）：${pair}。`;
    case 'judgement': {
      const what =
        o.rule === 'process-judgement'
          ? '过程类指标，实际为评价结论'
          : row.actual.kind === 'narrative'
            ? '实际完成值为叙述性文字'
            : '年度指标值与实际完成值不是可比的同类数值';
      return `${HEAD}；判断行（rules.md §1.4）：${what}，是否达成须人工判断。`;
    }
    case 'unscorable':
      return `${HEAD}；无法判断是否达成：${o.trail.replace('，按 0 分计', '')}`;
  }
}

/** Rows of a form without weights, by what the rules could tell. */
export type Attainment = { rows: number; met: number; unmet: number; unknown: number };

/** The form-level statement for a form with no 分值 column. */
export function unweightedNote(rate: number | null, a: Attainment): string {
  const execution =
    rate === null
      ? '预算执行率也无法计算（年度资金总额缺少预算数或执行数）'
      : `已计算预算执行率 ${formatPercent(rate)}`;
  return (
    `本表没有分值列（${a.rows} 个指标的分值均为空）：无法按规则计算各指标得分、总分与等级，规则总分留空而非 0（rules.md §1.1）。` +
    `${execution}；逐行比较年度指标值与实际完成值：${a.met} 个已达成，${a.unmet} 个未达成` +
    `${a.unknown > 0 ? `，${a.unknown} 个须人工判断或无法判断` : ''}。`
  );
}

/** The form-level statement for a form whose self-evaluation columns are empty. */
export function unscoredNote(rows: number, lowerBound: number): string {
  return (
    `本表未填写自评得分（${rows} 个指标的得分与总分均为空）：规则分按规则与分值计算，不与自评比较（rules.md §1.3–1.5）` +
    `${lowerBound > 0 ? `；${lowerBound} 个判断行（定性、叙述、过程类）没有自评可采信，按允许区间的下限计，规则总分为下限` : ''}。`
  );
}
