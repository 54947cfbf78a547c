import { round2 } from '../../scoring/round.ts';
import { type Check, type Finding, rowField } from '../types.ts';

const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** rules.md §1.1, §5 structure: level weights that do not add up under the profile. */
export const levelWeights: Check = {
  id: 'structure.level-weights',
  family: 'structure',
  source: 'rules.md §1.1, §5 (structure)',
  run({ form, profile }) {
    const out: Finding[] = [];
    if (form.indicators.length === 0) {
      return [
        {
          code: 'structure.no-indicators',
          family: 'structure',
          severity: 'error',
          field: 'indicators',
          message: '表中没有任何绩效指标，无法评分。',
          evidence: {},
        },
      ];
    }
    const byLevel1 = new Map<string, { weight: number; rows: number[] }>();
    // Rows repeat a few level-1 labels: each label as printed is stripped (and its promised sum
    // checked, below) once, at the first row that prints it.
    const labels = new Map<string, { key: string; row: number }>();
    for (const [i, row] of form.indicators.entries()) {
      let label = labels.get(row.level1);
      if (!label) {
        label = { key: stripWeightLabel(row.level1), row: i };
        labels.set(row.level1, label);
      }
      const key = label.key;
      const entry = byLevel1.get(key) ?? { weight: 0, rows: [] };
      entry.weight = round2(entry.weight + (row.weight ?? 0));
      entry.rows.push(i);
      byLevel1.set(key, entry);
    }
    const expected = profile.weights.level1;
    if (expected) {
      for (const [level1, want] of Object.entries(expected)) {
        const got = byLevel1.get(level1);
        if (!got) {
          if (level1.includes('满意度') && profile.weights.missingSatisfaction === 'ignore') continue;
          out.push({
            code: level1.includes('满意度') ? 'structure.missing-satisfaction' : 'structure.missing-level1',
            family: 'structure',
            severity: 'warning',
            field: 'indicators',
            message: `表中没有“${level1}”，按“${profile.name}”规则该项应占 ${want} 分（rules.md §1.1、§4.1：不做折算，仅提示）。`,
            evidence: { level1, expected: want },
          });
          continue;
        }
        if (!same(got.weight, want)) {
          out.push({
            code: 'structure.level1-weight',
            family: 'structure',
            severity: 'warning',
            row: got.rows[0]!,
            rows: got.rows,
            field: rowField(got.rows[0]!, 'weight'),
            message: `“${level1}”各指标分值合计 ${got.weight} 分，按“${profile.name}”规则应为 ${want} 分。`,
            evidence: { level1, sum: got.weight, expected: want },
          });
        }
      }
    }
    const indicatorsWant = profile.weights.total - profile.weights.funds;
    const indicatorsGot = round2([...byLevel1.values()].reduce((a, b) => a + b.weight, 0));
    if (!same(indicatorsGot, indicatorsWant)) {
      out.push({
        code: 'structure.indicator-weight-total',
        family: 'structure',
        severity: 'error',
        field: 'indicators',
        message: `绩效指标分值合计 ${indicatorsGot} 分，加上预算执行率 ${profile.weights.funds} 分应为 ${profile.weights.total} 分，即指标合计应为 ${indicatorsWant} 分。`,
        evidence: { sum: indicatorsGot, expected: indicatorsWant },
      });
    }
    // A printed label `产出指标(50分)` promises a sum (安徽 labels, rules.md §2, §5 structure).
    for (const [level1, { key, row: i }] of labels) {
      const m = /[（(](\d+(?:\.\d+)?)分[)）]/.exec(level1);
      if (!m) continue;
      const promised = Number(m[1]);
      const got = byLevel1.get(key)?.weight ?? 0;
      if (!same(promised, got)) {
        out.push({
          code: 'structure.level1-label-weight',
          family: 'structure',
          severity: 'error',
          row: i,
          field: rowField(i, 'level1'),
          message: `一级指标标签“${level1}”写明 ${promised} 分，但其下各指标分值合计 ${got} 分。`,
          evidence: { label: level1, promised, sum: got },
        });
      }
    }
    return out;
  },
};

export function stripWeightLabel(level1: string): string {
  return level1.replace(/[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]/, '').trim();
}

/** rules.md §1.1 and §5: every level-3 weight > 0; a score never above its weight; labels present. */
export const rowShape: Check = {
  id: 'structure.row-shape',
  family: 'structure',
  source: 'rules.md §1.1, §5 (structure)',
  run({ form }) {
    const out: Finding[] = [];
    for (const [i, row] of form.indicators.entries()) {
      const label = row.name || `第 ${i + 1} 行`;
      if (row.weight === null || row.weight <= 0) {
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
      if (row.score === null && row.weight !== null && row.weight > 0) {
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
