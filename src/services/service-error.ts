/**
 * The one error use cases throw: a code the server maps to an HTTP status and the CLI to an exit
 * code, and a Chinese message fit to show the user.
 */
export type ServiceErrorCode =
  | 'bad-request'
  | 'unauthenticated'
  | 'bad-credentials'
  | 'forbidden'
  | 'not-found'
  | 'stale-revision'
  | 'conflict'
  | 'invalid-transition'
  | 'not-editable'
  | 'too-large'
  | 'format-error'
  | 'missing-component'
  | 'precondition-required'
  | 'rate-limited'
  /** the database's schema is newer than this program, or needs `jixiao migrate`. */
  | 'schema-mismatch';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string): ServiceError =>
  new ServiceError('not-found', `${what}不存在或无权访问`);
export const forbidden = (message: string): ServiceError => new ServiceError('forbidden', message);
