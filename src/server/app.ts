import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../services/context.ts';
import type { SessionCookieOptions } from './plugins/auth.ts';
import { registerDocs } from './plugins/docs.ts';
import { registerErrorHandler } from './plugins/errors.ts';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import { registerWeb } from './plugins/web.ts';
import { adminRoutes } from './routes/admin.ts';
import { fileRoutes } from './routes/files.ts';
import { formRoutes } from './routes/forms.ts';
import { jobRoutes } from './routes/jobs.ts';
import { lifecycleRoutes } from './routes/lifecycle.ts';
import { sessionRoutes } from './routes/session.ts';
import { systemRoutes } from './routes/system.ts';

z.config(z.locales.zhCN());

export const VERSION = '0.1.0';
export const JSON_BODY_LIMIT = 2 * 1024 * 1024;
export const DEFAULT_WEB_DIR = join(import.meta.dirname, '..', '..', 'dist', 'web');

export type AppOptions = {
  /** pino logger options, or false (tests). */
  logger?: boolean | { level: string };
  /** mark the session cookie Secure and send HSTS (served over HTTPS, usually behind a proxy). */
  secureCookies?: boolean;
  /**
   * trust X-Forwarded-* (behind a reverse proxy), so rate limits and the audit log see the client
   * address: true, or the proxy's addresses (`127.0.0.1`, `10.0.0.0/8,…`).
   */
  trustProxy?: boolean | string | string[];
  webDir?: string;
};

/** The Fastify app over a service context. Background workers are started by startServer, not here. */
export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerSecurityHeaders(app, { hsts: options.secureCookies ?? false });
  app.decorateRequest('actor', null);
  registerErrorHandler(app, JSON_BODY_LIMIT);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: ctx.config.importMaxBytes, files: 1, fields: 20, parts: 2100 },
  });
  await registerDocs(app, VERSION);

  const cookieOptions: SessionCookieOptions = {
    secure: options.secureCookies ?? false,
    maxAgeSeconds: Math.floor(ctx.config.sessionMaxAgeMs / 1000),
  };
  sessionRoutes(app, ctx, cookieOptions);
  adminRoutes(app, ctx);
  formRoutes(app, ctx);
  lifecycleRoutes(app, ctx);
  fileRoutes(app, ctx);
  jobRoutes(app, ctx);
  systemRoutes(app, ctx, VERSION);
  await registerWeb(app, options.webDir ?? DEFAULT_WEB_DIR);
  return app;
}
