import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../contract/common.ts';
import type { DialectName } from '../services/context.ts';
import { DEMO_PASSWORD } from '../services/demo-seed.ts';
import { createTestContext, type TestContext } from '../services/testing.ts';
import { buildApp } from './app.ts';

export { actorFor, testDialects } from '../services/testing.ts';

// API tests go through app.inject() with these small helpers: a test app over a fresh database
// (with the demo tree), and signed-in sessions that carry their cookie and CSRF token.

export type Session = {
  username: string;
  csrf: string;
  cookie: string;
  request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
};

export type TestApp = TestContext & {
  app: FastifyInstance;
  login(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
};

export async function createTestApp(
  dialect: DialectName,
  options: Parameters<typeof createTestContext>[1] = {},
): Promise<TestApp> {
  const t = await createTestContext(dialect, options);
  const app = await buildApp(t.ctx, { webDir: '/nonexistent' });
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    const cookie = r.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    return sessionOf(app, username, `${SESSION_COOKIE}=${cookie.value}`, r.json().csrfToken as string);
  };
  return {
    ...t,
    app,
    login,
    close: async () => {
      await app.close();
      await t.cleanup();
    },
  };
}

export function sessionOf(app: FastifyInstance, username: string, cookie: string, csrf: string): Session {
  const request: Session['request'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { cookie, [CSRF_HEADER]: csrf, ...headers },
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as InjectOptions['payload'] }),
    });
  return {
    username,
    csrf,
    cookie,
    request,
    get: (url, headers) => request('GET', url, undefined, headers),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    put: (url, body, headers) => request('PUT', url, body, headers),
    patch: (url, body, headers) => request('PATCH', url, body, headers),
    delete: (url, headers) => request('DELETE', url, undefined, headers),
  };
}

/** Builds a multipart/form-data body for inject. */
export function multipart(
  fields: Record<string, string>,
  files: Array<{ field: string; name: string; content: Uint8Array | string; type?: string }>,
) {
  const boundary = `----jixiao${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(f.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
