import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isUniqueViolation, type OrgRecord, orgs, transaction, users } from '../store/index.ts';
import { type AppContext, actorOf, iso } from './context.ts';
import { seedLifecycleDemo } from './demo-lifecycle.ts';
import { evaluateAll } from './evaluation.ts';
import { commitInTransaction, readImport } from './imports.ts';
import { hashPassword } from './passwords.ts';

// First run: an empty database gets a demo org tree, demo users and the seed form, so a new user
// sees real content at once. Fixed ids make it safe when several servers start on one empty
// database: the second seeding hits a primary key and is ignored.

export const DEMO_PASSWORD = 'jixiao-demo';
export const SEED_FORM = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'fixtures',
  'seed.txt',
);

type DemoOrg = {
  id: string;
  parent: string | null;
  name: string;
  kind: OrgRecord['kind'];
  profileId?: string;
};

export const DEMO_ORGS: readonly DemoOrg[] = [
  { id: 'demo-bj-czj', parent: null, name: '北京市财政局', kind: 'finance', profileId: 'beijing' },
  { id: 'demo-zgc', parent: 'demo-bj-czj', name: '中关村科技园区管理委员会', kind: 'department' },
  { id: 'demo-zgc-bj', parent: 'demo-zgc', name: '中关村科技园区管理委员会本级', kind: 'unit' },
  { id: 'demo-zgc-cyzx', parent: 'demo-zgc', name: '中关村创业服务中心', kind: 'unit' },
  { id: 'demo-jw', parent: 'demo-bj-czj', name: '北京市教育委员会', kind: 'department' },
  { id: 'demo-jw-bj', parent: 'demo-jw', name: '北京市教育委员会本级', kind: 'unit' },
];

export const DEMO_USERS = [
  {
    id: 'demo-user-admin',
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    orgId: 'demo-bj-czj',
  },
  {
    id: 'demo-user-finance',
    username: 'caizheng',
    displayName: '财政局审核人',
    role: 'finance-reviewer',
    orgId: 'demo-bj-czj',
  },
  {
    id: 'demo-user-dept',
    username: 'zhuguan',
    displayName: '中关村管委会审核人',
    role: 'department-reviewer',
    orgId: 'demo-zgc',
  },
  {
    id: 'demo-user-unit',
    username: 'danwei',
    displayName: '中关村管委会本级填报人',
    role: 'unit-filler',
    orgId: 'demo-zgc-bj',
  },
  {
    id: 'demo-user-unit2',
    username: 'chuangye',
    displayName: '创业服务中心填报人',
    role: 'unit-filler',
    orgId: 'demo-zgc-cyzx',
  },
  {
    id: 'demo-user-edu',
    username: 'jiaowei',
    displayName: '教委审核人',
    role: 'department-reviewer',
    orgId: 'demo-jw',
  },
] as const;

/** How many demo accounts the database holds (a warning when the server runs outside demo mode). */
export async function countDemoUsers(ctx: AppContext): Promise<number> {
  return (await users.listAll(ctx.store.db)).filter((u) => DEMO_USERS.some((d) => d.id === u.id)).length;
}

/**
 * Seeds the demo content when the database has no org at all; returns whether it did. With
 * `lifecycle` (the default; tests leave it out to keep their counts) a second unit's project also
 * runs through its year (demo-lifecycle.ts).
 */
export async function seedDemoIfEmpty(
  ctx: AppContext,
  options: { lifecycle?: boolean } = {},
): Promise<boolean> {
  const { db } = ctx.store;
  if ((await orgs.count(db)) > 0) return false;
  const hash = await hashPassword(DEMO_PASSWORD, ctx.config.scryptCost);
  const bytes = await readFile(SEED_FORM);
  const [seed] = await readImport(bytes, 'seed.txt');
  const now = iso(ctx);
  const byId = new Map<string, OrgRecord>();
  try {
    await transaction(db, async (trx) => {
      for (const o of DEMO_ORGS) {
        const parent = o.parent ? byId.get(o.parent)! : null;
        const org: OrgRecord = {
          id: o.id,
          parentId: parent?.id ?? null,
          name: o.name,
          kind: o.kind,
          path: `${parent?.path ?? '/'}${o.id}/`,
          depth: parent ? parent.depth + 1 : 0,
          profileId: o.profileId ?? null,
          createdAt: now,
        };
        byId.set(o.id, org);
        await orgs.insert(trx, org, now);
      }
      for (const u of DEMO_USERS)
        await users.insert(trx, { ...u, passwordHash: hash, mustChangePassword: null, demo: true }, now);
      const unit = byId.get('demo-zgc-bj')!;
      const filler = DEMO_USERS[3];
      const actor = actorOf(filler, unit);
      if (seed)
        await commitInTransaction(trx, ctx, actor, unit, seed.form, 'skip', '示例数据：种子自评表', now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
  if (options.lifecycle !== false) await seedLifecycleDemo(ctx);
  await evaluateAll(ctx);
  return true;
}
