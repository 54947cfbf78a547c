import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../contract/common.ts';
import { createUser, updateUser } from '../../services/user-admin.ts';
import { actorFor, createTestApp, type Session, sessionOf, type TestApp, testDialects } from '../testing.ts';

// Issue 13, accounts: lockout counted atomically under parallel bursts (per account and per
// address), the password rules, forced change, expiry, idle and absolute session timeouts, demo
// accounts only in demo mode, and the security events in the audit log. A real database of each
// dialect; time moves by the injected clock, never by sleeping.

const dialects = await testDialects();
const MINUTE = 60_000;

describe.each(dialects)('account security (%s)', (dialect) => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    // a real scrypt cost (a quarter of production): checking a password takes time, as on a server
    t = await createTestApp(dialect, { config: { scryptCost: 4096 } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const attempt = (username: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
      remoteAddress: ip,
    });
  const signIn = async (username: string, password: string, ip = '10.9.9.9'): Promise<Session> => {
    const r = await attempt(username, password, ip);
    expect(r.statusCode, r.body).toBe(200);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)!;
    return sessionOf(t.app, username, `${SESSION_COOKIE}=${cookie.value}`, r.json().csrfToken);
  };
  /** A new unit filler with a settled password (changed after the first sign-in). */
  const newUser = async (password = 'Settled-pass-1') => {
    const username = `user${++n}${dialect}`;
    const admin = await actorFor(t.ctx, 'admin');
    await createUser(t.ctx, admin, {
      username,
      displayName: '测试用户',
      password: 'Initial-pass-1',
      role: 'unit-filler',
      orgId: 'demo-zgc-bj',
    });
    const s = await signIn(username, 'Initial-pass-1');
    const r = await s.post('/api/session/password', {
      currentPassword: 'Initial-pass-1',
      newPassword: password,
    });
    expect(r.statusCode, r.body).toBe(204);
    return username;
  };
  const statuses = (rs: LightMyRequestResponse[]) => {
    const count: Record<number, number> = {};
    for (const r of rs) count[r.statusCode] = (count[r.statusCode] ?? 0) + 1;
    return count;
  };
  type Entry = {
    action: string;
    at: string;
    actorName: string | null;
    ip: string | null;
    after: Record<string, unknown> | null;
  };
  /** The audit log as an administrator reads it (newest first). */
  const auditEntries = async (query = ''): Promise<Entry[]> => {
    const admin = await t.login('admin');
    const r = await admin.get(`/api/audit-log?pageSize=200${query}`);
    expect(r.statusCode).toBe(200);
    return r.json().items as Entry[];
  };
  const events = async (action: string, entityId: string) =>
    (await auditEntries(`&entityId=${encodeURIComponent(entityId)}`)).filter((e) => e.action === action);

  it('a parallel burst of 40 wrong passwords checks at most 5; the account stays locked, then opens', async () => {
    const username = await newUser();
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(username, `Wrong-pass-${i}`, '10.1.0.1')),
    );
    const count = statuses(burst);
    expect(count[401] ?? 0).toBeLessThanOrEqual(5);
    expect((count[401] ?? 0) + (count[429] ?? 0)).toBe(40);
    expect(burst.find((r) => r.statusCode === 429)!.json().error.message).toMatch(
      /该账号已锁定，请 \d+ 分钟后再试/,
    );
    const userId = (await actorFor(t.ctx, username)).userId;
    expect((await events('session.login-failed', userId)).length).toBe(count[401]);
    expect(await events('session.lockout', userId)).toHaveLength(1);
    // the right password while locked: refused
    expect((await attempt(username, 'Settled-pass-1', '10.1.0.2')).statusCode).toBe(429);
    t.clock.advance(16 * MINUTE);
    expect((await attempt(username, 'Settled-pass-1', '10.1.0.2')).statusCode).toBe(200);
  });

  it.each([0, 20, 39])(
    '39 wrong and 1 right sent at once (right one at %i) never sign in',
    async (position) => {
      const username = await newUser();
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          attempt(username, i === position ? 'Settled-pass-1' : `Wrong-pass-${i}`, `10.2.${position}.1`),
        ),
      );
      expect(burst.filter((r) => r.statusCode === 200)).toEqual([]);
      expect(statuses(burst)[401] ?? 0).toBeLessThanOrEqual(5);
    },
  );

  it('sequential failures lock at the fifth; a success before it clears the count', async () => {
    const username = await newUser();
    for (let i = 0; i < 4; i++)
      expect((await attempt(username, 'nope-Nope-1', '10.3.0.1')).statusCode).toBe(401);
    expect((await attempt(username, 'Settled-pass-1', '10.3.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await attempt(username, 'nope-Nope-1', '10.3.0.1')).statusCode).toBe(401);
    const fifth = await attempt(username, 'nope-Nope-1', '10.3.0.1');
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.message).toContain('该账号锁定 15 分钟');
    expect((await attempt(username, 'Settled-pass-1', '10.3.0.1')).statusCode).toBe(429);
  });

  it('counts per address too: a burst over many names from one address checks at most 50', async () => {
    const burst = await Promise.all(
      Array.from({ length: 70 }, (_, i) => attempt(`nobody${i}`, 'Wrong-pass-1', '10.4.0.1')),
    );
    const count = statuses(burst);
    expect(count[401] ?? 0).toBeLessThanOrEqual(50);
    expect(count[429] ?? 0).toBeGreaterThanOrEqual(20);
    // a valid account from that address is refused too; from another address it signs in
    expect((await attempt('zhuguan', 'jixiao-demo', '10.4.0.1')).statusCode).toBe(429);
    expect((await attempt('zhuguan', 'jixiao-demo', '10.4.0.2')).statusCode).toBe(200);
    expect((await events('session.lockout', '10.4.0.1')).length).toBe(1);
  });

  it('applies every password rule, in Chinese', async () => {
    const username = await newUser('Start-pass-0');
    const s = await signIn(username, 'Start-pass-0');
    const change = (newPassword: string, currentPassword = 'Start-pass-0') =>
      s.post('/api/session/password', { currentPassword, newPassword });
    const refused = async (pw: string, message: RegExp) => {
      const r = await change(pw);
      expect(r.statusCode, pw).toBe(400);
      expect(r.json().error.message, pw).toMatch(message);
    };
    await refused('Ab1-xyz', /密码太短：至少 8 位/);
    for (const weak of ['aaaaaaaa', '12345678', 'password', '11111111', 'Password'])
      await refused(weak, /须包含小写字母、大写字母、数字、其他字符中的至少 3 类/);
    await refused(`${username}-X1`, /不能与用户名相同/);
    await refused(`X1-${[...username].reverse().join('')}`, /不能与用户名相同/);
    await refused(`${username.toUpperCase()}1!`, /不能与用户名相同/);
    await refused('Start-pass-0', /不能与最近 5 次使用过的密码相同/);
    // five changes later the first password may come back, not before
    let current = 'Start-pass-0';
    for (let i = 1; i <= 4; i++) {
      const next = `Next-pass-${i}`;
      expect((await change(next, current)).statusCode).toBe(204);
      current = next;
    }
    expect((await change('Start-pass-0', current)).json().error.message).toMatch(/最近 5 次/);
    expect((await change('Next-pass-5', current)).statusCode).toBe(204);
    expect((await change('Start-pass-0', 'Next-pass-5')).statusCode).toBe(204);
    // the wrong current password is refused (and counts as a failed attempt)
    const wrong = await change('Other-pass-9', 'not-it');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('当前密码不正确');
    // an administrator's initial or reset password follows the rules too
    const admin = await t.login('admin');
    const weakUser = await admin.post('/api/users', {
      username: `weak${dialect}`,
      displayName: '弱密码',
      password: 'abcdefgh',
      role: 'unit-filler',
      orgId: 'demo-zgc-bj',
    });
    expect(weakUser.statusCode).toBe(400);
    expect(weakUser.json().error.message).toMatch(/至少 3 类/);
  });

  it('forces a change at first sign-in and after a reset; nothing else answers until then', async () => {
    const admin = await t.login('admin');
    const username = `first${dialect}`;
    const created = await admin.post('/api/users', {
      username,
      displayName: '新人',
      password: 'Initial-pass-1',
      role: 'unit-filler',
      orgId: 'demo-zgc-bj',
    });
    expect(created.statusCode).toBe(201);
    const s = await signIn(username, 'Initial-pass-1');
    expect((await s.get('/api/session')).json().passwordChange).toBe('initial');
    const blocked = await s.get('/api/forms');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toMatchObject({
      code: 'password-change-required',
      message: '首次登录须先修改初始密码',
    });
    expect(
      (
        await s.post('/api/session/password', {
          currentPassword: 'Initial-pass-1',
          newPassword: 'Initial-pass-1',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await s.post('/api/session/password', {
          currentPassword: 'Initial-pass-1',
          newPassword: 'My-own-pass-1',
        })
      ).statusCode,
    ).toBe(204);
    expect((await s.get('/api/session')).json().passwordChange).toBeNull();
    expect((await s.get('/api/forms')).statusCode).toBe(200);

    const reset = await admin.patch(`/api/users/${created.json().id}`, { password: 'Reset-pass-22' });
    expect(reset.statusCode).toBe(200);
    expect((await s.get('/api/session')).statusCode).toBe(401); // a reset ends the user's sessions
    const again = await signIn(username, 'Reset-pass-22');
    expect((await again.get('/api/session')).json().passwordChange).toBe('reset');
    expect((await again.get('/api/forms')).json().error.message).toBe('密码已被管理员重置，须先修改密码');
    expect((await again.delete('/api/session')).statusCode).toBe(204);
  });

  it('expires passwords after 90 days (and never with 0 days); demo accounts do not expire', async () => {
    const username = await newUser();
    const s = await signIn(username, 'Settled-pass-1');
    t.clock.advance(91 * 24 * 3600_000);
    const again = await signIn(username, 'Settled-pass-1');
    expect((await again.get('/api/session')).json().passwordChange).toBe('expired');
    expect((await again.get('/api/forms')).json().error.message).toBe('密码已过期，须先修改密码');
    expect((await s.get('/api/forms')).statusCode).toBe(401); // the old session ended long ago
    t.ctx.config.password = { ...t.ctx.config.password, maxAgeDays: 0 };
    try {
      expect((await again.get('/api/forms')).statusCode).toBe(200);
    } finally {
      t.ctx.config.password = { ...t.ctx.config.password, maxAgeDays: 90 };
    }
    const demo = await signIn('zhuguan', 'jixiao-demo');
    expect((await demo.get('/api/session')).json().passwordChange).toBeNull();
  });

  it('ends a session after 30 idle minutes, and 8 hours after sign-in however active', async () => {
    const s = await signIn('caizheng', 'jixiao-demo');
    t.clock.advance(29 * MINUTE);
    expect((await s.get('/api/session')).statusCode).toBe(200);
    t.clock.advance(29 * MINUTE);
    expect((await s.get('/api/session')).statusCode).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await s.get('/api/session')).statusCode).toBe(401);

    const busy = await signIn('caizheng', 'jixiao-demo');
    for (let elapsed = 0; elapsed < 8 * 60 - 20; elapsed += 20) {
      t.clock.advance(20 * MINUTE);
      expect((await busy.get('/api/session')).statusCode).toBe(200);
    }
    t.clock.advance(21 * MINUTE);
    expect((await busy.get('/api/session')).statusCode).toBe(401);
  });

  it('takes idle and absolute limits from the configuration', async () => {
    const saved = { ...t.ctx.config };
    Object.assign(t.ctx.config, { idleTimeoutMs: 5 * MINUTE, sessionMaxAgeMs: 60 * MINUTE });
    try {
      const s = await signIn('caizheng', 'jixiao-demo');
      t.clock.advance(4 * MINUTE);
      expect((await s.get('/api/session')).statusCode).toBe(200);
      t.clock.advance(6 * MINUTE);
      expect((await s.get('/api/session')).statusCode).toBe(401);
      const r = await attempt('caizheng', 'jixiao-demo', '10.5.0.1');
      expect(r.cookies.find((c) => c.name === SESSION_COOKIE)?.maxAge).toBe(8 * 3600); // the app's cookie
    } finally {
      Object.assign(t.ctx.config, saved);
    }
  });

  it('lets demo accounts sign in only in demo mode', async () => {
    const s = await signIn('chuangye', 'jixiao-demo');
    t.ctx.config.demoMode = false;
    try {
      expect((await s.get('/api/session')).statusCode).toBe(401);
      const r = await attempt('chuangye', 'jixiao-demo', '10.6.0.1');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message).toContain('演示账号只在演示模式下可用');
      expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json().demo).toBe(false);
    } finally {
      t.ctx.config.demoMode = true;
    }
  });

  it('writes security events with who, when and from where', async () => {
    const start = t.clock.now.toISOString();
    const admin = await signIn('admin', 'jixiao-demo', '10.7.0.1');
    await attempt('admin', 'Wrong-pass-1', '10.7.0.2');
    const id = (await admin.get('/api/forms')).json().items[0].id;
    expect((await admin.get(`/api/forms/${id}/export?format=xlsx`)).statusCode).toBe(200);
    const fx = await actorFor(t.ctx, 'admin');
    const u = await createUser(t.ctx, fx, {
      username: `moved${dialect}`,
      displayName: '调动',
      password: 'Moved-pass-1',
      role: 'unit-filler',
      orgId: 'demo-zgc-bj',
    });
    expect(
      (await admin.patch(`/api/users/${u.id}`, { orgId: 'demo-zgc-cyzx', active: false })).statusCode,
    ).toBe(200);
    await admin.delete('/api/session');
    const entries = (await auditEntries())
      .filter((e) => e.at >= start && !(e.action === 'session.login' && e.ip === '127.0.0.1'))
      .map((e) => ({ action: e.action, who: e.actorName, ip: e.ip, at: e.at, after: e.after }));
    const find = (action: string) => entries.find((e) => e.action === action);
    expect(find('session.login')).toMatchObject({ who: 'admin', ip: '10.7.0.1' });
    expect(find('session.login-failed')).toMatchObject({ who: 'admin', ip: '10.7.0.2' });
    // the session's later requests come from inject's default address
    expect(find('form.export')).toMatchObject({ who: 'admin', ip: '127.0.0.1' });
    expect(find('form.export')?.after).toMatchObject({ format: 'xlsx' });
    expect(find('user.update')).toMatchObject({ who: 'admin', ip: '127.0.0.1' });
    expect(find('user.update')?.after).toMatchObject({ orgId: 'demo-zgc-cyzx', active: false });
    expect(find('session.logout')).toMatchObject({ who: 'admin', ip: '127.0.0.1' });
    for (const e of entries) expect(Date.parse(e.at)).toBeGreaterThan(0);
    await updateUser(t.ctx, fx, u.id, { active: true });
  });
});
