import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ServiceError, type ServiceErrorCode } from '../../services/service-error.ts';

// The one error handler: every error becomes `{ error: { code, message, details? } }` with a
// Chinese message. 4xx messages are shown; 5xx are logged and hidden behind a generic message.

export const STATUS_OF: Record<
  ServiceErrorCode | 'csrf' | 'password-change-required' | 'unsupported-media-type' | 'internal',
  number
> = {
  'bad-request': 400,
  unauthenticated: 401,
  'bad-credentials': 401,
  csrf: 403,
  'password-change-required': 403,
  forbidden: 403,
  'not-found': 404,
  'stale-revision': 409,
  conflict: 409,
  'invalid-transition': 409,
  'not-editable': 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'format-error': 422,
  'precondition-required': 428,
  'rate-limited': 429,
  internal: 500,
  'missing-component': 503,
  'schema-mismatch': 503,
};

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  details?: unknown,
): FastifyReply {
  const body: ErrorBody = { error: { code, message, ...(details !== undefined ? { details } : {}) } };
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

const MB = (n: number): string => `${Math.round(n / 1048576)} MB`;

/** Fastify's and its plugins' own client errors, in Chinese. */
function describeFrameworkError(
  e: FastifyError,
  bodyLimit: number,
): { status: number; code: string; message: string } | null {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'bad-request', message: '请求体不是合法的 JSON' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        status: 400,
        code: 'bad-request',
        message: '请求体为空（Content-Type 为 application/json 时需要 JSON 内容）',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too-large', message: `请求体超过上限 ${MB(bodyLimit)}` };
    case 'FST_REQ_FILE_TOO_LARGE':
      return { status: 413, code: 'too-large', message: '上传的文件超过大小上限' };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'too-large', message: '上传的文件或字段数量超过上限' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported-media-type',
        message: '不支持的 Content-Type（JSON 接口请用 application/json，上传请用 multipart/form-data）',
      };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported-media-type', message: '上传接口需要 multipart/form-data' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'bad-request', message: '请求头 Content-Length 与请求体长度不符' };
    default:
      return null;
  }
}

const PLACES: Record<string, string> = {
  body: '请求体',
  querystring: '查询参数',
  params: '路径参数',
  headers: '请求头',
};

export function registerErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ServiceError) {
      return sendError(reply, STATUS_OF[error.code], error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const place = PLACES[error.validationContext ?? ''] ?? '请求';
      const issues = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || '(根)',
        message: v.message ?? '',
      }));
      const shown = issues
        .slice(0, 5)
        .map((i) => `${i.path}：${i.message}`)
        .join('；');
      return sendError(
        reply,
        400,
        'bad-request',
        `${place}不符合要求：${shown}${issues.length > 5 ? `（另有 ${issues.length - 5} 处）` : ''}`,
        { issues },
      );
    }
    const known = describeFrameworkError(error, bodyLimit);
    if (known) return sendError(reply, known.status, known.code, known.message);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return sendError(
        reply,
        status,
        status === 404 ? 'not-found' : 'bad-request',
        `请求无效：${error.message}`,
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, 500, 'internal', '服务器内部错误，请稍后重试；如持续出现请联系管理员');
  });
}
