import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../core/form/schema.ts';
import { evaluateAll } from '../../services/evaluation.ts';
import { createTestApp, type Session, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('dashboard API (%s)', (dialect) => {
  let t: TestApp;
  let finance: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    finance = await t.login('caizheng');
    const unit = await t.login('danwei');
    const seed = (await unit.get(`/api/forms/${(await unit.get('/api/forms')).json().items[0].id}`)).json()
      .form as Form;
    const low: Form = {
      ...seed,
      projectName: '低执行率项目',
      year: 2022,
      funds: { ...seed.funds, total: { ...seed.funds.total!, executed: 1000 } },
      indicators: seed.indicators.map((i, n) => (n < 3 ? { ...i, score: (i.weight ?? 0) / 2 } : i)),
    };
    expect((await unit.post('/api/forms', { form: low, orgId: 'demo-zgc-bj' })).statusCode).toBe(201);
    const admin = await t.login('admin');
    expect(
      (
        await admin.post('/api/imports/commit', {
          form: { ...seed, projectName: '教委项目' },
          orgId: 'demo-jw-bj',
        })
      ).statusCode,
    ).toBe(201);
    await evaluateAll(t.ctx);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('aggregates the whole tree for the finance bureau', async () => {
    const r = await finance.get('/api/dashboard');
    expect(r.statusCode).toBe(200);
    const d = r.json();
    expect(d.totals).toMatchObject({ forms: 3, evaluated: 3 });
    expect(d.totals.byStatus.find((s: { status: string }) => s.status === 'draft').count).toBe(3);
    expect(d.gradeCounts.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(3);
    expect(d.executionRate.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(3);
    expect(d.executionRate.find((b: { label: string }) => b.label === '低于 50%').count).toBe(1);
    expect(d.selfMinusRule.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(3);
    expect(d.mostMissed).toHaveLength(3);
    expect(d.mostMissed[0].missed).toBe(1);
    expect(d.findingsByFamily.map((f: { family: string }) => f.family)).toEqual([
      'arithmetic',
      'structure',
      'scoring',
      'cross-field',
      'narrative',
      'value',
      'target-quality',
      'monitoring',
      'cross-stage',
    ]);
    expect(d.findingsByFamily.reduce((n: number, f: { count: number }) => n + f.count, 0)).toBeGreaterThan(0);
    const rows = d.byOrgYear
      .map((r: { orgName: string; year: number; forms: number }) => `${r.orgName}/${r.year}/${r.forms}`)
      .sort();
    expect(rows).toEqual([
      '中关村科技园区管理委员会/2021/1',
      '中关村科技园区管理委员会/2022/1',
      '北京市教育委员会/2021/1',
    ]);
  });

  it('filters by year and org, and keeps a department to its own units', async () => {
    expect((await finance.get('/api/dashboard?year=2022')).json().totals.forms).toBe(1);
    const zgc = (await finance.get('/api/dashboard?orgId=demo-zgc')).json();
    expect(zgc.totals.forms).toBe(2);
    expect(
      zgc.byOrgYear.every((r: { orgName: string }) => r.orgName === '中关村科技园区管理委员会本级'),
    ).toBe(true);
    const dept = await t.login('zhuguan');
    expect((await dept.get('/api/dashboard')).json().totals.forms).toBe(2);
    expect((await dept.get('/api/dashboard?orgId=demo-jw')).statusCode).toBe(404);
  });
});
