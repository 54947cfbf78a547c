import { describe, expect, it } from 'vitest';
import { evaluateForm } from '../../../../src/core/evaluate.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { nationalProfile, sampleForm } from '../../test-support/sample-form.ts';
import { blankIndicator } from '../forms/new-form-template.ts';
import { applyEdit, type Edit } from './form-edits.ts';
import { editAndRescore, rescore } from './live-rescore.ts';

// The editor's re-score after an edit (cached parses of unchanged rows) gives exactly what the
// core's evaluateForm gives on the edited form.

const profile = nationalProfile();

const EDITS: Edit[] = [
  { type: 'set', path: 'indicators[1].actual', value: '2021年6月20日前拨付' },
  { type: 'set', path: 'indicators[0].target', value: '不少于200篇' },
  { type: 'set', path: 'indicators[0].score', value: 20 },
  { type: 'set', path: 'funds.total.executed', value: 2000 },
  { type: 'move-row', from: 0, to: 3 },
  {
    type: 'insert-row',
    at: 2,
    row: {
      ...blankIndicator('产出指标', '质量指标'),
      name: '合格率',
      target: '≥95%',
      actual: '97%',
      weight: 5,
      score: 5,
    },
  },
  { type: 'remove-row', index: 4 },
  { type: 'set-levels', indices: [0, 1], level2: '成本指标' },
  { type: 'set', path: 'year', value: 2022 },
  { type: 'set', path: 'indicators[2].actual', value: '无' },
];

describe('live re-score', () => {
  it('equals evaluateForm after each edit in a sequence', () => {
    let form: Form = sampleForm();
    rescore(form, profile);
    for (const edit of EDITS) {
      const r = editAndRescore(form, edit, profile);
      form = r.form;
      const expected = evaluateForm(form, profile);
      expect(r.evaluation.score).toEqual(expected.score);
      expect([...r.evaluation.findings].sort(byKey)).toEqual([...expected.findings].sort(byKey));
    }
  });

  it('indexes findings by cell and row', () => {
    const ev = rescore(
      applyEdit(sampleForm(), { type: 'set', path: 'indicators[0].score', value: 25 }),
      profile,
    );
    expect(ev.byField.get('indicators[0].deviation')?.map((f) => f.code)).toContain(
      'structure.deviation-note-missing',
    );
    expect(ev.byRow.get(1)?.some((f) => f.code === 'scoring.late-full-marks')).toBe(true);
    expect(ev.errors + ev.warnings + ev.infos).toBe(ev.findings.length);
  });
});

const byKey = (
  a: { code: string; field: string; message: string },
  b: { code: string; field: string; message: string },
) => `${a.code}${a.field}${a.message}`.localeCompare(`${b.code}${b.field}${b.message}`);
