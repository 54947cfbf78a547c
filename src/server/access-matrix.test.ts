import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EndpointName, endpoints } from '../contract/endpoints.ts';
import type { Form } from '../core/form/schema.ts';
import { SEED_FORM } from '../services/demo-seed.ts';
import { DEPARTMENTS, Fixtures, SETTLED_PASSWORD, type Target, UNITS } from './access-fixtures.ts';
import { createTestApp, multipart, type Session, type TestApp, testDialects } from './testing.ts';

// Every route × every role × in/out of scope. A unit sees only its forms, a department its units',
// a finance bureau everything in its tree; ids from another scope answer 404 exactly like missing
// ones. The table below must name every endpoint of the contract (checked by the first test).

type Role = 'unit-filler' | 'department-reviewer' | 'finance-reviewer' | 'admin';
type MatrixUser = { username: string; role: Role; orgPath: string } | null;
type Ids = Record<string, string>;
type Req = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: { payload: Buffer; headers: Record<string, string> };
};

type Case = {
  endpoint: EndpointName;
  label?: string;
  /** which org decides whether the target is in the caller's scope; 'none' for collections. */
  scope: 'unit' | 'department' | 'none';
  order?: 'scope-first' | 'role-first';
  allowed: readonly Role[] | 'all' | ((user: NonNullable<MatrixUser>, target: Target) => boolean);
  ok: number;
  /** prepare a new fixture for every request (the request changes it). */
  fresh?: boolean;
  prepare?: (fx: Fixtures, target: Target) => Promise<Ids>;
  request: (ids: Ids, target: Target, fx: Fixtures) => Req;
  /** list routes: whether the response shows the target's entity. */
  listed?: (body: { items: Array<Record<string, unknown>> }, ids: Ids) => boolean;
  /** the request ends the session or changes the password: use a fresh session, then log in again. */
  ownSession?: boolean;
  skip?: boolean;
};

const EDITORS: Role[] = ['unit-filler', 'admin'];
const REVIEWERS: Role[] = ['department-reviewer', 'finance-reviewer', 'admin'];
const ADMIN: Role[] = ['admin'];
const seedForm = async (fx: Fixtures, t: Target) => ({ form: await fx.form(t) });
const has = (key: string, id: string) => (b: { items: Array<Record<string, unknown>> }) =>
  b.items.some((i) => i[key] === id);

