import type { FastifyInstance } from 'fastify';

// Headers on every response — pages, API answers, errors, static files, the API docs:
// a Content-Security-Policy that allows this origin only (antd writes its styles at run time, so
// inline styles are allowed; scripts are not), no framing by other sites, no referrer sent out,
// no MIME sniffing, and HSTS when the session cookie is Secure (the site is served over HTTPS).
// API answers are not stored by caches. A route may set a stricter CSP (file downloads: sandbox).

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // the import page previews an uploaded PDF in a frame (a blob: URL)
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers every response carries (a streamed response adds them to its own writeHead). */
export function securityHeaders(options: { hsts: boolean }): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(options.hsts ? { 'strict-transport-security': HSTS } : {}),
  };
}

/** Set as the request arrives, so error answers, 404s and static files carry them too. */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(headers);
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs'))
      reply.header('cache-control', 'no-store');
  });
}
