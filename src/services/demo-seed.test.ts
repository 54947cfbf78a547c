import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, orgs, users } from '../store/index.ts';
import { DEMO_LIFECYCLE_PROJECT } from './demo-lifecycle.ts';
import { DEMO_ORGS, DEMO_USERS, seedDemoIfEmpty } from './demo-seed.ts';
import { createTestContext, type TestContext, testDialects } from './testing.ts';

const dialects = await testDialects();

describe.each(dialects)('first run (%s)', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect, { demo: false });
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it('seeds an empty database once, even when two servers start together', async () => {
    const results = await Promise.all([
      seedDemoIfEmpty(t.ctx, { lifecycle: false }),
      seedDemoIfEmpty(t.ctx, { lifecycle: false }),
    ]);
    expect(results.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await orgs.count(t.ctx.store.db)).toBe(DEMO_ORGS.length);
    expect((await users.listInScope(t.ctx.store.db, '/')).length).toBe(DEMO_USERS.length);
    const page = await forms.list(t.ctx.store.db, { scopePath: '/' }, 'name-asc', 1, 10);
    expect(page.items).toMatchObject([
      {
        projectName: '2021年中关村海外联络工作支持资金项目',
        selfTotal: 99.35,
        evaluated: true,
        orgId: 'demo-zgc-bj',
        profileId: 'beijing',
      },
    ]);
    expect(await seedDemoIfEmpty(t.ctx)).toBe(false);
  });
});

describe.each(dialects)('first run with the lifecycle demo (%s)', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext(dialect, { demo: false });
  }, 60_000);
  afterAll(async () => {
    await t?.cleanup();
  });

  it('runs one project through its year: v1 and v2 approved, 1–7月 monitoring, a self-evaluation', async () => {
    expect(await seedDemoIfEmpty(t.ctx)).toBe(true);
    const { db } = t.ctx.store;
    const page = await forms.list(db, { scopePath: '/', year: 2024 }, 'name-asc', 1, 10);
    const cycle = page.items
      .filter((f) => f.projectName === DEMO_LIFECYCLE_PROJECT)
      .map((f) => `${f.kind}:${f.version}:${f.status}`)
      .sort();
    expect(cycle).toEqual([
      'project-monitoring:1:approved',
      'project-self-evaluation:1:draft',
      'project-target-declaration:1:superseded',
      'project-target-declaration:2:approved',
    ]);
    // the seed self-evaluation stays the only form of the first unit
    const first = await forms.list(
      db,
      { scopePath: '/', orgPath: '/demo-bj-czj/demo-zgc/demo-zgc-bj/' },
      'name-asc',
      1,
      10,
    );
    expect(first.items.map((f) => f.projectName)).toEqual(['2021年中关村海外联络工作支持资金项目']);
    const self = page.items.find((f) => f.kind === 'project-self-evaluation')!;
    const data = JSON.parse((await forms.getData(db, self.id))!.data);
    expect(data.targetVersion).toBe(2);
    expect(data.indicators[0]).toMatchObject({
      name: '辅导初创企业数',
      target: '≥110家',
      initialTarget: '≥100家',
    });
  });
});
