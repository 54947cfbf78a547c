import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../contract/common.ts';
import { createTestContext, type TestContext } from '../../services/testing.ts';
import { buildApp } from '../app.ts';
import { CONTENT_SECURITY_POLICY, HSTS } from './security-headers.ts';

// Issue 13: every response — pages, static files, the SPA fallback, API answers, errors, 404s, the
// API docs, downloads — carries the CSP (frame-ancestors 'none'), X-Frame-Options, Referrer-Policy
// and nosniff; HSTS exactly when the cookie is Secure.

describe('security headers', () => {
  let t: TestContext;
  let dir: string;
  let app: FastifyInstance;
  let secure: FastifyInstance;
  let cookie = '';
  beforeAll(async () => {
    t = await createTestContext('sqlite');
    dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root">工作台</div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp(t.ctx, { webDir: dir });
    secure = await buildApp(t.ctx, { webDir: dir, secureCookies: true });
    const r = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'danwei', password: 'jixiao-demo' },
    });
    cookie = `${SESSION_COOKIE}=${r.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  });
  afterAll(async () => {
    await app?.close();
    await secure?.close();
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const REQUESTS: Array<[string, InjectOptions, number]> = [
    ['page /', { method: 'GET', url: '/' }, 200],
    ['SPA route', { method: 'GET', url: '/forms/123/edit' }, 200],
    ['login page', { method: 'GET', url: '/login' }, 200],
    ['static asset', { method: 'GET', url: '/assets/app.js' }, 200],
    ['missing asset', { method: 'POST', url: '/nothing' }, 404],
    ['API health', { method: 'GET', url: '/api/health' }, 200],
    ['API without session', { method: 'GET', url: '/api/forms' }, 401],
    ['API unknown path', { method: 'GET', url: '/api/nope' }, 404],
    [
      'API bad JSON',
      { method: 'POST', url: '/api/session', payload: '{', headers: { 'content-type': 'application/json' } },
      400,
    ],
    [
      'API wrong password',
      { method: 'POST', url: '/api/session', payload: { username: 'x', password: 'y' } },
      401,
    ],
    ['API docs page', { method: 'GET', url: '/api/docs/' }, 200],
    ['API docs JSON', { method: 'GET', url: '/api/docs/json' }, 200],
  ];

  it.each(REQUESTS)('%s', async (_name, req, status) => {
    for (const [instance, hsts] of [
      [app, false],
      [secure, true],
    ] as const) {
      const r = await instance.inject(req);
      expect(r.statusCode).toBe(status);
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['strict-transport-security']).toBe(hsts ? HSTS : undefined);
    }
  });

  it('signed-in API answers are not cached; a download keeps its stricter sandbox policy', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/forms', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.headers['x-frame-options']).toBe('DENY');
    const id = list.json().items[0].id;
    const file = await app.inject({
      method: 'GET',
      url: `/api/forms/${id}/export?format=xlsx`,
      headers: { cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-security-policy']).toBe('sandbox');
    expect(file.headers['x-frame-options']).toBe('DENY');
    expect(file.headers['referrer-policy']).toBe('no-referrer');
  });

  it('the CSP lets the built app run: scripts and styles from this origin, antd inline styles, no inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self' 'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});
