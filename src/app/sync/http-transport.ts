// The engine's Transport over HTTP: `PUT /api/submissions/{id}` with the session cookie, through
// the app's one request function (timeouts, no redirects, never throws).
import type { SubmissionBody } from '../../shared/schemas';
import { requestJson, type RequestOptions } from '../net/http';
import type { Transport } from './engine';

export { DEFAULT_TIMEOUT_MS, parseRetryAfter } from '../net/http';

export type HttpTransportOptions = RequestOptions & {
  /** Prefix for the API paths; '' means this origin. */
  baseUrl?: string;
};

export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  return {
    putSubmission: (body: SubmissionBody) => requestJson('PUT', `${baseUrl}/api/submissions/${encodeURIComponent(body.id)}`, body, options),
  };
}
