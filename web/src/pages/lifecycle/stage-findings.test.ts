import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core/audit/types.ts';
import type { Form } from '../../../../src/core/form/schema.ts';
import { sampleForm } from '../../test-support/sample-form.ts';
import { asStored, findingsAbout, laterForm } from './stage-findings.ts';

const finding = (code: string, evidence: Record<string, unknown>): Finding =>
  ({
    code,
    family: 'cross-stage',
    severity: 'error',
    row: 0,
    field: 'indicators[0].target',
    message: code,
    evidence,
  }) as unknown as Finding;

const decl = (version: number) => ({ kind: 'project-target-declaration', version, year: 2024 });
const self = { kind: 'project-self-evaluation', version: null, year: 2024 };
const mon = { kind: 'project-monitoring', version: null, year: 2024 };

describe('cross-stage findings on the form being edited', () => {
  it('puts a self-evaluation vs declaration finding on the self-evaluation, not on the declaration', () => {
    const x02 = finding('X02', { forms: [decl(2), self], approved: '≥100人次', printed: '≥80人次' });
    expect(laterForm(x02)?.kind).toBe('project-self-evaluation');
    const selfForm = sampleForm();
    const declForm: Form = { ...sampleForm(), kind: 'project-target-declaration', version: 2 };
    expect(findingsAbout([x02], selfForm).map((f) => f.code)).toEqual(['X02']);
    expect(findingsAbout([x02], declForm)).toEqual([]);
  });

  it('puts a monitoring vs self-evaluation finding on the self-evaluation', () => {
    const x06 = finding('X06', { monitoring: mon, selfEvaluation: self });
    expect(findingsAbout([x06], { ...sampleForm(), kind: 'project-monitoring' })).toEqual([]);
    expect(findingsAbout([x06], sampleForm())).toHaveLength(1);
  });

  it('puts a version-to-version finding on the later version only', () => {
    const x10 = finding('X10', { older: decl(1), newer: decl(2) });
    const v1: Form = { ...sampleForm(), kind: 'project-target-declaration', version: 1 };
    const v2: Form = { ...v1, version: 2 };
    expect(findingsAbout([x10], v1)).toEqual([]);
    expect(findingsAbout([x10], v2)).toHaveLength(1);
  });

  it('ignores a finding whose evidence names no form', () => {
    expect(findingsAbout([finding('X99', { value: 1 })], sampleForm())).toEqual([]);
  });
});

describe('stored status over the Form JSON', () => {
  const decl: Form = { ...sampleForm(), kind: 'project-target-declaration', version: 1, status: 'draft' };
  it('takes the stored status and version of a declaration', () => {
    expect(
      asStored({ kind: 'project-target-declaration', status: 'approved', version: 2 }, decl),
    ).toMatchObject({
      status: 'approved',
      version: 2,
    });
    expect(asStored({ kind: 'project-target-declaration', status: 'graded', version: 1 }, decl).status).toBe(
      'submitted',
    );
    expect(
      asStored({ kind: 'project-target-declaration', status: 'published', version: 1 }, decl).status,
    ).toBe('approved');
  });
  it('leaves other kinds as they are', () => {
    const self = sampleForm();
    expect(asStored({ kind: 'project-self-evaluation', status: 'approved', version: 1 }, self)).toBe(self);
  });
});
