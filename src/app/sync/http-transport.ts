// The engine's Transport over HTTP: `PUT /api/submissions/{id}` and `PUT /api/attachments/{sha256}`
// (the file's bytes read from the device database) with the session cookie, through the app's one
// request function (timeouts, no redirects, never throws).
import type { RecordBody } from '../../shared/records/schema';
import { requestBlob, requestJson, type RequestOptions } from '../lib/http';
import { db } from '../storage/database';
import { openFile } from '../evidence/file-open';
import type { Transport } from './engine';

export { DEFAULT_TIMEOUT_MS, parseRetryAfter } from '../lib/http';

export type HttpTransportOptions = RequestOptions & {
  /** Prefix for the API paths; '' means this origin. */
  baseUrl?: string;
  /**
   * Asked before every request: false (someone else is signing in, issue 14) makes it a network
   * error without sending anything, so the drain stops and the entry waits.
   */
  maySend?: () => boolean;
};

const PAUSED = { kind: 'network-error', message: 'sending paused while the person signed in changes' } as const;

export function createHttpTransport(options: HttpTransportOptions = {}): Transport {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const allowed = options.maySend ?? (() => true);
  return {
    putSubmission: async (body: RecordBody) =>
      allowed()
        ? requestJson('PUT', `${baseUrl}/api/submissions/${encodeURIComponent(body.id)}`, body, options)
        : PAUSED,
    async putAttachment(sha256: string) {
      const file = await db().files.get(sha256);
      if (!file) return { kind: 'missing-file' as const };
      // Sealed at rest (issue 14): opened here; locked meanwhile, it waits like a paused send.
      const bytes = await openFile(file, 'full');
      if (!bytes) return PAUSED;
      // Checked right before the request starts, with no await in between.
      if (!allowed()) return PAUSED;
      // A photo takes longer than a record: allow a minute per file before calling it lost.
      return requestBlob('PUT', `${baseUrl}/api/attachments/${sha256}`, bytes, file.type, {
        ...options,
        timeoutMs: Math.max(options.timeoutMs ?? 0, 60_000),
      });
    },
  };
}
