import { type ErrorCode, errorResponseSchema } from '../../../src/contract/common.ts';

/** Every failed request: the server's stable code and its Chinese message (contract common.ts). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network' | 'bad-response';
  readonly details: unknown;

  constructor(status: number, code: ApiError['code'], message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown, code?: ApiError['code']): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

/** Builds the ApiError for a non-2xx response, whatever its body. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to the status text
  }
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(res.status, code as ErrorCode, message, details);
  }
  const code: ErrorCode =
    res.status === 401
      ? 'unauthenticated'
      : res.status === 403
        ? 'forbidden'
        : res.status === 404
          ? 'not-found'
          : res.status === 409
            ? 'conflict'
            : res.status >= 500
              ? 'internal'
              : 'bad-request';
  return new ApiError(
    res.status,
    code,
    `请求失败（HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}）`,
  );
}

/** A message fit to show a user, for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
