import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_TXT, seedForm } from '../../../test/fixtures/build-form.ts';
import type { Form } from '../../core/form/schema.ts';
import { validateForm } from '../../core/form/validate.ts';
import { importText } from './index.ts';

const text = readFileSync(SEED_TXT, 'utf8');
const expected = seedForm();

/** Cell text is compared ignoring whitespace (form-json.md). */
const squeeze = (s: string) => s.replace(/\s/g, '');

describe('importText on the seed form (pdftotext, no layout)', () => {
  const { form, warnings, confidence } = importText(text, { fileName: '000_58180adcbb221172.pdf' });

  it('reads the title, year and header fields', () => {
    expect(form.kind).toBe(expected.kind);
    expect(form.year).toBe(expected.year);
    expect(form.title).toBe(expected.title);
    expect(form.projectName).toBe(expected.projectName);
    expect(form.competentDepartment).toBe(expected.competentDepartment);
    expect(form.implementingUnit).toBe(expected.implementingUnit);
    expect(form.projectLead).toBe(expected.projectLead);
    expect(form.phone).toBe(expected.phone);
  });

  it('reads the funds table: unit, figures, blank rows as null, `-` as absent', () => {
    expect(form.fundsUnit).toBe(expected.fundsUnit);
    expect(form.funds).toEqual(expected.funds);
    expect(form.funds.fiscal).not.toHaveProperty('weight');
    expect(form.funds.fiscal).not.toHaveProperty('score');
  });

  it('reads the totals', () => {
    expect(form.totalWeight).toBe(expected.totalWeight);
    expect(form.totalScore).toBe(expected.totalScore);
  });

  it('splits the goals into expected and actual', () => {
    expect(squeeze(form.goals.expected)).toBe(squeeze(expected.goals.expected));
    expect(squeeze(form.goals.actual)).toBe(squeeze(expected.goals.actual));
    // Paragraph breaks before numbered items and after the heading line are kept too.
    expect(form.goals).toEqual(expected.goals);
  });

  it('reads every indicator row: levels, name, weight and score exactly', () => {
    expect(form.indicators).toHaveLength(expected.indicators.length);
    form.indicators.forEach((got, k) => {
      const want = expected.indicators[k]!;
      expect({ k, ...pick(got) }).toEqual({ k, ...pick(want) });
    });
  });

  it('reads every narrative cell (target, actual, deviation) ignoring whitespace', () => {
    form.indicators.forEach((got, k) => {
      const want = expected.indicators[k]!;
      expect({ k, target: squeeze(got.target) }).toEqual({ k, target: squeeze(want.target) });
      expect({ k, actual: squeeze(got.actual) }).toEqual({ k, actual: squeeze(want.actual) });
      expect({ k, deviation: squeeze(got.deviation) }).toEqual({ k, deviation: squeeze(want.deviation) });
    });
  });

  it('keeps one space where two Latin words met at a line break', () => {
    expect(form.indicators[11]!.actual).toContain('Sherif Abdelsamie');
  });

  it('returns a valid Form, no warnings, and a confidence for every field it read', () => {
    expect(validateForm(form).ok).toBe(true);
    expect(warnings).toEqual([]);
    for (const path of [
      'projectName',
      'funds.total.executed',
      'goals.expected',
      'totalScore',
      'indicators[3].target',
    ]) {
      expect(confidence[path]).toBeGreaterThanOrEqual(0.6);
    }
    for (const v of Object.values(confidence)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('is fast once warm (a loose guard for a loaded CI machine; bench/ measures the rate)', () => {
    for (let i = 0; i < 2000; i++) importText(text);
    let best = Number.POSITIVE_INFINITY;
    for (let batch = 0; batch < 10; batch++) {
      const t0 = performance.now();
      for (let i = 0; i < 50; i++) importText(text);
      best = Math.min(best, (performance.now() - t0) / 50);
    }
    // Generous bound for a loaded CI machine; the bench measures the real figure.
    expect(best).toBeLessThan(3);
  });
});

function pick(i: Form['indicators'][number]) {
  return { level1: i.level1, level2: i.level2, name: i.name, weight: i.weight, score: i.score };
}
