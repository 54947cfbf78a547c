import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../services/testing.ts';
import { buildApp } from '../app.ts';

describe('web app serving', () => {
  let t: TestContext;
  let dir: string;
  beforeAll(async () => {
    t = await createTestContext('sqlite', { demo: false });
    dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root">工作台</div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await t?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves dist/web with an SPA fallback for non-API paths', async () => {
    const app = await buildApp(t.ctx, { webDir: dir });
    expect((await app.inject({ method: 'GET', url: '/' })).body).toContain('工作台');
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const deep = await app.inject({ method: 'GET', url: '/forms/123/edit' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('工作台');
    const api = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not-found');
    await app.close();
  });
});
