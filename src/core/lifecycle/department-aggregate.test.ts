import { describe, expect, it } from 'vitest';
import { profile } from '../../../test/fixtures/build-form.ts';
import { aggregateProjects, warningList } from './index.ts';
import { declaration, monitoring, selfEvaluation } from './test-forms.ts';

describe('department aggregate and warning list', () => {
  it('sums the project self-evaluations in 万元, whatever unit each prints', () => {
    const inYuan = selfEvaluation({ fundsUnit: '元', totalScore: 90 });
    inYuan.funds.total = { initialBudget: 1000000, annualBudget: 1000000, executed: 800000 };
    const a = aggregateProjects([selfEvaluation(), inYuan, declaration(), monitoring()]);
    expect(a).toEqual({
      projects: 2,
      annualBudget: 300,
      executed: 275,
      executionRate: 91.67,
      averageSelfTotal: 94.88,
    });
    expect(aggregateProjects([])).toEqual({
      projects: 0,
      annualBudget: 0,
      executed: 0,
      executionRate: null,
      averageSelfTotal: null,
    });
  });

  it('lists every non-green light, red first, with its reason', () => {
    const lagging = monitoring({ projectName: '甲项目' }, [{ progress: '4200人次' }, { progress: '90%' }]);
    const w = warningList([monitoring(), lagging, selfEvaluation()], profile('national'));
    expect(w.map((x) => [x.projectName, x.field, x.light])).toEqual([
      ['甲项目', 'indicators[1]', 'red'],
      ['甲项目', 'indicators[0]', 'yellow'],
    ]);
    expect(w[1]!.reason).toBe(
      '当前完成值4200人次，年度指标值≥12000人次，为序时应完成值的70.00%（在60%–80%之间，黄灯）',
    );
  });
});
