import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../core/form/schema.ts';
import { forms } from '../store/index.ts';
import { startWorkers, type Workers } from './background.ts';
import { loadFormJson } from './form-read.ts';
import { saveForm } from './form-write.ts';
import { actorFor, createTestContext, type TestContext, testDialects } from './testing.ts';

const dialects = await testDialects();

describe.each(dialects)('background evaluator (%s)', (dialect) => {
  let t: TestContext;
  let workers: Workers;
  beforeAll(async () => {
    t = await createTestContext(dialect);
    workers = startWorkers(t.ctx, { pollMs: 50, evaluatorGapMs: 10, log: () => undefined });
  });
  afterAll(async () => {
    await workers?.stop();
    await t?.cleanup();
  });

  it('re-scores a form soon after it is saved', async () => {
    const actor = await actorFor(t.ctx, 'danwei');
    const [first] = (await forms.list(t.ctx.store.db, { scopePath: '/' }, 'name-asc', 1, 1)).items;
    const { form, revision } = await loadFormJson(t.ctx, actor, first!.id);
    const worse: Form = {
      ...form,
      indicators: form.indicators.map((i) => ({ ...i, actual: '未完成', score: 0 })),
    };
    await saveForm(t.ctx, actor, first!.id, revision, { form: worse });
    let summary = await forms.getSummary(t.ctx.store.db, first!.id);
    for (let i = 0; i < 100 && !summary?.evaluated; i++) {
      await new Promise((r) => setTimeout(r, 20));
      summary = await forms.getSummary(t.ctx.store.db, first!.id);
    }
    expect(summary).toMatchObject({ evaluated: true, revision: revision + 1 });
    expect(summary!.ruleTotal!).toBeLessThan(first!.ruleTotal!);
  });
});
