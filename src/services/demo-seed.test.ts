import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forms, orgs, users } from '../store/index.ts';
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
    const results = await Promise.all([seedDemoIfEmpty(t.ctx), seedDemoIfEmpty(t.ctx)]);
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
