import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from './repositories/audit-log.ts';
import { comments } from './repositories/comments.ts';
import { dashboard } from './repositories/dashboard.ts';
import { evidence } from './repositories/evidence.ts';
import {
  chainForms,
  currentDataOf,
  type FormContent,
  findFormsByProjectName,
  forms,
  formsOfKindUnder,
  type IndicatorRow,
  markChainPending,
  multiFormProjectYears,
  setStatus,
} from './repositories/forms.ts';
import { jobs } from './repositories/jobs.ts';
import { loginThrottle } from './repositories/login-throttle.ts';
import { orgs } from './repositories/orgs.ts';
import { projects } from './repositories/projects.ts';
import { reportForms } from './repositories/report-forms.ts';
import { revisions } from './repositories/revisions.ts';
import { sessions } from './repositories/sessions.ts';
import { users } from './repositories/users.ts';
import { openTestStore, type TestStore, testDialects } from './testing.ts';

// Runs every repository query once on each dialect, checks what it returns, and snapshots the
// compiled SQL (__sql__/<dialect>.sql) so a query change shows up in review.

const dialects = await testDialects();
const NOW = '2024-03-01T08:00:00.000Z';
const LATER = '2024-03-01T09:00:00.000Z';

const row = (position: number, patch: Partial<IndicatorRow> = {}): IndicatorRow => ({
  position,
  level1: '产出指标',
  level2: '数量指标',
  name: `指标${position}`,
  target: '≥10篇',
  actual: '10篇',
  weight: 5,
  score: 5,
  missed: false,
  ...patch,
});

const content = (indicators: IndicatorRow[], patch: Partial<FormContent> = {}): FormContent => ({
  data: JSON.stringify({ indicators }),
  year: 2021,
  kind: 'project-self-evaluation',
  projectName: '测试项目',
  selfTotal: 95,
  executionRate: 93.51,
  searchText: '测试项目 指标',
  indicators,
  ...patch,
});

