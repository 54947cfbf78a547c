import { describe, expect, it } from 'vitest';
import { formSchema } from '../../../../src/core/form/schema.ts';
import { newFormTemplate } from '../forms/new-form-template.ts';
import { departmentRowScore, LAYOUTS, monitoringPeriods, newLifecycleForm } from './kind-layout.ts';

const base = newFormTemplate({
  year: 2024,
  projectName: '城乡居民医保补助',
  implementingUnit: '某县医保局',
  competentDepartment: '某县卫健委',
});

describe('lifecycle kinds in the editor', () => {
  it('starts each kind as valid Form JSON v1.2 of that kind', () => {
    for (const kind of Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[]) {
      const form = newLifecycleForm(kind, base, { asOfMonth: 6, department: '某县卫健委' });
      const parsed = formSchema.safeParse(form);
      expect(parsed.success, `${kind}: ${parsed.error?.message}`).toBe(true);
      expect(form.kind).toBe(kind);
      expect(form.title).toBe(LAYOUTS[kind].title);
    }
    const dept = newLifecycleForm('department-self-evaluation', base, { department: '某县卫健委' });
    expect(dept.projectName).toBe('');
    expect(dept.department).toBe('某县卫健委');
    expect(dept.funds.basic).toBeNull();
    expect(newLifecycleForm('project-monitoring', base, { asOfMonth: 6 }).asOfMonth).toBe(6);
    expect(newLifecycleForm('project-target-declaration', base, {}).version).toBe(1);
  });

  it('prints the columns each official table has', () => {
    const keys = (k: keyof typeof LAYOUTS) => LAYOUTS[k].columns.map((c) => c.key);
    expect(keys('project-target-declaration')).toEqual(
      expect.arrayContaining([
        'comparator',
        'target',
        'unit',
        'weight',
        'explanation',
        'valueBasis',
        'evidenceRequired',
      ]),
    );
    expect(keys('project-monitoring')).toEqual(
      expect.arrayContaining(['progress', 'forecast', 'likelihood', 'deviationCauses', 'deviationNote']),
    );
    expect(keys('project-monitoring')).not.toContain('weight');
    expect(keys('department-self-evaluation')).toEqual(
      expect.arrayContaining(['initialTarget', 'target', 'actual', 'scoreRate', 'weight', 'score', 'isCore']),
    );
    expect(LAYOUTS['department-self-evaluation'].fundsRows.map((r) => r.key)).toEqual([
      'total',
      'fiscal',
      'other',
      'basic',
      'project',
    ]);
  });

  it('scores a department row as 得分系数 × 分值 (lifecycle.md §4.4)', () => {
    const row = { ...base.indicators[0]!, weight: 8, scoreRate: 87.5 };
    expect(departmentRowScore(row)).toBe(7);
    expect(departmentRowScore({ ...row, weight: 5, scoreRate: 33.3 })).toBe(1.67);
    expect(departmentRowScore({ ...row, scoreRate: null })).toBeNull();
    expect(departmentRowScore({ ...row, weight: null })).toBeNull();
  });

  it('offers the profile periods in month order, the national three without a profile', () => {
    expect(monitoringPeriods([8, 6])).toEqual([6, 8]);
    expect(monitoringPeriods(undefined)).toEqual([6, 7, 8]);
    expect(monitoringPeriods([])).toEqual([6, 7, 8]);
  });
});
