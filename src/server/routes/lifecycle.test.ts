import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form, Indicator } from '../../core/form/schema.ts';
import { evaluateAll } from '../../services/evaluation.ts';
import { createTestApp, type Session, type TestApp, testDialects } from '../testing.ts';

// The lifecycle over HTTP (lifecycle.md §3): a declaration through review, grade and approval, an
// adjustment as version 2, monitoring and a self-evaluation pre-filled from the chain, the
// department's form, warnings and aggregate. Every expectation below is written by hand.

const dialects = await testDialects();

const row = (level1: string, level2: string, name: string, target: string, weight: number): Indicator => ({
  level1,
  level2,
  name,
  target,
  actual: '',
  weight,
  score: null,
  deviation: '',
});

/** A made-up 2024 declaration of the demo unit 中关村科技园区管理委员会本级. */
const declaration = (projectName: string): Form => ({
  kind: 'project-target-declaration',
  year: 2024,
  title: '项目支出绩效目标申报表',
  projectName,
  competentDepartment: '中关村科技园区管理委员会',
  implementingUnit: '中关村科技园区管理委员会本级',
  fundsUnit: '万元',
  funds: {
    total: { annualBudget: 200 },
    fiscal: { annualBudget: 200 },
    carryover: null,
    other: null,
  },
  goals: { expected: '为园区企业提供创业辅导服务。', actual: '' },
  indicators: [
    row('产出指标', '数量指标', '辅导企业数', '≥100家', 30),
    row('产出指标', '质量指标', '辅导合格率', '≥95%', 20),
    row('效益指标', '社会效益指标', '新增就业人数', '≥300人', 30),
    row('满意度指标', '服务对象满意度指标', '企业满意度', '≥90%', 10),
  ],
  totalWeight: 90,
  totalScore: null,
  version: 1,
});

