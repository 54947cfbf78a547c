import { CSRF_HEADER } from '../../../src/contract/common.ts';
import {
  type BodyOf,
  buildPath,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
} from '../../../src/contract/endpoints.ts';
import { formEtag } from '../../../src/contract/forms.ts';
import { ApiError, errorFromResponse } from './errors.ts';

// The typed client: every call goes through the contract's endpoint table, so the path, the
// request shape and the response schema are the server's own. Responses are parsed with zod;
// non-GET requests carry the CSRF token from the session; a 409 arrives as an ApiError whose
// code says which conflict (stale-revision, invalid-transition …).

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let onPasswordChange: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called once when any request answers 401 (the session expired): the app shows the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Called when a request answers that the password must be changed first (it expired meanwhile). */
export function setPasswordChangeHandler(handler: (() => void) | null): void {
  onPasswordChange = handler;
}

export type CallOptions<E extends Endpoint> = {
  params?: ParamsOf<E>;
  query?: QueryOf<E>;
  body?: BodyOf<E>;
  /** the revision the caller edits: sent as `If-Match`. */
  ifMatch?: number;
  signal?: AbortSignal;
};

/** The URL of an endpoint with its params and query filled in. */
export function urlOf<E extends Endpoint>(
  endpoint: E,
  opts: Pick<CallOptions<E>, 'params' | 'query'> = {},
): string {
  const path = buildPath(endpoint.path, (opts.params ?? {}) as Record<string, string | number>);
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((opts.query ?? {}) as Record<string, unknown>)) {
    if (v === undefined || v === null || v === '') continue;
    query.set(k, String(v));
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function call<E extends Endpoint>(
  endpoint: E,
  opts: CallOptions<E> = {},
): Promise<ResponseOf<E>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (endpoint.method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  if (opts.ifMatch !== undefined) headers['if-match'] = formEtag(opts.ifMatch);
  let res: Response;
  try {
    res = await fetch(urlOf(endpoint, opts), {
      method: endpoint.method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    // 401 ends the session only when it is the session that failed (not a wrong current password)
    if (res.status === 401 && endpoint.auth && error.code === 'unauthenticated' && onUnauthenticated)
      onUnauthenticated();
    if (error.code === 'password-change-required' && onPasswordChange) onPasswordChange();
    throw error;
  }
  if (endpoint.produces !== 'json' || !endpoint.response || res.status === 204)
    return undefined as ResponseOf<E>;
  const json: unknown = await res.json();
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(
      res.status,
      'bad-response',
      `服务器返回的数据格式不符（${issue ? `${issue.path.join('.')}: ${issue.message}` : '未知'}）`,
    );
  }
  return parsed.data as ResponseOf<E>;
}
