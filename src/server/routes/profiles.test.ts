import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('profile API (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('returns a resolved profile for live scoring in the browser, 404 for an unknown id', async () => {
    const s = await t.login('danwei');
    const hubei = await s.get('/api/profiles/hubei');
    expect(hubei.statusCode).toBe(200);
    // resolved through `extends national`: inherited groups are present, overrides applied
    expect(hubei.json()).toMatchObject({
      id: 'hubei',
      weights: { funds: 20 },
      totals: { rounding: 'sum-of-rounded' },
    });
    const missing = await s.get('/api/profiles/atlantis');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toContain('atlantis');
  });

  it('requires a session', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/profiles/national' });
    expect(r.statusCode).toBe(401);
  });
});
