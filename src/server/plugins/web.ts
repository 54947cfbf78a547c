import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './errors.ts';

// The web workbench: dist/web (built by Vite) with an SPA fallback for every non-API path; while
// it is not built, a small Chinese page at / says so and points to the API docs.

const PLACEHOLDER = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>jixiao 绩效自评</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#222}code{background:#f3f3f3;padding:0 .3em}</style>
</head><body>
<h1>jixiao 项目支出绩效自评表</h1>
<p>服务已启动，但网页工作台尚未构建（找不到 <code>dist/web</code>）。</p>
<ul>
<li>接口文档：<a href="/api/docs">/api/docs</a>（OpenAPI JSON：<a href="/api/docs/json">/api/docs/json</a>）</li>
<li>健康检查：<a href="/api/health">/api/health</a></li>
</ul>
<p>示例账号见 README（如 <code>danwei</code> / <code>jixiao-demo</code>）。</p>
</body></html>`;

export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  } else {
    app.get('/', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/html; charset=utf-8').send(PLACEHOLDER),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || request.method !== 'GET' || !built) {
      return sendError(reply, 404, 'not-found', `接口不存在：${request.method} ${path}`);
    }
    return reply.sendFile('index.html');
  });
}
