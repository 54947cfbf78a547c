import { toNotation } from '../../grammar/format.ts';
import { round2 } from '../../scoring/round.ts';
import type { RowScore } from '../../scoring/score-form.ts';
import { type Check, type Finding, rowField } from '../types.ts';

function aboveRuleMessage(row: RowScore, target: string, actual: string): { code: string; message: string } {
  const max = row.band?.max ?? row.ruleScore ?? 0;
  const head = `指标“${row.name}”`;
  switch (row.rule) {
    case 'late-deadline':
      return {
        code: 'scoring.late-full-marks',
        message: `${head}目标“${target}”，实际“${actual}”，晚于截止日期 ${row.facts?.daysLate ?? '?'} 天，按规则最高 ${max} 分，却自评 ${row.selfScore} 分。`,
      };
    case 'missed-milestone': {
      const missed = (row.facts?.milestones ?? []).filter((m) => m.status !== 'met');
      const list = missed.map((m) => toNotation({ kind: 'schedule', milestones: [m.milestone] })).join('、');
      return {
        code: 'scoring.missed-milestone-full-marks',
        message: `${head}目标含进度节点“${list}”，实际“${actual}”未报告或未达到该节点，按规则最高 ${max} 分，却自评 ${row.selfScore} 分。`,
      };
    }
    case 'qualitative-tier':
      return {
        code: 'scoring.qualitative-band',
        message: `${head}实际“${actual}”对应的档次得分区间为 ${row.band?.min}–${max} 分，自评 ${row.selfScore} 分超出该区间。`,
      };
    case 'higher-is-better':
    case 'equality':
    case 'lower-is-better':
      if (row.met === false && row.selfScore !== null && row.selfScore >= row.weight - 0.005) {
        const c = row.facts?.completion;
        const how =
          row.rule === 'lower-is-better'
            ? `实际超过目标${c === undefined ? '' : `（为目标的 ${round2(c)}%）`}`
            : `实际未达到目标${c === undefined ? '' : `（完成比 ${round2(c)}%）`}`;
        return {
          code: 'scoring.missed-target-full-marks',
          message: `${head}目标“${target}”，实际“${actual}”，${how}，却自评满分 ${row.selfScore} 分；按规则应得 ${max} 分。`,
        };
      }
      return above(head, row, target, actual, max);
    default:
      return above(head, row, target, actual, max);
  }
}

function above(head: string, row: RowScore, target: string, actual: string, max: number) {
  return {
    code: 'scoring.above-formula',
    message: `${head}目标“${target}”，实际“${actual}”，按规则（${row.rule}）应得 ${max} 分，却自评 ${row.selfScore} 分。`,
  };
}

/**
 * rules.md §1.3–1.5, §5 scoring: a self-score above what the rule allows; under-scoring as info.
 * A missed quantitative target at full marks (actual below a `≥` target, score = weight) gets its
 * own code, `scoring.missed-target-full-marks` (rules.md §5: "a met target given less than full
 * marks" and its converse).
 */
export const selfScoreVsRule: Check = {
  id: 'scoring.self-vs-rule',
  family: 'scoring',
  source: 'rules.md §1.3–1.5, §5 (scoring)',
  run({ form, score }) {
    const out: Finding[] = [];
    for (const row of score.rows) {
      if (row.selfScore === null || row.ruleScore === null || !row.band || row.kind === 'unscorable')
        continue;
      const ind = form.indicators[row.index]!;
      if (row.selfScore > row.band.max + 0.005) {
        const { code, message } = aboveRuleMessage(row, ind.target, ind.actual);
        out.push({
          code,
          family: 'scoring',
          severity: 'error',
          row: row.index,
          field: rowField(row.index, 'score'),
          message,
          evidence: {
            selfScore: row.selfScore,
            allowedMax: row.band.max,
            ruleScore: row.ruleScore,
            rule: row.rule,
            trail: row.trail,
          },
        });
      } else if (row.selfScore < row.band.min - 0.005) {
        out.push({
          code: 'scoring.below-rule',
          family: 'scoring',
          severity: 'info',
          row: row.index,
          field: rowField(row.index, 'score'),
          message: `指标“${row.name}”按规则可得 ${row.band.min} 分${row.band.min === row.band.max ? '' : '以上'}，自评仅 ${row.selfScore} 分（自评偏低）。`,
          evidence: { selfScore: row.selfScore, allowedMin: row.band.min, rule: row.rule },
        });
      }
    }
    return out;
  },
};

/** rules.md §1.3: actual ≥ 120% (广西 130%) of target gets full marks but the target may be too low. */
export const overCompletion: Check = {
  id: 'scoring.over-completion',
  family: 'scoring',
  source: 'rules.md §1.3, §5 (scoring)',
  run({ form, profile, score }) {
    const out: Finding[] = [];
    const full = score.hasWeights ? '按规则得满分，但' : '';
    for (const row of score.rows) {
      const completion = row.facts?.completion;
      if (completion === undefined || row.rule !== 'higher-is-better') continue;
      if (completion < profile.quantitative.overCompletion) continue;
      const ind = form.indicators[row.index]!;
      const noted = ind.deviation.trim() ? '' : '，且未说明原因';
      out.push({
        code: 'scoring.over-completion',
        family: 'scoring',
        severity: 'warning',
        row: row.index,
        field: rowField(row.index, 'actual'),
        message: `指标“${row.name}”实际 ${ind.actual} 为目标 ${ind.target} 的 ${round2(completion)}%，超过 ${profile.quantitative.overCompletion}%：${full}目标可能定得偏低${noted}。`,
        evidence: {
          target: ind.target,
          actual: ind.actual,
          completion: round2(completion),
          threshold: profile.quantitative.overCompletion,
        },
      });
    }
    return out;
  },
};

/** rules.md §5 scoring: a qualitative actual (`完成`) for a numeric target given full marks. */
export const tierForNumber: Check = {
  id: 'scoring.tier-for-numeric-target',
  family: 'scoring',
  source: 'rules.md §5 (scoring)',
  run({ analysed }) {
    const out: Finding[] = [];
    for (const row of analysed.rows) {
      if (row.target.kind !== 'quantity' || row.actual.kind !== 'tier' || row.process) continue;
      const { indicator: ind } = row;
      out.push({
        code: 'scoring.tier-for-numeric-target',
        family: 'scoring',
        severity: ind.score !== null && ind.weight !== null && ind.score >= ind.weight ? 'warning' : 'info',
        row: row.index,
        field: rowField(row.index, 'actual'),
        message: `指标“${ind.name}”年度指标值为数值“${ind.target}”，实际完成值却只写“${ind.actual}”，无法核对完成程度（自评 ${ind.score ?? '空'} 分）。`,
        evidence: { target: ind.target, actual: ind.actual, score: ind.score },
      });
    }
    return out;
  },
};

export const SCORING_CHECKS: readonly Check[] = [selfScoreVsRule, overCompletion, tierForNumber];
