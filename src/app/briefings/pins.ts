// Pinning a provider keeps its briefing on this device. The pin lives on the server (so the
// briefing comes with every pull); it needs a connection, and the next sync brings the briefing.
import { requestJson, errorMessage } from '../lib/http';
import { syncNow } from '../sync/control';

export async function setPinned(
  providerId: string,
  pinned: boolean,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await requestJson(
    pinned ? 'PUT' : 'DELETE',
    `/api/pins/${encodeURIComponent(providerId)}`,
    pinned ? {} : undefined,
  );
  if (result.kind === 'network-error')
    return { ok: false, message: 'Pinning needs a connection. Try again when this device is online.' };
  if (result.status >= 200 && result.status < 300) {
    syncNow();
    return { ok: true };
  }
  if (result.status === 401)
    return { ok: false, message: 'Your sign-in has ended. Sign in again, then pin the provider.' };
  return { ok: false, message: errorMessage(result.body, `The server answered ${result.status}.`) };
}
