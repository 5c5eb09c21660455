// Ending the server session after a sign-out, even one made offline (issue 14). Sign-out forgets
// the person on the device at once and leaves a marker in the device key-values (written again
// after the wipe). While it is set, the first request to the server — on start, on `online`,
// before a sign-in, before any sync — is DELETE /api/session, and GET /api/session is not asked,
// so the HttpOnly cookie that survived an offline sign-out can never sign the person back in.
// A 2xx or a 401 (the session had already ended) clears the marker.
import { deleteKeyValues, deleteValue, getValue, setValue, storedKeys } from '../storage/device-keyval';
import { requestJson } from '../lib/http';

export const END_SESSION_KEY = 'server-session-to-end';

let listening = false;
let inflight: Promise<boolean> | null = null;

/** True while a signed-out person's server session has still to be ended. */
export async function serverSessionToEnd(): Promise<boolean> {
  return (await getValue<number>(END_SESSION_KEY)) !== undefined;
}

/** Sets the marker (sign-out); from then on every way back to the network ends that session first. */
export async function markServerSessionToEnd(): Promise<void> {
  await setValue(END_SESSION_KEY, Date.now());
  listenForNetwork();
}

/**
 * Sends DELETE /api/session while the marker is set. Resolves true when no session is left to end
 * (cleared now, or there was none), false when the server could not be told (try again later).
 * Concurrent calls share one request.
 */
export function endServerSession(): Promise<boolean> {
  inflight ??= (async () => {
    try {
      if (!(await serverSessionToEnd())) return true;
      const result = await requestJson('DELETE', '/api/session', undefined, { timeoutMs: 8000 });
      if (result.kind === 'response' && ((result.status >= 200 && result.status < 300) || result.status === 401)) {
        await forgetServerSessionToEnd();
        return true;
      }
      listenForNetwork();
      return false;
    } finally {
      inflight = null;
    }
  })();
  return inflight;
}

/**
 * Clears the marker: the session ended, or a new sign-in replaced the cookie. With nothing else
 * in the device key-values, the store itself goes, so a signed-out tablet keeps no database.
 */
export async function forgetServerSessionToEnd(): Promise<void> {
  await deleteValue(END_SESSION_KEY);
  if ((await storedKeys()).length === 0) await deleteKeyValues();
}

/** Coming back online ends the session at once, whatever page is open (sign-in included). */
function listenForNetwork(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('online', () => void endServerSession());
}
