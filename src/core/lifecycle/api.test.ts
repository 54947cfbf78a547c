import { describe, expect, it } from 'vitest';
import {
  diffDeclarations,
  kindFromTitle,
  latestApproved,
  prefillMonitoring,
  prefillSelfEvaluation,
  versionInForce,
  withIndicatorIds,
} from './index.ts';
import { adjusted, declaration, ind, monitoring } from './test-forms.ts';

describe('kindFromTitle (lifecycle.md §2)', () => {
  it.each([
    ['2024年度项目支出绩效目标申报表', 'project-target-declaration'],
    ['项目绩效目标表', 'project-target-declaration'],
    ['项目支出绩效目标审核表', 'project-target-declaration'],
    ['2024年1-6月项目支出绩效运行监控表', 'project-monitoring'],
    ['绩效监控情况表', 'project-monitoring'],
    ['部门整体支出绩效自评表', 'department-self-evaluation'],
    ['项目支出绩效自评表', 'project-self-evaluation'],
    // 湖北's self-evaluation carries 绩效目标 in its title
    ['项目绩效目标自评表', 'project-self-evaluation'],
    ['项 目 支 出 绩 效 自 评 表', 'project-self-evaluation'],
  ])('%s → %s', (title, kind) => {
    expect(kindFromTitle(title)).toBe(kind);
  });
  it('names no kind for other titles', () => {
    expect(kindFromTitle('资产负债表')).toBeNull();
    expect(kindFromTitle('')).toBeNull();
  });
});

describe('withIndicatorIds', () => {
  it('derives ids from normalised labels and keeps given ones', () => {
    const f = declaration({
      indicators: [
        ind('产出指标（50分）', '数量指标', '助餐 服务人次', '≥1'),
        ind('产出指标', '数量指标', '助餐服务人次', '≥2'),
        ind('效益指标', '社会效益指标', '缓解情况', '明显', { indicatorId: 'K-9' }),
      ],
    });
    const ids = withIndicatorIds(f).indicators.map((r) => r.indicatorId);
    expect(ids).toEqual(['产出/数量/助餐服务人次', '产出/数量/助餐服务人次#2', 'K-9']);
    // a self-evaluation printing `产出` without the weight label gets the same id
    const se = withIndicatorIds(declaration({ indicators: [ind('产出', '数量指标', '助餐服务人次', '≥1')] }));
    expect(se.indicators[0]!.indicatorId).toBe('产出/数量/助餐服务人次');
  });
  it('does not change the form it is given', () => {
    const f = declaration();
    withIndicatorIds(f);
    expect(f.indicators[0]!.indicatorId).toBeUndefined();
  });
});

describe('versions (lifecycle.md §3)', () => {
  const v1 = declaration({ status: 'superseded' });
  const v2 = adjusted();
  const v3draft = adjusted({ version: 3, status: 'draft', approval: undefined });
  it('latestApproved takes the newest approved or superseded version, never a draft', () => {
    expect(latestApproved([v1, v2, v3draft])?.version).toBe(2);
    expect(latestApproved([v1, v3draft])?.version).toBe(1);
    expect(latestApproved([v3draft])).toBeNull();
    expect(latestApproved([declaration({ status: 'rejected' })])).toBeNull();
  });
  it('a form without status but with an 批复 counts as approved', () => {
    expect(latestApproved([declaration({ status: undefined })])?.version).toBe(1);
  });
  it('versionInForce goes by the approval date', () => {
    expect(versionInForce([v1, v2], 6)?.version).toBe(1);
    expect(versionInForce([v1, v2], 8)?.version).toBe(2);
    expect(versionInForce([v1, v2], 2)).toBeNull();
    // no dates: the latest approved
    const undated = [
      declaration({ approval: undefined, status: 'superseded' }),
      adjusted({ approval: undefined, status: 'approved' }),
    ];
    expect(versionInForce(undated, 6)?.version).toBe(2);
  });
});

describe('prefill (lifecycle.md §3)', () => {
  it('a self-evaluation starts from the approved rows, targets, weights and budget', () => {
    const se = prefillSelfEvaluation(adjusted());
    expect(se.kind).toBe('project-self-evaluation');
    expect(se.targetVersion).toBe(2);
    expect(se.projectCode).toBe('P2024-017');
    expect(se.goals).toEqual({ expected: '为辖区高龄老人提供上门助餐和日间照料服务。', actual: '' });
    expect(se.indicators).toHaveLength(6);
    expect(se.indicators[0]).toMatchObject({
      name: '助餐服务人次',
      target: '≥15000人次',
      initialTarget: '≥12000人次',
      actual: '',
      weight: 20,
      score: null,
      deviation: '',
      indicatorId: '产出/数量/助餐服务人次',
    });
    expect(se.funds.total).toEqual({ initialBudget: 240, annualBudget: 240, executed: null });
    expect(se.funds.carryover).toBeNull();
    expect(se.totalScore).toBeNull();
  });
  it('takes the newer 全年预算数 and the evidence from the monitoring report', () => {
    const m = monitoring({}, [{ evidence: '助餐台账' }]);
    m.funds.total = { initialBudget: 200, annualBudget: 230 };
    const se = prefillSelfEvaluation(declaration(), m);
    expect(se.funds.total).toEqual({ initialBudget: 200, annualBudget: 230, executed: null });
    expect(se.indicators[0]!.evidence).toBe('助餐台账');
    expect(se.indicators[1]!.evidence).toBeUndefined();
  });
  it('a monitoring report starts blank for progress, forecast and likelihood', () => {
    const m = prefillMonitoring(declaration(), 7);
    expect(m.kind).toBe('project-monitoring');
    expect(m.asOfMonth).toBe(7);
    expect(m.targetVersion).toBe(1);
    expect(m.funds.total).toEqual({
      initialBudget: 200,
      annualBudget: 200,
      executedToDate: null,
      forecastExecuted: null,
    });
    expect(m.indicators[3]).toMatchObject({
      target: '≤15元/人次',
      progress: '',
      forecast: '',
      likelihood: '',
      weight: null,
    });
    expect(m.goals.progress).toBe('');
  });
});

describe('diffDeclarations', () => {
  it('lists rows added, removed and modified with before and after values', () => {
    const v1 = declaration();
    const v2 = adjusted();
    v2.indicators = [
      ...v2.indicators.filter((r) => r.name !== '人均助餐补助标准'),
      ind('产出指标', '数量指标', '新增助餐点数量', '≥2个', { weight: 5 }),
    ];
    const d = diffDeclarations(v1, v2);
    expect(d.from.version).toBe(1);
    expect(d.to.version).toBe(2);
    expect(d.added.map((a) => a.after.name)).toEqual(['新增助餐点数量']);
    expect(d.removed.map((a) => [a.index, a.before.name])).toEqual([[3, '人均助餐补助标准']]);
    expect(d.modified).toHaveLength(1);
    expect(d.modified[0]!.changes).toEqual([{ field: 'target', before: '≥12000人次', after: '≥15000人次' }]);
    expect(d.fields).toContainEqual({ field: 'funds.total.annualBudget', before: 200, after: 240 });
  });
  it('finds nothing between equal versions; spacing is not a change', () => {
    const a = declaration();
    const b = declaration();
    b.indicators[0] = { ...b.indicators[0]!, target: '≥ 12000 人次' };
    const d = diffDeclarations(a, b);
    expect([d.added, d.removed, d.modified, d.fields]).toEqual([[], [], [], []]);
  });
});
