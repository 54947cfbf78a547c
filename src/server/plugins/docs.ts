import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI document from the contract's zod schemas; Swagger UI at /api/docs, JSON at /api/docs/json. */
export async function registerDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'jixiao API',
        description:
          '项目支出绩效自评表：导入、评分、审核、复核、导出。登录（POST /api/session）后，浏览器持有 http-only 会话 Cookie；' +
          '所有 POST/PUT/PATCH/DELETE 请求须在请求头 x-csrf-token 中带上登录返回的 csrfToken。保存自评表须带 If-Match（修订号）。' +
          '错误统一为 { error: { code, message } }。',
        version,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jixiao_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // no online validator badge: the CSP allows this origin only
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
  });
}