describe.each(dialects)('lifecycle API (%s)', (dialect) => {
  let t: TestApp;
  let unit: Session;
  let unit2: Session;
  let dept: Session;
  let otherDept: Session;
  let finance: Session;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [unit, unit2, dept, otherDept, finance, admin] = [
      await t.login('danwei'),
      await t.login('chuangye'),
      await t.login('zhuguan'),
      await t.login('jiaowei'),
      await t.login('caizheng'),
      await t.login('admin'),
    ];
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const act = (s: Session, id: string, body: Record<string, unknown>) =>
    s.post(`/api/forms/${id}/transitions`, body);
  const create = async (form: Form, s: Session = unit) => {
    const r = await s.post('/api/forms', { form, orgId: 'demo-zgc-bj' });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; projectId: string; status: string; version: number; revision: number };
  };
  /** A declaration taken to `approved` by the reviewers, as the rules want it. */
  const approve = async (id: string, documentNo = '京财预〔2024〕1号') => {
    expect((await act(unit, id, { action: 'submit' })).json().status).toBe('submitted');
    expect((await act(dept, id, { action: 'review', grade: '优' })).json().status).toBe('reviewed');
    expect((await act(finance, id, { action: 'review', grade: '优' })).json().status).toBe('graded');
    const r = await act(finance, id, { action: 'approve', approval: { documentNo, date: '2024-03-10' } });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('takes a declaration through 主管部门 review, 财政 grade and approval, each step by its role only', async () => {
    const d = await create(declaration('创业辅导服务'));
    expect(d).toMatchObject({ status: 'draft', version: 1, canEdit: true, allowedActions: ['submit'] });
    expect((await dept.post(`/api/forms/${d.id}/transitions`, { action: 'submit' })).statusCode).toBe(403);
    expect((await act(unit, d.id, { action: 'submit' })).json().status).toBe('submitted');

    // who may do what at 已提交
    expect((await dept.get(`/api/forms/${d.id}`)).json().allowedActions).toEqual(['return', 'review']);
    expect((await finance.get(`/api/forms/${d.id}`)).json().allowedActions).toEqual(['return']);
    expect((await act(unit, d.id, { action: 'review', grade: '优' })).statusCode).toBe(403);
    expect((await act(finance, d.id, { action: 'review', grade: '优' })).statusCode).toBe(403);
    const noGrade = await act(dept, d.id, { action: 'review' });
    expect(noGrade.statusCode).toBe(400);
    expect(noGrade.json().error.message).toContain('评审等级');
    const goodNoOpinion = await act(dept, d.id, { action: 'review', grade: '良' });
    expect(goodNoOpinion.statusCode).toBe(400);
    expect(goodNoOpinion.json().error.message).toContain('评审意见');
    expect((await act(dept, d.id, { action: 'approve' })).statusCode).toBe(409);

    const reviewed = await act(dept, d.id, { action: 'review', grade: '良', comment: '满意度目标请细化' });
    expect(reviewed.json()).toMatchObject({ status: 'reviewed' });
    expect(reviewed.json().form.review).toEqual({
      grade: '良',
      opinions: [{ by: '中关村科技园区管理委员会', text: '满意度目标请细化', date: expect.any(String) }],
    });
    expect((await act(dept, d.id, { action: 'review', grade: '优' })).statusCode).toBe(403);
    expect((await finance.get(`/api/forms/${d.id}`)).json().allowedActions).toEqual(['return', 'review']);

    expect((await act(finance, d.id, { action: 'review', grade: '优' })).json().status).toBe('graded');
    expect((await dept.get(`/api/forms/${d.id}`)).json().allowedActions).toEqual([]);
    expect((await act(dept, d.id, { action: 'approve' })).statusCode).toBe(403);
    const noDocument = await act(finance, d.id, { action: 'approve' });
    expect(noDocument.statusCode).toBe(400);
    expect(noDocument.json().error.message).toContain('批复文号');

    const approved = await act(finance, d.id, {
      action: 'approve',
      approval: { documentNo: '京财预〔2024〕8号', date: '2024-03-15' },
    });
    expect(approved.json()).toMatchObject({
      status: 'approved',
      canEdit: false,
      allowedActions: [],
      form: {
        approval: { approvedBy: '北京市财政局', documentNo: '京财预〔2024〕8号', date: '2024-03-15' },
        review: { grade: '优' },
      },
    });
    // the approved version is never edited
    const { form, revision } = approved.json();
    const edit = await unit.put(`/api/forms/${d.id}`, { form }, { 'if-match': `"${revision}"` });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('not-editable');
    expect((await act(finance, d.id, { action: 'return', comment: '重审' })).statusCode).toBe(409);

    const history = (await unit.get(`/api/forms/${d.id}/comments`)).json().items;
    expect(history.map((c: { action: string; toStatus: string }) => `${c.action}→${c.toStatus}`)).toEqual([
      'submit→submitted',
      'review→reviewed',
      'review→graded',
      'approve→approved',
    ]);
  });

  it('returns a 中 for re-review and keeps a 差 out', async () => {
    const mid = await create(declaration('中等评审项目'));
    await act(unit, mid.id, { action: 'submit' });
    const returned = await act(dept, mid.id, { action: 'review', grade: '中', comment: '指标不够细化' });
    expect(returned.json()).toMatchObject({ status: 'returned', canEdit: false });
    expect((await unit.get(`/api/forms/${mid.id}`)).json()).toMatchObject({
      canEdit: true,
      allowedActions: ['submit'],
    });
    expect((await act(unit, mid.id, { action: 'submit' })).json().status).toBe('submitted');

    const poor = await create(declaration('较差评审项目'));
    await act(unit, poor.id, { action: 'submit' });
    await act(dept, poor.id, { action: 'review', grade: '优' });
    const rejected = await act(finance, poor.id, {
      action: 'review',
      grade: '差',
      comment: '目标与项目无关',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', allowedActions: [] });
    expect((await unit.get(`/api/forms/${poor.id}`)).json()).toMatchObject({
      canEdit: false,
      allowedActions: [],
    });
  });

  it('adjusts an approved version as version 2, one adjustment at a time, and supersedes version 1 on approval', async () => {
    const v1 = await create(declaration('园区孵化服务'));
    const draftAdjust = await unit.post(`/api/forms/${v1.id}/adjustments`, {
      trigger: '预算调整',
      reason: '追加',
    });
    expect(draftAdjust.statusCode).toBe(409);
    expect(draftAdjust.json().error.message).toContain('已批复');
    await approve(v1.id);
    expect((await unit.get(`/api/forms/${v1.id}`)).json().canAdjust).toBe(true);
    expect((await dept.get(`/api/forms/${v1.id}`)).json().canAdjust).toBe(false);
    expect(
      (await dept.post(`/api/forms/${v1.id}/adjustments`, { trigger: '预算调整', reason: '追加' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await unit.post(`/api/forms/${v1.id}/adjustments`, { trigger: '预算调整', reason: '' })).statusCode,
    ).toBe(400);

    const adj = await unit.post(`/api/forms/${v1.id}/adjustments`, {
      trigger: '年中追加',
      reason: '年中追加预算 50 万元，辅导企业数相应提高',
      budgetAdjustmentRef: '京财预〔2024〕60号',
    });
    expect(adj.statusCode, adj.body).toBe(201);
    const v2 = adj.json();
    expect(v2).toMatchObject({
      version: 2,
      status: 'draft',
      projectId: v1.projectId,
      form: {
        version: 2,
        supersedes: 1,
        adjustment: {
          trigger: '年中追加',
          reason: '年中追加预算 50 万元，辅导企业数相应提高',
          budgetAdjustmentRef: '京财预〔2024〕60号',
        },
      },
    });
    expect(v2.form.approval).toBeUndefined();
    expect(v2.form.review).toBeUndefined();
    expect(v2.form.indicators[0]).toMatchObject({ target: '≥100家', initialTarget: '≥100家' });
    expect(v2.form.indicators[0].indicatorId).toEqual(expect.any(String));

    // one adjustment in flight per project
    const second = await unit.post(`/api/forms/${v1.id}/adjustments`, {
      trigger: '政策变化',
      reason: '再调',
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('尚未办结');

    // the version is the store's: a save cannot renumber it
    const renumber = await unit.put(
      `/api/forms/${v2.id}`,
      { form: { ...v2.form, version: 3 } },
      { 'if-match': `"${v2.revision}"` },
    );
    expect(renumber.statusCode).toBe(400);
    expect(renumber.json().error.message).toContain('版本号');
    const indicators = v2.form.indicators.map((r: Indicator, i: number) =>
      i === 0 ? { ...r, target: '≥150家' } : r,
    );
    const saved = await unit.put(
      `/api/forms/${v2.id}`,
      { form: { ...v2.form, indicators } },
      { 'if-match': `"${v2.revision}"` },
    );
    expect(saved.statusCode, saved.body).toBe(200);

    const chainBefore = (await unit.get(`/api/projects/${v1.projectId}/chain?year=2024`)).json();
    expect(chainBefore).toMatchObject({
      latestApprovedId: v1.id,
      adjustmentInFlightId: v2.id,
      canAdjust: false,
      monitoringMonths: [6, 7, 8],
    });

    await approve(v2.id, '京财预〔2024〕61号');
    expect((await unit.get(`/api/forms/${v1.id}`)).json()).toMatchObject({
      status: 'superseded',
      canAdjust: false,
    });
    const versions = (await dept.get(`/api/forms/${v2.id}/versions`)).json().items;
    expect(versions.map((v: { version: number; status: string }) => `${v.version}:${v.status}`)).toEqual([
      '1:superseded',
      '2:approved',
    ]);
    expect(versions[1]).toMatchObject({
      supersedes: 1,
      adjustment: { trigger: '年中追加' },
      approval: { documentNo: '京财预〔2024〕61号' },
    });

    const diff = (await unit.get(`/api/forms/${v2.id}/diff?against=${v1.id}`)).json();
    expect(diff.older).toEqual({ formId: v1.id, version: 1 });
    expect(diff.newer).toEqual({ formId: v2.id, version: 2 });
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.modified).toHaveLength(1);
    expect(diff.modified[0]).toMatchObject({ index: 0, name: '辅导企业数' });
    expect(diff.modified[0].changes).toContainEqual({ field: 'target', before: '≥100家', after: '≥150家' });

    const chain = (await unit.get(`/api/projects/${v1.projectId}/chain?year=2024`)).json();
    expect(chain).toMatchObject({ latestApprovedId: v2.id, adjustmentInFlightId: null, canAdjust: true });
    // out of scope: another unit and another department see nothing
    expect((await unit2.get(`/api/forms/${v2.id}/versions`)).statusCode).toBe(404);
    expect((await otherDept.get(`/api/projects/${v1.projectId}/chain?year=2024`)).statusCode).toBe(404);
  });

  it('creates monitoring for the profile’s periods only, pre-filled from the version in force, with lights', async () => {
    const d = await create(declaration('监控试点项目'));
    const early = await unit.post(`/api/projects/${d.projectId}/monitoring`, { year: 2024, asOfMonth: 7 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('没有已批复的绩效目标');
    await approve(d.id);

    const wrong = await unit.post(`/api/projects/${d.projectId}/monitoring`, { year: 2024, asOfMonth: 5 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe(
      '监控时点须为 1–6月、1–7月、1–8月（规则配置“北京市”），不能按 1–5月 监控',
    );
    expect(
      (await dept.post(`/api/projects/${d.projectId}/monitoring`, { year: 2024, asOfMonth: 7 })).statusCode,
    ).toBe(403);
    const m = await unit.post(`/api/projects/${d.projectId}/monitoring`, {
      year: 2024,
      asOfMonth: 7,
      monitoringType: '部门监控',
    });
    expect(m.statusCode, m.body).toBe(201);
    const monitoring = m.json();
    expect(monitoring).toMatchObject({ kind: 'project-monitoring', status: 'draft', version: 1 });
    expect(monitoring.form).toMatchObject({ asOfMonth: 7, targetVersion: 1, monitoringType: '部门监控' });
    expect(monitoring.form.indicators.map((r: Indicator) => r.target)).toEqual([
      '≥100家',
      '≥95%',
      '≥300人',
      '≥90%',
    ]);
    expect(
      (await unit.post(`/api/projects/${d.projectId}/monitoring`, { year: 2024, asOfMonth: 7 })).statusCode,
    ).toBe(409);

    // 1–7月 executed 50 of 200: 25% against a 序时进度 of 58.33% → below 60% of it, red (M01)
    const form: Form = {
      ...monitoring.form,
      funds: { ...monitoring.form.funds, total: { ...monitoring.form.funds.total, executedToDate: 50 } },
    };
    const saved = await unit.put(
      `/api/forms/${monitoring.id}`,
      { form },
      { 'if-match': `"${monitoring.revision}"` },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const evaluation = (await unit.get(`/api/forms/${monitoring.id}/evaluation`)).json();
    expect(evaluation.lifecycle.kind).toBe('project-monitoring');
    expect(evaluation.lifecycle.lights.funds.total.light).toBe('red');
    expect(evaluation.lifecycle.lights.rows).toHaveLength(4);
    expect(evaluation.lifecycle.chain.map((c: { kind: string }) => c.kind)).toEqual([
      'project-monitoring',
      'project-target-declaration',
    ]);

    const warnings = (await dept.get('/api/monitoring/warnings?year=2024')).json().items;
    const mine = warnings.filter((w: { formId: string }) => w.formId === monitoring.id);
    expect(mine).toContainEqual(
      expect.objectContaining({
        target: 'funds',
        fundsKey: 'total',
        label: '年度资金总额',
        light: 'red',
        asOfMonth: 7,
        projectName: '监控试点项目',
        reason: expect.any(String),
      }),
    );
    expect((await otherDept.get('/api/monitoring/warnings?year=2024')).json().items).toEqual([]);
  });

  it('starts a self-evaluation from the latest approved version and the monitoring figures', async () => {
    const d = await create(declaration('自评预填项目'));
    const early = await unit.post(`/api/projects/${d.projectId}/self-evaluation`, { year: 2024 });
    expect(early.statusCode).toBe(400);
    await approve(d.id);
    const adj = (
      await unit.post(`/api/forms/${d.id}/adjustments`, { trigger: '预算调整', reason: '调减' })
    ).json();
    const indicators = adj.form.indicators.filter((_: Indicator, i: number) => i !== 3);
    await unit.put(
      `/api/forms/${adj.id}`,
      { form: { ...adj.form, indicators } },
      { 'if-match': `"${adj.revision}"` },
    );
    // version 2 not yet approved: the self-evaluation is filled from version 1 … once v2 is approved, from v2
    await approve(adj.id, '京财预〔2024〕70号');

    expect((await dept.post(`/api/projects/${d.projectId}/self-evaluation`, { year: 2024 })).statusCode).toBe(
      403,
    );
    const r = await unit.post(`/api/projects/${d.projectId}/self-evaluation`, { year: 2024 });
    expect(r.statusCode, r.body).toBe(201);
    const self = r.json();
    expect(self).toMatchObject({ kind: 'project-self-evaluation', status: 'draft' });
    expect(self.form).toMatchObject({
      targetVersion: 2,
      projectName: '自评预填项目',
      goals: { expected: '为园区企业提供创业辅导服务。', actual: '' },
    });
    expect(self.form.indicators.map((x: Indicator) => [x.name, x.target, x.weight])).toEqual([
      ['辅导企业数', '≥100家', 30],
      ['辅导合格率', '≥95%', 20],
      ['新增就业人数', '≥300人', 30],
    ]);
    expect((await unit.post(`/api/projects/${d.projectId}/self-evaluation`, { year: 2024 })).statusCode).toBe(
      409,
    );

    const stage = await unit.get(`/api/forms/${self.id}/stage-findings`);
    expect(stage.statusCode).toBe(200);
    expect(
      stage
        .json()
        .chain.map(
          (c: { kind: string; version: number; status: string }) => `${c.kind}:${c.version}:${c.status}`,
        ),
    ).toEqual([
      'project-self-evaluation:1:draft',
      'project-target-declaration:1:superseded',
      'project-target-declaration:2:approved',
    ]);
    expect((await unit2.get(`/api/forms/${self.id}/stage-findings`)).statusCode).toBe(404);
    // as pre-filled, the self-evaluation keeps the approved targets: no changed target
    expect(stage.json().findings.filter((f: { code: string }) => f.code === 'X02')).toEqual([]);

    // a target quietly lowered in the self-evaluation: X02 on its row, naming both values
    const lowered = self.form.indicators.map((x: Indicator, i: number) =>
      i === 0 ? { ...x, target: '≥80家' } : x,
    );
    const saved = await unit.put(
      `/api/forms/${self.id}`,
      { form: { ...self.form, indicators: lowered } },
      { 'if-match': `"${self.revision}"` },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const x02 = (await unit.get(`/api/forms/${self.id}/stage-findings`))
      .json()
      .findings.filter((f: { code: string }) => f.code === 'X02');
    expect(x02).toHaveLength(1);
    expect(x02[0]).toMatchObject({ family: 'cross-stage', severity: 'error', row: 0 });
    expect(x02[0].message).toContain('≥80家');
    expect(x02[0].message).toContain('≥100家');
    const evaluation = (await dept.get(`/api/forms/${self.id}/evaluation`)).json();
    expect(evaluation.lifecycle.stageFindings.map((f: { code: string }) => f.code)).toContain('X02');
    // the declarations are not blamed for the self-evaluation's change
    const declFindings = (await unit.get(`/api/forms/${adj.id}/stage-findings`)).json().findings;
    expect(declFindings.filter((f: { code: string }) => f.code === 'X02')).toEqual([]);

    // the stored counts carry it to the dashboard, per unit
    await evaluateAll(t.ctx);
    const board = (await finance.get('/api/dashboard?year=2024')).json();
    const zgc = board.crossStageByOrg.find((r: { orgId: string }) => r.orgId === 'demo-zgc');
    expect(zgc.count).toBeGreaterThanOrEqual(1);
    expect(zgc.forms).toBeGreaterThanOrEqual(1);
    expect((await otherDept.get('/api/dashboard?year=2024')).json().crossStageByOrg).toEqual([]);
  });

  it('keeps the department self-evaluation with the department, filled by its reviewer, scored per profile', async () => {
    const form: Form = {
      kind: 'department-self-evaluation',
      year: 2024,
      title: '部门整体支出绩效自评表',
      projectName: '',
      department: '中关村科技园区管理委员会',
      competentDepartment: '中关村科技园区管理委员会',
      implementingUnit: '',
      fundsUnit: '万元',
      funds: {
        total: { annualBudget: 1000, executed: 900, weight: 10 },
        fiscal: null,
        carryover: null,
        other: null,
        basic: { annualBudget: 400, executed: 400 },
        project: { annualBudget: 600, executed: 500 },
      },
      goals: { expected: '服务园区发展', actual: '完成', adjusted: '服务园区发展' },
      indicators: [
        {
          ...row('产出指标', '数量指标', '服务企业数', '≥1000家', 50),
          actual: '1100家',
          scoreRate: 100,
          score: 50,
        },
        {
          ...row('效益指标', '社会效益指标', '新增就业', '≥3000人', 40),
          actual: '2700人',
          scoreRate: 90,
          score: 36,
        },
      ],
      totalWeight: 100,
      totalScore: 95,
    };
    expect((await unit.post('/api/forms', { form, orgId: 'demo-zgc' })).statusCode).toBe(403);
    const atUnit = await dept.post('/api/forms', { form, orgId: 'demo-zgc-bj' });
    expect(atUnit.statusCode).toBe(400);
    expect(atUnit.json().error.message).toBe('部门整体自评表只能建在主管部门下');
    const r = await dept.post('/api/forms', { form, orgId: 'demo-zgc' });
    expect(r.statusCode, r.body).toBe(201);
    const created = r.json();
    expect(created).toMatchObject({
      kind: 'department-self-evaluation',
      orgId: 'demo-zgc',
      projectName: '中关村科技园区管理委员会',
      canEdit: true,
      allowedActions: ['submit'],
    });
    expect((await unit.get(`/api/forms/${created.id}`)).statusCode).toBe(404);

    // funds 900 ÷ 1000 × 10 = 9; rows 100% × 50 + 90% × 40 = 86; total 95 (lifecycle.md §4.4)
    const evaluation = (await dept.get(`/api/forms/${created.id}/evaluation`)).json();
    expect(evaluation.lifecycle.departmentScore).toMatchObject({ total: 95, selfTotal: 95, grade: '优' });
    expect(evaluation.lifecycle.departmentScore.funds).toEqual([
      { key: 'total', weight: 10, annualBudget: 1000, executed: 900, rate: 90, score: 9, selfScore: null },
    ]);

    expect((await act(dept, created.id, { action: 'submit' })).json().status).toBe('submitted');
    expect((await act(dept, created.id, { action: 'approve' })).statusCode).toBe(403);
    expect((await act(finance, created.id, { action: 'approve' })).json().status).toBe('approved');

    await evaluateAll(t.ctx);
    const agg = (await dept.get('/api/departments/demo-zgc/aggregate?year=2024')).json();
    expect(agg.departmentForm).toMatchObject({ id: created.id, ruleTotal: 95, grade: '优' });
    // the self-evaluation pre-filled in the test before is this year's only project self-evaluation
    expect(agg.projects.count).toBe(1);
    expect(agg.items[0].projectName).toBe('自评预填项目');
    expect(agg.projects).toMatchObject({
      annualBudget: 200,
      executed: 0,
      executionRate: 0,
      crossStageCount: 1,
    });
    expect((await dept.get('/api/departments/demo-zgc-bj/aggregate?year=2024')).statusCode).toBe(400);
    expect((await otherDept.get('/api/departments/demo-zgc/aggregate?year=2024')).statusCode).toBe(404);
    expect((await admin.get('/api/departments/demo-zgc/aggregate?year=2024')).json().projects.count).toBe(1);
  });

  it('counts the forms of every kind on the dashboard', async () => {
    await evaluateAll(t.ctx);
    const d = (await finance.get('/api/dashboard?year=2024')).json();
    const byKind = Object.fromEntries(
      d.byKind.map((k: { kind: string; count: number }) => [k.kind, k.count]),
    );
    // declarations: 创业辅导 1, 中等 1, 较差 1, 孵化 2, 监控试点 1, 自评预填 2
    expect(byKind).toEqual({
      'project-self-evaluation': 1,
      'project-target-declaration': 8,
      'project-monitoring': 1,
      'department-self-evaluation': 1,
    });
    expect(d.findingsByFamily.map((f: { family: string }) => f.family)).toContain('cross-stage');
  });
});