const CASES: Case[] = [
  {
    endpoint: 'health',
    scope: 'none',
    allowed: 'all',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/health' }),
  },
  {
    endpoint: 'login',
    scope: 'none',
    allowed: 'all',
    ok: 200,
    request: () => ({ method: 'POST', url: '/api/session' }),
  },
  {
    endpoint: 'logout',
    scope: 'none',
    allowed: 'all',
    ok: 204,
    ownSession: true,
    request: () => ({ method: 'DELETE', url: '/api/session' }),
  },
  {
    endpoint: 'me',
    scope: 'none',
    allowed: 'all',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/session' }),
  },
  {
    endpoint: 'changePassword',
    scope: 'none',
    allowed: 'all',
    ok: 204,
    ownSession: true,
    request: () => ({
      method: 'POST',
      url: '/api/session/password',
      body: { currentPassword: 'PASSWORD', newPassword: 'PASSWORD' },
    }),
  },
  {
    endpoint: 'listProfiles',
    scope: 'none',
    allowed: 'all',
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/profiles' }),
  },
  {
    endpoint: 'evaluate',
    scope: 'none',
    allowed: 'all',
    ok: 200,
    request: (_i, _t, fx) => ({ method: 'POST', url: '/api/evaluate', body: { form: fx.formJson() } }),
  },

  {
    endpoint: 'listOrgs',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    listed: (b, i) => has('id', i['org']!)(b),
    prepare: async (_f, t) => ({ org: UNITS[t] }),
    request: () => ({ method: 'GET', url: '/api/orgs' }),
  },
  {
    endpoint: 'getOrg',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    request: (_i, t) => ({ method: 'GET', url: `/api/orgs/${UNITS[t]}` }),
  },
  {
    endpoint: 'createOrg',
    scope: 'department',
    order: 'role-first',
    allowed: ADMIN,
    ok: 201,
    request: (_i, t, fx) => ({
      method: 'POST',
      url: '/api/orgs',
      body: { parentId: DEPARTMENTS[t], name: fx.unique('新单位'), kind: 'unit' },
    }),
  },
  {
    endpoint: 'updateOrg',
    scope: 'unit',
    order: 'role-first',
    allowed: ADMIN,
    ok: 200,
    prepare: async (fx, t) => ({ org: await fx.org(t) }),
    request: (i, _t, fx) => ({
      method: 'PATCH',
      url: `/api/orgs/${i['org']}`,
      body: { name: fx.unique('改名单位') },
    }),
  },

  {
    endpoint: 'listUsers',
    scope: 'unit',
    order: 'role-first',
    allowed: ADMIN,
    ok: 200,
    listed: (b, i) => has('id', i['user']!)(b),
    prepare: async (fx, t) => ({ user: await fx.user(t) }),
    request: () => ({ method: 'GET', url: '/api/users' }),
  },
  {
    endpoint: 'createUser',
    scope: 'unit',
    order: 'role-first',
    allowed: ADMIN,
    ok: 201,
    request: (_i, t, fx) => ({
      method: 'POST',
      url: '/api/users',
      body: {
        username: fx.unique('nu'),
        displayName: '新用户',
        password: 'password-123',
        role: 'unit-filler',
        orgId: UNITS[t],
      },
    }),
  },
  {
    endpoint: 'updateUser',
    scope: 'unit',
    order: 'role-first',
    allowed: ADMIN,
    ok: 200,
    prepare: async (fx, t) => ({ user: await fx.user(t) }),
    request: (i) => ({ method: 'PATCH', url: `/api/users/${i['user']}`, body: { displayName: '改名' } }),
  },

  {
    endpoint: 'listProjects',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    listed: (b, i) => has('id', i['project']!)(b),
    prepare: async (fx, t) => ({ project: await fx.project(t) }),
    request: () => ({ method: 'GET', url: '/api/projects?pageSize=200' }),
  },
  {
    endpoint: 'getProject',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: async (fx, t) => ({ project: await fx.project(t) }),
    request: (i) => ({ method: 'GET', url: `/api/projects/${i['project']}` }),
  },
  {
    endpoint: 'createProject',
    scope: 'unit',
    order: 'role-first',
    allowed: EDITORS,
    ok: 201,
    request: (_i, t, fx) => ({
      method: 'POST',
      url: '/api/projects',
      body: { orgId: UNITS[t], name: fx.unique('新项目') },
    }),
  },
  {
    endpoint: 'updateProject',
    scope: 'unit',
    order: 'role-first',
    allowed: EDITORS,
    ok: 200,
    prepare: async (fx, t) => ({ project: await fx.project(t) }),
    request: (i, _t, fx) => ({
      method: 'PATCH',
      url: `/api/projects/${i['project']}`,
      body: { name: fx.unique('改名项目') },
    }),
  },

  {
    endpoint: 'listForms',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    listed: (b, i) => has('id', i['form']!)(b),
    prepare: seedForm,
    request: () => ({ method: 'GET', url: '/api/forms?pageSize=200' }),
  },
  {
    endpoint: 'createForm',
    scope: 'unit',
    order: 'role-first',
    allowed: EDITORS,
    ok: 201,
    request: (_i, t, fx) => ({
      method: 'POST',
      url: '/api/forms',
      body: { form: fx.formJson(), orgId: UNITS[t] },
    }),
  },
  {
    endpoint: 'getForm',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}` }),
  },
  {
    endpoint: 'saveForm',
    scope: 'unit',
    allowed: EDITORS,
    ok: 200,
    fresh: true,
    prepare: seedForm,
    request: (i, _t, fx) => ({
      method: 'PUT',
      url: `/api/forms/${i['form']}`,
      body: { form: fx.formJson() },
      headers: { 'if-match': '"1"' },
    }),
  },
  {
    endpoint: 'deleteForm',
    scope: 'unit',
    allowed: EDITORS,
    ok: 204,
    fresh: true,
    prepare: seedForm,
    request: (i) => ({ method: 'DELETE', url: `/api/forms/${i['form']}` }),
  },
  {
    endpoint: 'transitionForm',
    label: 'submit',
    scope: 'unit',
    allowed: EDITORS,
    ok: 200,
    fresh: true,
    prepare: seedForm,
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'submit' },
    }),
  },
  {
    endpoint: 'transitionForm',
    label: 'approve',
    scope: 'unit',
    allowed: REVIEWERS,
    ok: 200,
    fresh: true,
    prepare: async (fx, t) => ({ form: await fx.form(t, 'submitted') }),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'approve' },
    }),
  },
  {
    endpoint: 'transitionForm',
    label: 'return',
    scope: 'unit',
    allowed: REVIEWERS,
    ok: 200,
    fresh: true,
    prepare: async (fx, t) => ({ form: await fx.form(t, 'submitted') }),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'return', comment: '请补充' },
    }),
  },
  {
    endpoint: 'transitionForm',
    label: 'return approved',
    scope: 'unit',
    allowed: ['finance-reviewer', 'admin'],
    ok: 200,
    fresh: true,
    prepare: async (fx, t) => ({ form: await fx.form(t, 'approved') }),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'return', comment: '抽查退回' },
    }),
  },
  {
    endpoint: 'transitionForm',
    label: 'publish',
    scope: 'unit',
    allowed: ['finance-reviewer', 'admin'],
    ok: 200,
    fresh: true,
    prepare: async (fx, t) => ({ form: await fx.form(t, 'approved') }),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'publish' },
    }),
  },
  {
    endpoint: 'listComments',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/comments` }),
  },
  {
    endpoint: 'createComment',
    scope: 'unit',
    allowed: 'all',
    ok: 201,
    prepare: seedForm,
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/comments`,
      body: { body: '意见', field: 'indicators[0].actual' },
    }),
  },
  {
    endpoint: 'listRevisions',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/revisions` }),
  },
  {
    endpoint: 'getRevision',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/revisions/1` }),
  },
  {
    endpoint: 'formAuditLog',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/audit-log` }),
  },
  {
    endpoint: 'evaluateForm',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/evaluation?profile=national` }),
  },
  {
    endpoint: 'exportForm',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/export?format=html` }),
  },
  {
    endpoint: 'formReport',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/report?format=docx` }),
  },
  {
    endpoint: 'spotCheckReport',
    scope: 'unit',
    order: 'role-first',
    allowed: REVIEWERS,
    ok: 200,
    request: (_i, t) => ({ method: 'GET', url: `/api/reports/spot-check?format=xlsx&orgId=${UNITS[t]}` }),
  },

  {
    endpoint: 'listEvidence',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: seedForm,
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/evidence` }),
  },
  {
    endpoint: 'uploadEvidence',
    scope: 'unit',
    allowed: EDITORS,
    ok: 201,
    prepare: seedForm,
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/evidence`,
      raw: multipart({ row: '1' }, [
        { field: 'file', name: '合同.pdf', content: '%PDF-1.4 test', type: 'application/pdf' },
      ]),
    }),
  },
  {
    endpoint: 'downloadEvidence',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: async (fx, t) => ({ evidence: await fx.evidence(t, await fx.form(t)) }),
    request: (i) => ({ method: 'GET', url: `/api/evidence/${i['evidence']}/content` }),
  },
  {
    endpoint: 'deleteEvidence',
    scope: 'unit',
    allowed: EDITORS,
    ok: 204,
    fresh: true,
    prepare: async (fx, t) => ({ evidence: await fx.evidence(t, await fx.form(t)) }),
    request: (i) => ({ method: 'DELETE', url: `/api/evidence/${i['evidence']}` }),
  },

  {
    endpoint: 'importPreview',
    scope: 'none',
    allowed: 'all',
    ok: 200,
    request: () => ({
      method: 'POST',
      url: '/api/imports/preview',
      raw: multipart({}, [
        { field: 'file', name: 'seed.txt', content: readFileSync(SEED_FORM), type: 'text/plain' },
      ]),
    }),
  },
  {
    endpoint: 'importCommit',
    scope: 'unit',
    order: 'role-first',
    allowed: EDITORS,
    ok: 201,
    request: (_i, t, fx) => ({
      method: 'POST',
      url: '/api/imports/commit',
      body: { form: fx.formJson(), orgId: UNITS[t] },
    }),
  },
  {
    endpoint: 'createImportJob',
    scope: 'unit',
    order: 'role-first',
    allowed: EDITORS,
    ok: 202,
    request: (_i, t) => ({
      method: 'POST',
      url: '/api/jobs/imports',
      raw: multipart({ orgId: UNITS[t], onExisting: 'skip' }, [
        { field: 'files', name: 'seed.txt', content: readFileSync(SEED_FORM) },
      ]),
    }),
  },
  {
    endpoint: 'listJobs',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    listed: (b, i) => has('id', i['job']!)(b),
    prepare: async (fx, t) => ({ job: await fx.job(t, true) }),
    request: () => ({ method: 'GET', url: '/api/jobs?pageSize=200' }),
  },
  {
    endpoint: 'getJob',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: async (fx, t) => ({ job: await fx.job(t, true) }),
    request: (i) => ({ method: 'GET', url: `/api/jobs/${i['job']}` }),
  },
  {
    endpoint: 'listJobItems',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: async (fx, t) => ({ job: await fx.job(t, true) }),
    request: (i) => ({ method: 'GET', url: `/api/jobs/${i['job']}/items` }),
  },
  {
    endpoint: 'jobEvents',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: async (fx, t) => ({ job: await fx.job(t, true) }),
    request: (i) => ({ method: 'GET', url: `/api/jobs/${i['job']}/events` }),
  },
  {
    endpoint: 'cancelJob',
    scope: 'unit',
    allowed: (u, t) => u.role === 'admin' || (t === 'T1' && u.username === 'danwei'),
    ok: 200,
    fresh: true,
    prepare: async (fx, t) => ({ job: await fx.job(t) }),
    request: (i) => ({ method: 'POST', url: `/api/jobs/${i['job']}/cancel` }),
  },

  {
    endpoint: 'dashboard',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    request: (_i, t) => ({ method: 'GET', url: `/api/dashboard?orgId=${UNITS[t]}` }),
  },
  {
    endpoint: 'auditLog',
    scope: 'none',
    order: 'role-first',
    allowed: ADMIN,
    ok: 200,
    request: () => ({ method: 'GET', url: '/api/audit-log' }),
  },
  // The lifecycle (lifecycle.md §3).
  {
    endpoint: 'transitionForm',
    label: 'review declaration',
    scope: 'unit',
    allowed: ['department-reviewer', 'admin'],
    ok: 200,
    fresh: true,
    prepare: (fx, t) => fx.declaration(t, 'submitted'),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'review', grade: '优' },
    }),
  },
  {
    endpoint: 'transitionForm',
    label: 'approve declaration',
    scope: 'unit',
    allowed: ['finance-reviewer', 'admin'],
    ok: 200,
    fresh: true,
    prepare: (fx, t) => fx.declaration(t, 'graded'),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/transitions`,
      body: { action: 'approve', approval: { documentNo: '矩阵批复2号' } },
    }),
  },
  {
    endpoint: 'projectChain',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({ method: 'GET', url: `/api/projects/${i['project']}/chain?year=${i['year']}` }),
  },
  {
    endpoint: 'listVersions',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/versions` }),
  },
  {
    endpoint: 'diffVersions',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/diff?against=${i['form']}` }),
  },
  {
    endpoint: 'adjustForm',
    scope: 'unit',
    allowed: EDITORS,
    ok: 201,
    fresh: true,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({
      method: 'POST',
      url: `/api/forms/${i['form']}/adjustments`,
      body: { trigger: '预算调整', reason: '矩阵调整' },
    }),
  },
  {
    endpoint: 'createMonitoring',
    scope: 'unit',
    allowed: EDITORS,
    ok: 201,
    fresh: true,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({
      method: 'POST',
      url: `/api/projects/${i['project']}/monitoring`,
      body: { year: Number(i['year']), asOfMonth: 6 },
    }),
  },
  {
    endpoint: 'createSelfEvaluation',
    scope: 'unit',
    allowed: EDITORS,
    ok: 201,
    fresh: true,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({
      method: 'POST',
      url: `/api/projects/${i['project']}/self-evaluation`,
      body: { year: Number(i['year']) },
    }),
  },
  {
    endpoint: 'stageFindings',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    prepare: (fx, t) => fx.declaration(t),
    request: (i) => ({ method: 'GET', url: `/api/forms/${i['form']}/stage-findings` }),
  },
  {
    endpoint: 'monitoringWarnings',
    scope: 'unit',
    allowed: 'all',
    ok: 200,
    request: (_i, t) => ({ method: 'GET', url: `/api/monitoring/warnings?orgId=${UNITS[t]}` }),
  },
  {
    endpoint: 'departmentAggregate',
    scope: 'department',
    allowed: 'all',
    ok: 200,
    request: (_i, t) => ({ method: 'GET', url: `/api/departments/${DEPARTMENTS[t]}/aggregate?year=2024` }),
  },
];

