import { round2 } from '../../scoring/round.ts';
import { type Check, type Finding, rowField } from '../types.ts';
import { levelWeights } from './level-weights.ts';

/** rules.md §1.1 and §5: every level-3 weight > 0; a score never above its weight; labels present. */
export const rowShape: Check = {
  id: 'structure.row-shape',
  family: 'structure',
  source: 'rules.md §1.1, §5 (structure)',
  run({ form, score }) {
    const out: Finding[] = [];
    // No 分值 column, or no 得分 column filled in: one notice for the form (structure.no-weights,
    // structure.self-score-missing), not one finding per row.
    const { hasWeights, hasSelfScores } = score;
    if (hasWeights && !hasSelfScores && form.indicators.length > 0)
      out.push(selfScoreMissing(form.indicators.length));
    for (const [i, row] of form.indicators.entries()) {
      const label = row.name || `第 ${i + 1} 行`;
      if (hasWeights && (row.weight === null || row.weight <= 0)) {
        out.push({
          code: 'structure.weight-not-positive',
          family: 'structure',
          severity: 'error',
          row: i,
          field: rowField(i, 'weight'),
          message: `指标“${label}”的分值为 ${row.weight ?? '空'}，三级指标分值应大于 0。`,
          evidence: { weight: row.weight },
        });
      }
      if (row.score !== null && row.weight !== null && row.score > row.weight + 0.005) {
        out.push({
          code: 'structure.score-above-weight',
          family: 'structure',
          severity: 'error',
          row: i,
          field: rowField(i, 'score'),
          message: `指标“${label}”自评得分 ${row.score} 分高于其分值 ${row.weight} 分。`,
          evidence: { score: row.score, weight: row.weight },
        });
      }
      if (hasSelfScores && row.score === null && row.weight !== null && row.weight > 0) {
        out.push({
          code: 'structure.score-missing',
          family: 'structure',
          severity: 'warning',
          row: i,
          field: rowField(i, 'score'),
          message: `指标“${label}”未填写自评得分。`,
          evidence: {},
        });
      }
      if (!row.level1.trim() || !row.level2.trim()) {
        out.push({
          code: 'structure.missing-level',
          family: 'structure',
          severity: 'warning',
          row: i,
          field: rowField(i, row.level1.trim() ? 'level2' : 'level1'),
          message: `指标“${label}”缺少${row.level1.trim() ? '二级' : '一级'}指标名称。`,
          evidence: { level1: row.level1, level2: row.level2 },
        });
      }
      if (!row.name.trim() && !row.target.trim() && !row.actual.trim()) {
        out.push({
          code: 'structure.empty-group',
          family: 'structure',
          severity: 'warning',
          row: i,
          field: rowField(i, 'name'),
          message: `二级指标“${row.level2}”下没有任何三级指标内容。`,
          evidence: { level2: row.level2 },
        });
      }
    }
    return out;
  },
};

/** rules.md §1.3–1.5, §5: a form whose self-evaluation columns are all empty. */
function selfScoreMissing(rows: number): Finding {
  return {
    code: 'structure.self-score-missing',
    family: 'structure',
    severity: 'warning',
    field: 'totalScore',
    message: `本表未填写自评：${rows} 个指标的得分、预算执行率得分与总分均为空。规则分已按规则计算，但无法与自评比较。`,
    evidence: { rows },
  };
}

/** rules.md §1.8: a deviation note is required where the profile says so. */
export const deviationNoteRequired: Check = {
  id: 'structure.deviation-note-missing',
  family: 'structure',
  source: 'rules.md §1.8',
  run({ form, profile, score }) {
    const out: Finding[] = [];
    const rule = profile.deviationNote;
    for (const row of score.rows) {
      const indicator = form.indicators[row.index]!;
      if (indicator.deviation.trim()) continue;
      let why: string | null = null;
      if (rule.whenBelowWeight && row.selfScore !== null && row.selfScore < row.weight - 0.005) {
        why = `自评得分 ${row.selfScore} 分低于分值 ${row.weight} 分`;
      } else if (rule.whenOverTarget !== null && (row.facts?.completion ?? 0) >= rule.whenOverTarget) {
        why = `实际完成为目标的 ${round2(row.facts?.completion ?? 0)}%（≥ ${rule.whenOverTarget}%）`;
      } else if (profile.qualitative.needsNote && (row.kind === 'qualitative' || row.kind === 'judgement')) {
        why = '定性指标须附评分说明';
      }
      if (why === null) continue;
      out.push({
        code: 'structure.deviation-note-missing',
        family: 'structure',
        severity: 'warning',
        row: row.index,
        field: rowField(row.index, 'deviation'),
        message: `指标“${row.name}”${why}，按“${profile.name}”规则须填写偏差原因分析及改进措施，但该栏为空。`,
        evidence: { selfScore: row.selfScore, weight: row.weight, completion: row.facts?.completion ?? null },
      });
    }
    const rate = score.funds.rate;
    const explainBelow = rule.whenExecutionBelow ?? profile.execution.explainBelow;
    if (
      explainBelow !== null &&
      rate !== null &&
      rate < explainBelow &&
      form.indicators.every((i) => !i.deviation.trim())
    ) {
      out.push({
        code: 'structure.execution-explanation-missing',
        family: 'structure',
        severity: 'warning',
        field: 'funds.total.executionRate',
        message: `预算执行率 ${round2(rate)}% 低于 ${explainBelow}%，按“${profile.name}”规则须说明原因，但表中没有任何偏差说明。`,
        evidence: { rate: round2(rate), threshold: explainBelow },
      });
    }
    return out;
  },
};

/** 山西: a project with no cost indicator of its own gets a default cost row (rules.md §2). */
export const defaultCostRow: Check = {
  id: 'structure.no-cost-indicator',
  family: 'structure',
  source: 'rules.md §2 (shanxi)',
  run({ analysed, profile }) {
    const max = profile.rows.defaultCostRowMax;
    if (max === null || analysed.rows.length === 0 || analysed.rows.some((r) => r.isCost)) return [];
    return [
      {
        code: 'structure.no-cost-indicator',
        family: 'structure',
        severity: 'warning',
        field: 'indicators',
        message: `表中没有成本指标；按“${profile.name}”规则应设置默认成本指标，分值不超过 ${max} 分。`,
        evidence: { max },
      },
    ];
  },
};

export const STRUCTURE_CHECKS: readonly Check[] = [
  levelWeights,
  rowShape,
  deviationNoteRequired,
  defaultCostRow,
];
