import { describe, expect, it } from 'vitest';
import type { FormSummary } from '../../../../src/contract/forms.ts';
import { riskOf, spotCheckList } from './spot-check.ts';

const summary = (over: Partial<FormSummary>): FormSummary => ({
  id: 'f',
  projectId: 'p',
  projectName: '项目',
  orgId: 'o',
  orgName: '单位',
  year: 2021,
  kind: 'project-self-evaluation',
  version: 1,
  status: 'submitted',
  revision: 1,
  selfTotal: 90,
  executionRate: 100,
  ruleTotal: 90,
  grade: '优',
  findingCount: 0,
  errorCount: 0,
  evaluated: true,
  profileId: 'national',
  updatedAt: '2024-01-01T00:00:00.000Z',
  updatedBy: { id: 'u', username: 'u', displayName: 'U' },
  ...over,
});

describe('spot-check ranking', () => {
  it('adds up leniency, errors and low execution, with the reasons', () => {
    const r = riskOf(summary({ selfTotal: 99.35, ruleTotal: 97.72, errorCount: 4, executionRate: 80 }));
    expect(r.leniency).toBe(1.63);
    expect(r.risk).toBe(1.63 * 3 + 4 * 2 + 10 * 0.2);
    expect(r.reasons.map((x) => x.kind)).toEqual(['lenient', 'errors', 'low-execution']);
  });

  it('ranks the riskiest first and leaves out forms without risk', () => {
    const list = spotCheckList([
      summary({ id: 'a', projectName: '甲' }),
      summary({ id: 'b', selfTotal: 95, ruleTotal: 90 }),
      summary({ id: 'c', errorCount: 1 }),
    ]);
    expect(list.map((r) => r.form.id)).toEqual(['b', 'c']);
  });
});