const USERS = ['admin', 'zgcadmin', 'caizheng', 'zhuguan', 'danwei', 'chuangye', 'jiaowei', null] as const;
/** Current passwords (the demo ones unless listed); the changePassword case sets a new one each time. */
const PASSWORDS: Record<string, string> = { zgcadmin: SETTLED_PASSWORD };
let passwordCount = 0;

function expectedStatus(c: Case, user: MatrixUser, target: Target, targetPath: string): number {
  const auth = endpoints[c.endpoint].auth;
  if (!user) return auth ? 401 : c.endpoint === 'login' ? 401 : c.ok;
  const inScope = c.scope === 'none' || c.listed !== undefined || targetPath.startsWith(user.orgPath);
  const roleOk =
    c.allowed === 'all' ||
    (typeof c.allowed === 'function' ? c.allowed(user, target) : c.allowed.includes(user.role));
  if (c.order === 'role-first') return !roleOk ? 403 : !inScope ? 404 : c.ok;
  return !inScope ? 404 : !roleOk ? 403 : c.ok;
}

const dialects = await testDialects();

describe.each(dialects)('access-control matrix (%s)', (dialect) => {
  let t: TestApp;
  let fx: Fixtures;
  const sessions = new Map<string, Session>();
  const users = new Map<string, NonNullable<MatrixUser>>();
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    for (const k of Object.keys(PASSWORDS)) delete PASSWORDS[k];
    PASSWORDS['zgcadmin'] = SETTLED_PASSWORD;
    t = await createTestApp(dialect);
    fx = new Fixtures(t.ctx);
    const danwei = await t.login('danwei');
    const seedId = (await danwei.get('/api/forms')).json().items[0].id;
    await fx.init((await danwei.get(`/api/forms/${seedId}`)).json().form as Form);
    for (const u of USERS) {
      if (!u) continue;
      const s = await t.login(u, PASSWORDS[u]);
      sessions.set(u, s);
      const me = (await s.get('/api/session')).json();
      const org = (await s.get(`/api/orgs/${me.org.id}`)).json();
      users.set(u, { username: u, role: me.user.role, orgPath: org.id });
    }
    const admin = sessions.get('admin')!;
    const all = (await admin.get('/api/orgs')).json().items as Array<{ id: string; parentId: string | null }>;
    const byId = new Map(all.map((o) => [o.id, o]));
    const pathOf = (id: string): string => {
      const o = byId.get(id)!;
      return `${o.parentId ? pathOf(o.parentId) : '/'}${id}/`;
    };
    for (const o of all) paths[o.id] = pathOf(o.id);
    for (const [name, u] of users) users.set(name, { ...u, orgPath: paths[u.orgPath]! });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('covers every endpoint of the contract', () => {
    const covered = new Set(CASES.map((c) => c.endpoint));
    expect(Object.keys(endpoints).filter((e) => !covered.has(e as EndpointName))).toEqual([]);
  });

  for (const c of CASES) {
    const name = `${c.endpoint}${c.label ? ` (${c.label})` : ''}`;
    (c.skip ? it.skip : it)(
      `${name}: every role, own scope and another's`,
      async () => {
        const rows: string[] = [];
        for (const target of ['T1', 'T2'] as const) {
          const shared = c.prepare && !c.fresh ? await c.prepare(fx, target) : {};
          for (const username of USERS) {
            const user = username ? users.get(username)! : null;
            const ids = c.fresh && c.prepare ? await c.prepare(fx, target) : shared;
            const scopeOrg = c.scope === 'department' ? DEPARTMENTS[target] : UNITS[target];
            const want = expectedStatus(c, user, target, paths[scopeOrg]!);
            const req = c.request(ids, target, fx);
            let session: Session | null = username ? sessions.get(username)! : null;
            if (username && c.ownSession) session = await t.login(username, PASSWORDS[username]);
            let body = req.body;
            if (c.endpoint === 'login')
              body = {
                username: username ?? 'nobody',
                password: username ? (PASSWORDS[username] ?? 'jixiao-demo') : 'wrong-password',
              };
            let newPassword: string | null = null;
            if (c.endpoint === 'changePassword' && username) {
              const pw = PASSWORDS[username] ?? 'jixiao-demo';
              newPassword = `Matrix-pass-${++passwordCount}`;
              body = { currentPassword: pw, newPassword };
            }
            const headers = { ...(req.headers ?? {}), ...(req.raw?.headers ?? {}) };
            const payload = req.raw?.payload ?? body;
            const res = session
              ? await session.request(req.method, req.url, payload, headers)
              : await t.app.inject({
                  method: req.method,
                  url: req.url,
                  headers,
                  ...(payload === undefined ? {} : { payload: payload as string }),
                });
            if (newPassword && username && res.statusCode === 204) PASSWORDS[username] = newPassword;
            let got = res.statusCode;
            if (c.listed && got === 200 && user) {
              const inScope = paths[scopeOrg]!.startsWith(user.orgPath);
              if (c.listed(res.json(), ids) !== inScope) got = -1;
            }
            if (got !== want)
              rows.push(
                `${target} ${username ?? 'anonymous'}: want ${want}, got ${got} ${res.body.slice(0, 200)}`,
              );
            if (username && c.ownSession)
              sessions.set(username, await t.login(username, PASSWORDS[username]));
          }
        }
        expect(rows).toEqual([]);
      },
      120_000,
    );
  }
});
