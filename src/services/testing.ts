import { readFileSync } from 'node:fs';
import type { DialectName } from '../store/dialect.ts';
import { forms, orgs, revisions, users } from '../store/index.ts';
import { openTestStore, type TestStore } from '../store/testing.ts';
import { type Actor, type AppContext, actorOf, createContext, type ServiceConfig } from './context.ts';
import { SEED_FORM, seedDemoIfEmpty } from './demo-seed.ts';

export { ALL_DIALECTS, testDialects } from '../store/testing.ts';

// Test contexts for services and the server: a fresh database of the dialect with the demo org
// tree, users and seed form (demo-seed.ts), cheap password hashing, and a clock tests can move.

export type TestContext = {
  ctx: AppContext;
  store: TestStore;
  clock: { now: Date; advance(ms: number): void };
  cleanup(): Promise<void>;
};

export async function createTestContext(
  dialect: DialectName,
  /** `lifecycleDemo`: also the demo's lifecycle project (off, so tests keep their counts). */
  options: { demo?: boolean; lifecycleDemo?: boolean; config?: Partial<ServiceConfig> } = {},
): Promise<TestContext> {
  const store = await openTestStore(dialect);
  const clock = {
    offset: 0,
    get now() {
      return new Date(Date.now() + this.offset);
    },
    advance(ms: number) {
      this.offset += ms;
    },
  };
  const ctx = createContext(store, store.dataDir, {
    now: () => clock.now,
    config: { scryptCost: 1024, demoMode: options.demo !== false, ...options.config },
  });
  if (options.demo !== false) await seedDemoIfEmpty(ctx, { lifecycle: options.lifecycleDemo === true });
  return { ctx, store, clock, cleanup: () => store.cleanup() };
}

/** The actor of a user, as a session would produce it. */
export async function actorFor(ctx: AppContext, username: string): Promise<Actor> {
  const cred = await users.getCredentials(ctx.store.db, username);
  if (!cred) throw new Error(`no user ${username}`);
  const u = (await users.get(ctx.store.db, cred.id))!;
  const org = (await orgs.get(ctx.store.db, u.orgId))!;
  return actorOf(u, org, { id: 'test', csrfToken: 'test' });
}

/** The seed form's text, renamed to another project (batch import and crash tests). */
export function seedCopy(projectName: string): string {
  return readFileSync(SEED_FORM, 'utf8').replace('2021年中关村海外联络工作支持资金项目', projectName);
}

/** Every stored form with what a complete write leaves behind (crash and concurrency tests). */
export async function integrityReport(ctx: AppContext) {
  const { db } = ctx.store;
  const page = await forms.list(db, { scopePath: '/' }, 'name-asc', 1, 100_000);
  const out = [];
  for (const f of page.items) {
    const data = await forms.getData(db, f.id);
    const json = JSON.parse(data!.data) as { indicators: unknown[]; projectName: string };
    out.push({
      id: f.id,
      projectName: f.projectName,
      revision: f.revision,
      revisions: await revisions.count(db, f.id),
      indicatorRows: (await forms.indicators(db, f.id)).length,
      indicatorsInJson: json.indicators.length,
    });
  }
  return out;
}
