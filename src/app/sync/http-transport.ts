// The engine's Transport over HTTP: `PUT /api/submissions/{id}` and `PUT /api/attachments/{sha256}`
// (the file's bytes read from the device database) with the session cookie, through the app's one
// request function (timeouts, no redirects, never throws).
import type { RecordBody } from '../../shared/records/schema';
import { requestBlob, requestJson, type RequestOptions } from '../lib/http';
import { db } from '../storage/database';
import type { Transport } from './engine';

export { DEFAULT_TIMEOUT_MS, parseRetryAfter } from '../lib/http';

export type HttpTransportOptions = RequestOptions & {
  /** Prefix for the API paths; '' means this origin. */
  baseUrl?: string;
};

export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  return {
    putSubmission: (body: RecordBody) =>
      requestJson('PUT', `${baseUrl}/api/submissions/${encodeURIComponent(body.id)}`, body, options),
    async putAttachment(sha256: string) {
      const file = await db().files.get(sha256);
      if (!file) return { kind: 'missing-file' as const };
      // A photo takes longer than a record: allow a minute per file before calling it lost.
      return requestBlob('PUT', `${baseUrl}/api/attachments/${sha256}`, file.blob, file.type, {
        ...options,
        timeoutMs: Math.max(options.timeoutMs ?? 0, 60_000),
      });
    },
  };
}
