import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../core/form/schema.ts';
import { integrityReport } from '../services/testing.ts';
import { createTestApp, type Session, type TestApp, testDialects } from './testing.ts';

// Optimistic concurrency: saves name the revision they edited (If-Match); the store moves a form
// from revision n to n+1 in one conditional UPDATE, so of two saves on the same revision exactly
// one wins, and writers that retry on 409 never lose each other's changes.

const dialects = await testDialects();

describe.each(dialects)('concurrent saves (%s)', (dialect) => {
  let t: TestApp;
  let sessions: Session[];
  let seed: Form;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    sessions = [await t.login('danwei'), await t.login('admin'), await t.login('danwei')];
    const id = (await sessions[0]!.get('/api/forms')).json().items[0].id;
    seed = (await sessions[0]!.get(`/api/forms/${id}`)).json().form;
  });
  afterAll(async () => {
    await t?.close();
  });

  const newForm = async (name: string): Promise<string> => {
    const r = await sessions[0]!.post('/api/forms', {
      form: { ...seed, projectName: name },
      orgId: 'demo-zgc-bj',
    });
    expect(r.statusCode).toBe(201);
    return r.json().id;
  };

  it('two sessions saving on the same revision: one 200, one 409', async () => {
    const id = await newForm('并发保存项目');
    const [a, b] = sessions;
    const { form, revision } = (await a!.get(`/api/forms/${id}`)).json();
    const [ra, rb] = await Promise.all([
      a!.put(`/api/forms/${id}`, { form: { ...form, projectLead: '甲' } }, { 'if-match': `"${revision}"` }),
      b!.put(`/api/forms/${id}`, { form: { ...form, projectLead: '乙' } }, { 'if-match': `"${revision}"` }),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 409]);
    const loser = ra.statusCode === 409 ? ra : rb;
    const winner = ra.statusCode === 200 ? ra : rb;
    expect(loser.json().error).toMatchObject({
      code: 'stale-revision',
      details: { currentRevision: revision + 1 },
    });
    const now = (await a!.get(`/api/forms/${id}`)).json();
    expect(now.revision).toBe(revision + 1);
    expect(now.form.projectLead).toBe(winner.json().form.projectLead);
  });

  it('50 concurrent writers retrying on 409: no lost update, no error', async () => {
    const id = await newForm('五十人同时编辑项目');
    const WRITERS = 50;
    const errors: string[] = [];
    let conflicts = 0;
    const writer = async (i: number) => {
      const s = sessions[i % sessions.length]!;
      for (let attempt = 0; attempt < 500; attempt++) {
        const got = await s.get(`/api/forms/${id}`);
        if (got.statusCode !== 200) {
          errors.push(`GET ${got.statusCode} ${got.body}`);
          return;
        }
        const { form, revision } = got.json();
        const next = { ...form, goals: { ...form.goals, expected: `${form.goals.expected}[w${i}]` } };
        const put = await s.put(`/api/forms/${id}`, { form: next }, { 'if-match': `"${revision}"` });
        if (put.statusCode === 200) return;
        if (put.statusCode !== 409) {
          errors.push(`PUT ${put.statusCode} ${put.body.slice(0, 200)}`);
          return;
        }
        conflicts++;
        await new Promise((r) => setTimeout(r, Math.random() * 5));
      }
      errors.push(`writer ${i} gave up`);
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    expect(errors).toEqual([]);
    const final = (await sessions[0]!.get(`/api/forms/${id}`)).json();
    expect(final.revision).toBe(1 + WRITERS);
    for (let i = 0; i < WRITERS; i++)
      expect(final.form.goals.expected.split(`[w${i}]`).length - 1, `writer ${i}`).toBe(1);
    expect(conflicts).toBeGreaterThan(0);
    const report = (await integrityReport(t.ctx)).find((f) => f.id === id)!;
    expect(report).toMatchObject({ revision: 1 + WRITERS, revisions: 1 + WRITERS });
    expect(report.indicatorRows).toBe(report.indicatorsInJson);
  }, 120_000);
});
