import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../contract/common.ts';
import { createTestApp, type TestApp, testDialects } from '../testing.ts';

const dialects = await testDialects();

describe.each(dialects)('session API (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password },
      headers: { 'x-forwarded-for': '1.2.3.4', ...headers },
    });

  it('logs in with an http-only SameSite cookie and returns the CSRF token', async () => {
    const r = await login('zhuguan', 'jixiao-demo');
    expect(r.statusCode).toBe(200);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(r.json()).toMatchObject({
      user: { username: 'zhuguan', role: 'department-reviewer' },
      org: { kind: 'department' },
      permissions: { reviewForms: true, editForms: false },
    });
    expect(r.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` },
    });
    expect(me.json().user.username).toBe('zhuguan');
  });

  it('refuses wrong passwords and unknown users with the same message', async () => {
    const a = await login('zhuguan', 'wrong-password');
    const b = await login('nobody', 'wrong-password');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error).toEqual({ code: 'bad-credentials', message: '用户名或密码错误' });
    expect(b.json().error.message).toBe(a.json().error.message);
  });

  it('rate-limits repeated failures per user, counted in the database', async () => {
    for (let i = 0; i < 5; i++) expect((await login('jiaowei', `bad-${i}`)).statusCode).toBe(401);
    const locked = await login('jiaowei', 'jixiao-demo');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('登录失败次数过多');
    t.clock.advance(16 * 60_000);
    expect((await login('jiaowei', 'jixiao-demo')).statusCode).toBe(200);
  });

  it('requires the CSRF header on writes and refuses foreign origins', async () => {
    const s = await t.login('danwei');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/forms/x/comments',
      payload: { body: 'x' },
      headers: { cookie: s.cookie },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
    const wrong = await s.post('/api/forms/x/comments', { body: 'x' }, { 'x-csrf-token': 'nope' });
    expect(wrong.statusCode).toBe(403);
    const foreign = await s.post(
      '/api/forms/x/comments',
      { body: 'x' },
      { origin: 'https://evil.example', host: 'localhost:3000' },
    );
    expect(foreign.statusCode).toBe(403);
    const foreignLogin = await login('danwei', 'jixiao-demo', {
      origin: 'https://evil.example',
      host: 'localhost:3000',
    });
    expect(foreignLogin.statusCode).toBe(403);
    const sameOrigin = await s.post(
      '/api/forms/x/comments',
      { body: 'x' },
      { origin: 'http://localhost:3000', host: 'localhost:3000' },
    );
    expect(sameOrigin.statusCode).toBe(404);
  });

  it('expires idle sessions and ends them at logout', async () => {
    const s = await t.login('caizheng');
    expect((await s.get('/api/session')).statusCode).toBe(200);
    t.clock.advance(13 * 3600_000);
    const expired = await s.get('/api/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toContain('未登录或登录已过期');
    const s2 = await t.login('caizheng');
    expect((await s2.delete('/api/session')).statusCode).toBe(204);
    expect((await s2.get('/api/session')).statusCode).toBe(401);
  });

  it('changes a password: the old one stops working, other sessions end', async () => {
    const a = await t.login('chuangye');
    const b = await t.login('chuangye');
    const wrong = await a.post('/api/session/password', {
      currentPassword: 'nope-nope',
      newPassword: 'new-password-1',
    });
    expect(wrong.statusCode).toBe(401);
    const short = await a.post('/api/session/password', {
      currentPassword: 'jixiao-demo',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(
      (
        await a.post('/api/session/password', {
          currentPassword: 'jixiao-demo',
          newPassword: 'new-password-1',
        })
      ).statusCode,
    ).toBe(204);
    expect((await a.get('/api/session')).statusCode).toBe(200);
    expect((await b.get('/api/session')).statusCode).toBe(401);
    expect((await login('chuangye', 'jixiao-demo')).statusCode).toBe(401);
    expect((await login('chuangye', 'new-password-1')).statusCode).toBe(200);
  });

  it('answers unknown API paths with a JSON 404 and serves a placeholder page at /', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/nothing' });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.code).toBe('not-found');
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('网页工作台尚未构建');
    expect(page.body).toContain('/api/docs');
  });
});
