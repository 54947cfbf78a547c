import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('org, user and project admin API (%s)', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('builds the org tree under the kind rules', async () => {
    const tree = (await admin.get('/api/orgs')).json().items;
    expect(tree[0]).toMatchObject({
      name: '北京市财政局',
      kind: 'finance',
      depth: 0,
      parentId: null,
      profileId: 'beijing',
    });
    const dept = await admin.post('/api/orgs', {
      parentId: 'demo-bj-czj',
      name: '北京市卫生健康委员会',
      kind: 'department',
    });
    expect(dept.statusCode).toBe(201);
    expect(dept.json()).toMatchObject({ depth: 1, parentId: 'demo-bj-czj' });
    const dup = await admin.post('/api/orgs', {
      parentId: 'demo-bj-czj',
      name: '北京市卫生健康委员会',
      kind: 'department',
    });
    expect(dup.statusCode).toBe(409);
    const wrongKind = await admin.post('/api/orgs', { parentId: 'demo-zgc-bj', name: '下级', kind: 'unit' });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toBe('实施单位下不能设立实施单位');
    const renamed = await admin.patch(`/api/orgs/${dept.json().id}`, {
      name: '北京市卫健委',
      profileId: 'national',
    });
    expect(renamed.json()).toMatchObject({ name: '北京市卫健委', profileId: 'national' });
    expect((await admin.patch(`/api/orgs/${dept.json().id}`, { profileId: 'mars' })).statusCode).toBe(400);
  });

  it('creates users whose role fits their org, and deactivating one ends its sessions', async () => {
    const wrong = await admin.post('/api/users', {
      username: 'x1',
      displayName: 'X',
      password: 'password-1',
      role: 'unit-filler',
      orgId: 'demo-zgc',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toBe('单位填报人不能设在主管部门');
    const created = await admin.post('/api/users', {
      username: 'newfiller',
      displayName: '新填报人',
      password: 'password-1',
      role: 'unit-filler',
      orgId: 'demo-zgc-cyzx',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      username: 'newfiller',
      orgName: '中关村创业服务中心',
      active: true,
    });
    expect(JSON.stringify(created.json())).not.toContain('password');
    const dup = await admin.post('/api/users', {
      username: 'newfiller',
      displayName: 'X',
      password: 'password-1',
      role: 'unit-filler',
      orgId: 'demo-zgc-cyzx',
    });
    expect(dup.statusCode).toBe(409);
    const s = await t.login('newfiller', 'password-1');
    expect((await s.get('/api/session')).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${created.json().id}`, { active: false })).json().active).toBe(
      false,
    );
    expect((await s.get('/api/session')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'newfiller', password: 'password-1' },
    });
    expect(login.statusCode).toBe(401);
    const self = await admin.patch('/api/users/demo-user-admin', { active: false });
    expect(self.statusCode).toBe(400);
    const users = (await admin.get('/api/users')).json().items;
    expect(users.some((u: { username: string }) => u.username === 'danwei')).toBe(true);
    const log = (await admin.get('/api/audit-log?entityType=user')).json();
    expect(log.items[0].action).toBe('user.update');
    expect(log.items[0].after).toMatchObject({ active: false });
  });

  it('manages projects of units', async () => {
    const unit = await t.login('danwei');
    const p = await unit.post('/api/projects', { orgId: 'demo-zgc-bj', name: '新项目', code: 'P-1' });
    expect(p.statusCode).toBe(201);
    expect(p.json()).toMatchObject({
      name: '新项目',
      code: 'P-1',
      formCount: 0,
      orgName: '中关村科技园区管理委员会本级',
    });
    expect((await unit.post('/api/projects', { orgId: 'demo-zgc-bj', name: '新项目' })).statusCode).toBe(409);
    const list = (await unit.get('/api/projects?q=%E6%96%B0')).json();
    expect(list.total).toBe(1);
    const all = (await unit.get('/api/projects')).json().items;
    expect(all.find((x: { name: string }) => x.name.startsWith('2021')).formCount).toBe(1);
    expect((await unit.patch(`/api/projects/${p.json().id}`, { name: '改名项目' })).json().name).toBe(
      '改名项目',
    );
  });
});
