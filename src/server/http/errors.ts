// The contract's error body ({ error, message, issues?, missing? }) and the exception that carries
// it out of any handler. app.onError turns ApiError into its response and anything else into 500.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from '../../shared/http';
import type { Issue } from '../../shared/sync/schema';

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: Issue[]; missing?: string[] } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): ErrorBody {
    return { error: this.code, message: this.message, ...this.extra };
  }
}

export const invalid = (issues: Issue[], message = 'The request body is not valid') =>
  new ApiError(422, 'invalid', message, { issues });
export const badRequest = (message: string, issues?: Issue[]) =>
  new ApiError(400, 'bad-request', message, issues ? { issues } : {});
export const notFound = (message = 'Not found') => new ApiError(404, 'not-found', message);
export const unauthenticated = (message = 'Sign in to continue') => new ApiError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do that') => new ApiError(403, 'forbidden', message);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);

/** `value` as loaded, or 404 with `message` when there is none (null: missing, or not visible to this person). */
export function found<T>(value: T | null, message: string): T {
  if (value === null) throw notFound(message);
  return value;
}