describe.each(dialects)('repositories (%s)', (dialect) => {
  let store: TestStore;
  const log: string[] = [];
  let label = '';
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    label = name;
    log.push(`-- ${name}`);
    const r = await fn();
    label = '';
    return r;
  };

  beforeAll(async () => {
    store = await openTestStore(dialect, {
      onQuery: (sql) => {
        if (label) log.push(`${sql};`);
      },
    });
  });
  afterAll(async () => {
    await store?.cleanup();
  });

  it('runs every query and returns typed records', async () => {
    const db = store.db;
    await step('orgs.insert', () =>
      orgs.insert(
        db,
        {
          id: 'o1',
          parentId: null,
          name: '财政局',
          kind: 'finance',
          path: '/o1/',
          depth: 0,
          profileId: 'beijing',
          createdAt: NOW,
        },
        NOW,
      ),
    );
    await orgs.insert(
      db,
      {
        id: 'o2',
        parentId: 'o1',
        name: '主管部门',
        kind: 'department',
        path: '/o1/o2/',
        depth: 1,
        profileId: null,
        createdAt: NOW,
      },
      NOW,
    );
    await orgs.insert(
      db,
      {
        id: 'o3',
        parentId: 'o2',
        name: '实施单位',
        kind: 'unit',
        path: '/o1/o2/o3/',
        depth: 2,
        profileId: null,
        createdAt: NOW,
      },
      NOW,
    );
    expect(await step('orgs.get', () => orgs.get(db, 'o3'))).toMatchObject({
      depth: 2,
      kind: 'unit',
      profileId: null,
    });
    expect((await step('orgs.listSubtree', () => orgs.listSubtree(db, '/o1/o2/'))).map((o) => o.id)).toEqual([
      'o2',
      'o3',
    ]);
    expect(await step('orgs.listByIds', () => orgs.listByIds(db, ['o1', 'o3']))).toHaveLength(2);
    expect(await step('orgs.count', () => orgs.count(db))).toBe(3);
    expect(
      (await step('orgs.findUnitsByName', () => orgs.findUnitsByName(db, '实施单位', '/o1/'))).map(
        (o) => o.id,
      ),
    ).toEqual(['o3']);
    await step('orgs.update', () => orgs.update(db, 'o3', { name: '实施单位甲' }, LATER));

    await step('users.insert', () =>
      users.insert(
        db,
        {
          id: 'u1',
          username: 'a',
          displayName: '甲',
          passwordHash: 'h',
          role: 'unit-filler',
          orgId: 'o3',
          mustChangePassword: 'initial',
        },
        NOW,
      ),
    );
    expect(await step('users.get', () => users.get(db, 'u1'))).toMatchObject({
      orgName: '实施单位甲',
      active: true,
      orgPath: '/o1/o2/o3/',
    });
    expect(await step('users.getCredentials', () => users.getCredentials(db, 'a'))).toEqual({
      id: 'u1',
      passwordHash: 'h',
      active: true,
      demo: false,
    });
    expect(await step('users.getByUsername', () => users.getByUsername(db, 'a'))).toMatchObject({ id: 'u1' });
    await step('users.setPassword', () =>
      users.setPassword(db, { id: 'p1', userId: 'u1', passwordHash: 'h2', mustChange: null, keep: 1 }, NOW),
    );
    await users.setPassword(
      db,
      { id: 'p2', userId: 'u1', passwordHash: 'h', mustChange: null, keep: 1 },
      LATER,
    );
    expect(await step('users.passwordHistory', () => users.passwordHistory(db, 'u1', 5))).toEqual(['h']);
    expect(await step('users.listAll', () => users.listAll(db))).toMatchObject([
      { username: 'a', mustChangePassword: null },
    ]);
    expect(await step('users.passwordHash', () => users.passwordHash(db, 'u1'))).toBe('h');
    expect(await step('users.listInScope', () => users.listInScope(db, '/o1/o2/'))).toHaveLength(1);
    await step('users.update', () => users.update(db, 'u1', { displayName: '甲乙', active: true }, LATER));

    await step('sessions.insert', () =>
      sessions.insert(db, { id: 's1', userId: 'u1', csrfToken: 'c', expiresAt: LATER }, NOW),
    );
    expect(await step('sessions.getActive', () => sessions.getActive(db, 's1', NOW))).toMatchObject({
      csrfToken: 'c',
      user: { username: 'a' },
      org: { path: '/o1/o2/o3/' },
    });
    expect(await sessions.getActive(db, 's1', LATER)).toBeNull();
    await step('sessions.touch', () => sessions.touch(db, 's1', NOW, LATER));
    await step('sessions.deleteForUser', () => sessions.deleteForUser(db, 'u1', 's1'));
    expect(await step('sessions.deleteExpired', () => sessions.deleteExpired(db, LATER))).toBe(1);
    await step('sessions.delete', () => sessions.delete(db, 's1'));

    const hit = () => loginThrottle.hit(db, 'u:a', NOW, '2024-01-01', 2);
    expect(await step('loginThrottle.hit', hit)).toEqual({ attempts: 1, windowStart: NOW });
    expect((await hit()).attempts).toBe(2);
    expect((await hit()).attempts).toBe(3);
    expect(await step('loginThrottle.get', () => loginThrottle.get(db, 'u:a'))).toMatchObject({
      attempts: 3,
    });
    await step('loginThrottle.release', () => loginThrottle.release(db, 'u:a'));
    expect(await step('loginThrottle.take', () => loginThrottle.take(db, 'u:a'))).toBe(2);
    await hit();
    await step('loginThrottle.prune', () => loginThrottle.prune(db, LATER));
    expect(await loginThrottle.get(db, 'u:a')).toBeNull();

    await step('projects.insert', () =>
      projects.insert(db, { id: 'p1', orgId: 'o3', name: '测试项目', code: null }, NOW),
    );
    expect(await step('projects.get', () => projects.get(db, 'p1'))).toMatchObject({
      formCount: 0,
      orgName: '实施单位甲',
    });
    expect(await step('projects.findByName', () => projects.findByName(db, 'o3', '测试项目'))).toEqual({
      id: 'p1',
    });
    expect(
      (await step('projects.list', () => projects.list(db, { scopePath: '/o1/', q: '测试' }, 1, 10))).total,
    ).toBe(1);
    await step('projects.update', () => projects.update(db, 'p1', { code: 'X' }, LATER));

    const rows = [row(0), row(1, { score: 2, missed: true }), row(2)];
    await step('forms.insert', () =>
      forms.insert(
        db,
        { id: 'f1', projectId: 'p1', orgId: 'o3', status: 'draft', profileId: 'national', userId: 'u1' },
        content(rows),
        NOW,
      ),
    );
    await step('revisions.insert', () =>
      revisions.insert(
        db,
        { formId: 'f1', revision: 1, data: content(rows).data, note: null, userId: 'u1' },
        NOW,
      ),
    );
    expect(await step('forms.getHead', () => forms.getHead(db, 'f1'))).toMatchObject({
      revision: 1,
      status: 'draft',
      orgPath: '/o1/o2/o3/',
    });
    const detail = await step('forms.getDetail', () => forms.getDetail(db, 'f1'));
    expect(JSON.parse(Buffer.from(detail!.data).toString('utf8'))).toEqual({ indicators: rows });
    // read again: the same revision's bytes come from the store's cache (revision-bytes.ts)
    expect((await forms.getDetail(db, 'f1'))!.data).toBe(detail!.data);
    expect(detail).toMatchObject({
      evaluated: false,
      selfTotal: 95,
      executionRate: 93.51,
      createdBy: { username: 'a' },
    });
    expect(await step('forms.getSummary', () => forms.getSummary(db, 'f1'))).toMatchObject({
      projectName: '测试项目',
    });
    expect((await step('forms.getData', () => forms.getData(db, 'f1')))!.revision).toBe(1);
    expect(
      (await step('forms.findExisting', () => forms.findExisting(db, 'p1', 2021, 'project-self-evaluation')))!
        .id,
    ).toBe('f1');
    expect(
      await step('findFormsByProjectName', () =>
        findFormsByProjectName(db, '/o1/', '测试项目', 2021, 'project-self-evaluation'),
      ),
    ).toEqual([{ id: 'f1', revision: 1, orgId: 'o3' }]);

    const changed = [row(0), row(1, { score: 5, missed: false }), row(2), row(3)];
    expect(
      await step('forms.updateContent', () =>
        forms.updateContent(
          db,
          'f1',
          1,
          ['draft', 'returned'],
          content(changed),
          { userId: 'u1', orgId: 'o3' },
          LATER,
        ),
      ),
    ).toBe(true);
    expect(
      await forms.updateContent(
        db,
        'f1',
        1,
        ['draft', 'returned'],
        content(changed),
        { userId: 'u1', orgId: 'o3' },
        LATER,
      ),
    ).toBe(false);
    expect(await step('forms.indicators', () => forms.indicators(db, 'f1'))).toEqual(changed);
    await forms.syncIndicators(db, 'f1', 'o3', 2021, [row(0, { name: '改' })]);
    expect(await forms.indicators(db, 'f1')).toEqual([row(0, { name: '改' })]);
    await forms.syncIndicators(db, 'f1', 'o3', 2022, changed);
    expect((await forms.indicators(db, 'f1')).length).toBe(4);
    await revisions.insert(
      db,
      { formId: 'f1', revision: 2, data: content(changed).data, note: '改', userId: 'u1' },
      LATER,
    );
    // a save is a new revision: the detail shows it, not the kept bytes of the one before
    expect(JSON.parse(Buffer.from((await forms.getDetail(db, 'f1'))!.data).toString('utf8'))).toEqual({
      indicators: changed,
    });
    expect((await step('revisions.list', () => revisions.list(db, 'f1'))).map((r) => r.revision)).toEqual([
      2, 1,
    ]);
    expect((await step('revisions.get', () => revisions.get(db, 'f1', 1)))!.data).toBe(content(rows).data);
    expect(await step('revisions.count', () => revisions.count(db, 'f1'))).toBe(2);

    const page = await step('forms.list', () =>
      forms.list(db, { scopePath: '/o1/', year: 2021, status: 'draft', q: '测试' }, 'updated-desc', 1, 10),
    );
    expect(page).toMatchObject({ total: 1, items: [{ id: 'f1', revision: 2, orgName: '实施单位甲' }] });
    expect((await forms.list(db, { scopePath: '/o9/' }, 'name-asc', 1, 10)).total).toBe(0);
    expect((await forms.list(db, { scopePath: '/o1/', q: '测%' }, 'name-asc', 1, 10)).total).toBe(0);
    expect((await projects.list(db, { scopePath: '/o1/', q: '_' }, 1, 10)).total).toBe(0);
    expect(await step('forms.pendingEvaluations', () => forms.pendingEvaluations(db, 10))).toMatchObject([
      { id: 'f1', revision: 2 },
    ]);
    const evaluation = {
      ruleTotal: 90,
      grade: '优',
      findingCount: 2,
      errorCount: 1,
      byFamily: {
        arithmetic: 1,
        structure: 0,
        scoring: 1,
        'cross-field': 0,
        narrative: 0,
        value: 0,
        'target-quality': 0,
        monitoring: 0,
        'cross-stage': 0,
      },
    };
    expect(await step('forms.writeEvaluation', () => forms.writeEvaluation(db, 'f1', 1, evaluation))).toBe(
      false,
    );
    expect(await forms.writeEvaluation(db, 'f1', 2, evaluation)).toBe(true);
    expect(await step('forms.countPending', () => forms.countPending(db))).toBe(0);
    expect(await step('forms.count', () => forms.count(db))).toBe(1);
    await step('forms.markEvaluationFailed', () => forms.markEvaluationFailed(db, 'f1', 1));
    expect(await forms.getSummary(db, 'f1')).toMatchObject({ evaluated: true, grade: '优', ruleTotal: 90 });

    const f = { scopePath: '/o1/', year: 2021 };
    expect(await step('dashboard.summary', () => dashboard.summary(db, f))).toEqual([
      {
        status: 'draft',
        grade: '优',
        forms: 1,
        evaluated: 1,
        withFindings: 1,
        selfSum: 95,
        selfN: 1,
        ruleSum: 90,
        ruleN: 1,
        families: {
          arithmetic: 1,
          structure: 0,
          scoring: 1,
          'cross-field': 0,
          narrative: 0,
          value: 0,
          'target-quality': 0,
          monitoring: 0,
          'cross-stage': 0,
        },
      },
    ]);
    expect(await step('dashboard.byOrgKind', () => dashboard.byOrgKind(db, f))).toEqual([
      { orgId: 'o3', kind: 'project-self-evaluation', forms: 1, crossStage: 0, withCrossStage: 0 },
    ]);
    expect(
      (await step('chainForms', () => chainForms(db, 'p1', 2021))).map((r) => [r.id, r.version]),
    ).toEqual([['f1', 1]]);
    expect([...(await step('currentDataOf', () => currentDataOf(db, ['f1']))).keys()]).toEqual(['f1']);
    await step('markChainPending', () => markChainPending(db, 'p1', 2021, 'f1'));
    expect([...(await step('multiFormProjectYears', () => multiFormProjectYears(db, ['p1'])))]).toEqual([]);
    expect(
      (
        await step('formsOfKindUnder', () =>
          formsOfKindUnder(db, {
            scopePath: '/o1/',
            orgPath: '/o1/o2/',
            kind: 'project-self-evaluation',
            year: 2021,
          }),
        )
      ).map((r) => [r.id, r.crossStage]),
    ).toEqual([['f1', 0]]);
    expect(await step('setStatus', () => setStatus(db, 'f1', 'approved', 'superseded'))).toBe(false);
    expect(await step('dashboard.distributions', () => dashboard.distributions(db, f))).toEqual([
      { rate: 5, diff: 6, count: 1 },
    ]);
    expect(await step('dashboard.byOrgYear', () => dashboard.byOrgYear(db, f))).toEqual([
      { orgId: 'o3', year: 2021, forms: 1, selfSum: 95, selfN: 1, ruleSum: 90, ruleN: 1, withFindings: 1 },
    ]);
    expect(await dashboard.summary(db, { scopePath: '/o1/', year: 2020 })).toEqual([]);
    const rf = { scopePath: '/o1/', orgName: '甲', year: 2021, status: 'draft' as const };
    expect(await step('reportForms.count', () => reportForms.count(db, rf))).toBe(1);
    expect(await step('reportForms.page', () => reportForms.page(db, rf, null, 10))).toEqual([
      {
        id: 'f1',
        orgName: '实施单位甲',
        status: 'draft',
        profileId: 'national',
        data: content(changed).data,
      },
    ]);
    expect(await reportForms.page(db, rf, 'f1', 10)).toEqual([]);
    expect(await reportForms.count(db, { ...rf, status: 'approved' })).toBe(0);
    await forms.syncIndicators(db, 'f1', 'o3', 2021, [
      row(0, { missed: true, score: 1 }),
      row(1, { missed: true, score: 1 }),
    ]);
    expect(
      await step('dashboard.mostMissed', () =>
        dashboard.mostMissed(db, { scopePath: '/o1/', orgPath: '/o1/o2/' }, 10),
      ),
    ).toEqual([
      { level2: '数量指标', name: '指标0', missed: 1 },
      { level2: '数量指标', name: '指标1', missed: 1 },
    ]);

    await step('comments.insert', () =>
      comments.insert(
        db,
        {
          id: 'c1',
          formId: 'f1',
          revision: 2,
          field: 'indicators[0].actual',
          body: '请核实',
          action: null,
          fromStatus: null,
          toStatus: null,
          authorId: 'u1',
        },
        NOW,
      ),
    );
    expect(await step('comments.list', () => comments.list(db, 'f1'))).toMatchObject([
      { field: 'indicators[0].actual', author: { username: 'a' } },
    ]);
    await step('evidence.insert', () =>
      evidence.insert(
        db,
        {
          id: 'e1',
          formId: 'f1',
          row: 0,
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          size: 3,
          sha256: 'abc',
          userId: 'u1',
        },
        NOW,
      ),
    );
    expect(await step('evidence.list', () => evidence.list(db, 'f1'))).toHaveLength(1);
    expect(await step('evidence.get', () => evidence.get(db, 'e1'))).toMatchObject({ size: 3, row: 0 });
    expect(await step('evidence.countBySha', () => evidence.countBySha(db, 'abc'))).toBe(1);
    await step('evidence.delete', () => evidence.delete(db, 'e1'));
    await step('auditLog.insert', () =>
      auditLog.insert(
        db,
        {
          id: 'a1',
          actorId: 'u1',
          actorName: 'a',
          ip: '10.0.0.1',
          action: 'form.save',
          entityType: 'form',
          entityId: 'f1',
          before: { x: 1 },
          after: { x: 2 },
        },
        NOW,
      ),
    );
    expect(await step('auditLog.forEntity', () => auditLog.forEntity(db, 'form', 'f1'))).toMatchObject([
      { before: { x: 1 }, after: { x: 2 }, actor: { username: 'a' } },
    ]);
    expect(
      (
        await step('auditLog.list', () =>
          auditLog.list(db, { actorScopePath: '/o1/', entityType: 'form' }, 1, 10),
        )
      ).total,
    ).toBe(1);

    await step('jobs.insert', () =>
      jobs.insert(db, { id: 'j1', orgId: 'o3', onExisting: 'skip', userId: 'u1', total: 2 }, NOW),
    );
    await step('jobs.insertItem', () =>
      jobs.insertItem(db, 'j1', { position: 0, fileName: 'a.txt', content: new Uint8Array([1, 2]) }),
    );
    await jobs.insertItem(db, 'j1', { position: 1, fileName: 'b.txt', content: new Uint8Array([3]) });
    const claimed = await step('jobs.claimItems', () => jobs.claimItems(db, 'w1', NOW, LATER, 1));
    expect(claimed).toMatchObject([{ jobId: 'j1', position: 0, fileName: 'a.txt', attempts: 1 }]);
    expect([...claimed[0]!.content]).toEqual([1, 2]);
    // a held item is not claimed again before its lease runs out; after, it is (its worker died)
    expect((await jobs.claimItems(db, 'w2', NOW, LATER, 5)).map((i) => i.position)).toEqual([1]);
    expect(await jobs.claimItems(db, 'w2', NOW, LATER, 5)).toEqual([]);
    expect(await step('jobs.renewItems', () => jobs.renewItems(db, 'j1', [0, 1], 'w1', LATER))).toBe(1);
    expect(await jobs.claimItems(db, 'w3', LATER, LATER, 5)).toEqual([]);
    expect(await jobs.renewItems(db, 'j1', [0], 'w1', NOW)).toBe(1);
    const retaken = await jobs.claimItems(db, 'w3', LATER, LATER, 5);
    expect(retaken).toMatchObject([{ position: 0, attempts: 2 }]);
    // the first worker lost it: its mark (and the forms written with it) do not count
    expect(
      await jobs.completeItem(
        db,
        'j1',
        0,
        'w1',
        { status: 'done', formId: 'f1', error: null, warningCount: 1 },
        NOW,
      ),
    ).toBe(false);
    expect(
      await step('jobs.completeItem', () =>
        jobs.completeItem(
          db,
          'j1',
          0,
          'w3',
          { status: 'done', formId: 'f1', error: null, warningCount: 1 },
          NOW,
        ),
      ),
    ).toBe(true);
    expect(
      await jobs.completeItem(
        db,
        'j1',
        0,
        'w3',
        { status: 'done', formId: 'f1', error: null, warningCount: 1 },
        NOW,
      ),
    ).toBe(false);
    expect(await step('jobs.get', () => jobs.get(db, 'j1'))).toMatchObject({
      status: 'running',
      processed: 1,
      succeeded: 1,
      failed: 0,
      createdByOrgPath: '/o1/o2/o3/',
    });
    expect((await step('jobs.list', () => jobs.list(db, '/o1/', 1, 10))).total).toBe(1);
    expect(await step('jobs.items', () => jobs.items(db, 'j1'))).toMatchObject([
      { status: 'done', warningCount: 1 },
      { status: 'pending' },
    ]);
    expect(
      await jobs.completeItem(
        db,
        'j1',
        1,
        'w2',
        { status: 'failed', formId: null, error: 'x', warningCount: 0 },
        NOW,
      ),
    ).toBe(true);
    expect(await jobs.get(db, 'j1')).toMatchObject({ status: 'done', processed: 2, succeeded: 1, failed: 1 });
    expect(await step('jobs.cancel', () => jobs.cancel(db, 'j1', LATER))).toBe(false);
    expect(await step('jobs.fail', () => jobs.fail(db, 'j1', 'x', LATER))).toBe(false);

    expect(
      await step('forms.updateStatus', () =>
        forms.updateStatus(db, 'f1', 'draft', 'submitted', 'u1', LATER, 2),
      ),
    ).toBe(true);
    expect(await step('forms.delete', () => forms.delete(db, 'f1', 'draft', 2))).toBe(false);
  });

  it('snapshots the compiled SQL of every repository query', async () => {
    await expect(`${log.join('\n')}\n`).toMatchFileSnapshot(`./__sql__/${dialect}.sql`);
  });
});
