// The API's common shapes (zod/mini): the error body every route answers with, and the health check.
import * as z from 'zod/mini';

export const ErrorCode = z.enum([
  'bad-request',
  'invalid',
  'unauthenticated',
  'forbidden',
  'not-your-record',
  'not-found',
  'conflict',
  'attachments-missing',
  'too-large',
  'unsupported-type',
  'rate-limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z.object({
  error: ErrorCode,
  message: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  missing: z.optional(z.array(z.string())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** GET /api/health. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;
