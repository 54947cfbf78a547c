import { isProcessLevel1 } from '../../analysis/process-rows.ts';
import type { Form } from '../../form/schema.ts';
import type { Profile } from '../../rules/profile.ts';
import { round2 } from '../../scoring/round.ts';
import { type Check, type Finding, rowField } from '../types.ts';

// Level weights against the profile and the form's own totals (rules.md §1.1, §5 structure).

const same = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;

/** rules.md §1.1, §5 structure: level weights that do not add up under the profile. */
export const levelWeights: Check = {
  id: 'structure.level-weights',
  family: 'structure',
  source: 'rules.md §1.1, §5 (structure)',
  run({ form, profile, score }) {
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
    if (!score.hasWeights) return [noWeights(form.indicators.length)];
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
    // A template of the 决策–管理–产出–效益 framework names its own level-1 groups: the profile's
    // 产出/效益/满意度 split does not apply to it (rules.md §1.1 "check, don't force").
    let processFramework = false;
    for (const key of byLevel1.keys()) if (isProcessLevel1(key)) processFramework = true;
    const expected = processFramework ? null : profile.weights.level1;
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
    const indicatorsGot = round2([...byLevel1.values()].reduce((a, b) => a + b.weight, 0));
    const total = indicatorTotal(form, profile, score.funds.weight, indicatorsGot);
    if (total) out.push(total);
    // A printed label `产出指标(50分)` promises a sum (安徽 labels, rules.md §2, §5 structure).
    const promises: Array<{ label: string; points: number; row: number }> = [];
    for (const [level1, { key, row: i }] of labels) {
      const promised = labelWeight(level1);
      if (promised === null) continue;
      promises.push({ label: level1, points: promised, row: i });
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
    const labelsTotal = labelsVsTotal(form, profile, promises, byLevel1.size, score.funds.weight ?? 0);
    if (labelsTotal) out.push(labelsTotal);
    return out;
  },
};

/** The weight a level-1 label promises, `产出指标(50分)` → 50; null when it names none. */
function labelWeight(level1: string): number | null {
  const m = /[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]/.exec(level1);
  return m ? Number(m[1]) : null;
}

/** rules.md §1.1, §5 structure: one notice for a form without a 分值 column, not one per row. */
function noWeights(rows: number): Finding {
  return {
    code: 'structure.no-weights',
    family: 'structure',
    severity: 'info',
    field: 'indicators',
    message: `本表没有分值列（${rows} 个指标均未印分值）：无法计算规则分、总分与等级，规则总分留空；执行率与各指标是否达成见评分说明。`,
    evidence: { rows },
  };
}

/**
 * rules.md §1.1, §5 structure: indicator weights against the profile's split. A form whose own
 * weights add up to its total but split them differently (湖北 funds 20) is valid under its own
 * profile: a warning here. A form whose weights do not add up to its printed 总分 is left to
 * `total.weight-sum`, which names both figures.
 */
function indicatorTotal(
  form: Form,
  profile: Profile,
  scoredFunds: number | null,
  got: number,
): Finding | null {
  const fundsForScoring = scoredFunds ?? profile.weights.funds;
  const fundsOnForm = form.funds.total?.weight ?? fundsForScoring;
  const formSum = round2(got + fundsOnForm);
  if (form.totalWeight !== null && !same(formSum, form.totalWeight)) return null;
  const want = round2(profile.weights.total - fundsForScoring);
  if (same(got, want)) return null;
  const consistent = same(formSum, form.totalWeight ?? profile.weights.total);
  return {
    code: 'structure.indicator-weight-total',
    family: 'structure',
    severity: consistent ? 'warning' : 'error',
    field: 'indicators',
    message: consistent
      ? `绩效指标分值合计 ${got} 分，加预算执行率 ${fundsOnForm} 分共 ${formSum} 分，与总分相符；但按“${profile.name}”规则预算执行率 ${fundsForScoring} 分、指标合计应为 ${want} 分（rules.md §1.1：其他分配在相应地区规则下有效，此处仅提示）。`
      : `绩效指标分值合计 ${got} 分，加上预算执行率 ${fundsOnForm} 分为 ${formSum} 分，而总分应为 ${profile.weights.total} 分，即指标合计应为 ${want} 分。`,
    evidence: { sum: got, expected: want, fundsWeight: fundsOnForm, total: formSum },
  };
}

/**
 * rules.md §5 structure: level-1 labels that promise points (`产出指标(70分)`) adding up, with the
 * funds block, to more or less than the form's total (blocks summing to 110 with 总分 100).
 */
function labelsVsTotal(
  form: Form,
  profile: Profile,
  promises: ReadonlyArray<{ label: string; points: number; row: number }>,
  groups: number,
  funds: number,
): Finding | null {
  if (promises.length === 0 || promises.length < groups) return null;
  const labelled = round2(promises.reduce((a, p) => a + p.points, 0));
  const fundsWeight = form.funds.total?.weight ?? funds;
  const sum = round2(labelled + fundsWeight);
  const total = form.totalWeight ?? profile.weights.total;
  if (same(sum, total)) return null;
  const first = promises[0]!.row;
  return {
    code: 'structure.level1-labels-total',
    family: 'structure',
    severity: 'error',
    row: first,
    rows: promises.map((p) => p.row),
    field: rowField(first, 'level1'),
    message: `一级指标标签${promises.map((p) => `“${p.label}”`).join('、')}合计 ${labelled} 分，加上预算执行率 ${fundsWeight} 分为 ${sum} 分，而总分${form.totalWeight === null ? '应' : '印'}为 ${total} 分。`,
    evidence: { labels: promises.map((p) => p.label), labelled, fundsWeight, sum, total },
  };
}

export function stripWeightLabel(level1: string): string {
  return level1.replace(/[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]/, '').trim();
}
