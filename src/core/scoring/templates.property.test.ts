import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { form, profile, row } from '../../../test/fixtures/build-form.ts';
import { auditForm } from '../audit/audit-form.ts';
import type { Indicator } from '../form/schema.ts';
import { parseTarget } from '../grammar/parts.ts';
import { scoreForm } from './score-form.ts';

// Properties over template variations: missing weight or score columns, target parts, process rows.

const cells = [
  '≥10个',
  '8个',
  '-',
  '一',
  '',
  '达成年度指标',
  '2022年6月30日前',
  '目标明确、内容细化',
  '≤5万元',
  '95%',
];
const cell = fc.constantFrom(...cells);
const level1 = fc.constantFrom('产出指标', '效益指标', '满意度指标', '项目决策', '项目管理', '');
const indicator = fc
  .record({
    level1,
    target: cell,
    actual: cell,
    weight: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    score: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
    parts: fc.option(
      fc.record({
        nature: fc.constantFrom('≥', '≤', '=', '定性', '定量', '正向', ''),
        value: fc.constantFrom('10', '90', '', '-', '好', '290'),
        unit: fc.constantFrom('个', '%', '万元', ''),
      }),
      { nil: undefined },
    ),
  })
  .map(({ parts, ...r }): Indicator => row(parts ? { ...r, targetParts: parts } : r));

const SELF_VS_RULE = [
  'scoring.above-formula',
  'scoring.below-rule',
  'scoring.missed-target-full-marks',
  'scoring.late-full-marks',
  'scoring.missed-milestone-full-marks',
  'scoring.qualitative-band',
];

describe('scoring and audit across templates (properties)', () => {
  it('never throw; a rule total exists exactly when some weight is printed; no per-row flood without weights or self scores', () => {
    const national = profile('national');
    fc.assert(
      fc.property(
        fc.array(indicator, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (rows, noWeights, noScores) => {
          const indicators = rows.map((r) => ({
            ...r,
            weight: noWeights ? null : r.weight,
            score: noWeights || noScores ? null : r.score,
          }));
          const base = form(indicators, { totalScore: null });
          const total = { ...base.funds.total! };
          if (noScores) delete total.score;
          const f = { ...base, funds: { ...base.funds, total } };
          const s = scoreForm(f, national);
          const weighted = indicators.some((r) => r.weight !== null);
          expect(s.ruleTotal === null).toBe(!weighted);
          expect(s.grade === undefined).toBe(!weighted);
          const findings = auditForm(f, national);
          const codes = findings.map((x) => x.code);
          if (!weighted) {
            expect(codes.filter((c) => c === 'structure.no-weights')).toHaveLength(1);
            expect(codes).not.toContain('structure.weight-not-positive');
            expect(s.rows.every((r) => r.ruleScore === null)).toBe(true);
          }
          if (noScores) {
            expect(codes).not.toContain('structure.score-missing');
            expect(codes.filter((c) => c === 'structure.self-score-missing')).toHaveLength(weighted ? 1 : 0);
            // No "self score differs from the rule" finding on a form without self scores.
            expect(codes.filter((c) => SELF_VS_RULE.includes(c))).toEqual([]);
          }
          for (const r of s.rows) {
            if (r.ruleScore !== null && weighted)
              expect(r.ruleScore).toBeLessThanOrEqual(Math.max(r.weight, 0) * 2);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseTarget never throws and returns a known kind', () => {
    const text = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(text, fc.record({ nature: text, value: text, unit: text }), (t, p) => {
        expect(typeof parseTarget(t, p, { year: 2022 }).kind).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
