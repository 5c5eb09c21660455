// Loaded on demand by control.ts. Wires the pure sync engine to the browser: drains the outbox and pulls reference data on start,
// on `online`, on becoming visible, after each submit, on the backoff timer and on "Sync now".
// Only one tab sends at a time (Web Locks where available); the Dexie outbox is the source of truth.
// Each run first ends a signed-out person's server session if that is still owed, then checks
// that the server session is the signed-in person's (GET /api/session), and sends only that
// person's entries, each request only while the same person is signed in (issue 14). After each
// pull it applies the device retention policy, then, when due, asks the server which sent records
// it no longer holds and sends those again (reconcile.ts, issue 16 item 5).
import { setValue } from '../storage/device-keyval';
import { requestJson, type HttpResult } from '../lib/http';
import { endServerSession } from '../auth/server-session-end';
import { applyRetention, referenceRefreshed } from '../device/retention';
import type { Problem } from '../../shared/sync/schema';
import { pullReferenceData } from './pull';
import { reconcileReceipts } from './reconcile';
import { drain, type DrainOutcome } from './engine';
import { createHttpTransport } from './http-transport';
import { createOutboxStore } from './outbox-store';
import { createSyncScheduler } from './scheduler';
import { rememberDevicePolicy } from './settings';
import { maySendFor, syncOwner } from './sync-owner';
import { LAST_SYNC_KEY, online, syncState } from './sync-state';

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request('qa-visits-sync', fn) as Promise<T>;
}

const NOTHING: DrainOutcome = { sent: 0, attention: 0, result: 'done' };
const retry = (problem: Problem): DrainOutcome => ({ sent: 0, attention: 0, result: 'retry', problem });
const PAUSED: HttpResult = { kind: 'network-error', message: 'sending paused while the person signed in changes' };

/**
 * Whether the server session is `owner`'s: 'yes', 'no' (ended, or someone else's: ask the person
 * to sign in again, send nothing), or a problem to retry on.
 */
async function sessionIsOwners(owner: string): Promise<'yes' | 'no' | Problem> {
  const result = await requestJson('GET', '/api/session', undefined, { timeoutMs: 8000 });
  if (result.kind === 'network-error')
    return { status: null, code: 'network', message: 'Could not reach the server. Sync will try again.' };
  if (result.status === 401) return 'no';
  if (result.status !== 200)
    return { status: result.status, code: 'session-check', message: `The server answered ${result.status}.` };
  const id = (result.body as { user?: { id?: unknown } } | null)?.user?.id;
  if (id !== owner) return 'no';
  await rememberDevicePolicy(result.body);
  return 'yes';
}

/** The server process a pull answer names (null: none, an older server). */
function serverOf(answer: HttpResult): string | null {
  if (answer.kind !== 'response' || answer.status !== 200) return null;
  const server = (answer.body as { server?: unknown } | null)?.server;
  return typeof server === 'string' ? server : null;
}

/**
 * The ids of the records a pull answer lists as returned for amendment (null: not a pull answer):
 * every one in `scope.returned` (the records themselves come only after a new decision), or, from
 * a server before that list, the records it sent.
 */
function returnedIds(answer: HttpResult): string[] | null {
  if (answer.kind !== 'response' || answer.status !== 200) return null;
  const body = answer.body as { returned?: unknown; scope?: { returned?: unknown } } | null;
  const ids = body?.scope?.returned;
  if (Array.isArray(ids)) return ids.filter((id): id is string => typeof id === 'string');
  const list = body?.returned;
  if (!Array.isArray(list)) return null;
  return list.flatMap((r) => {
    const id = (r as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? [id] : [];
  });
}

async function runOnce(): Promise<DrainOutcome> {
  return withLock(async () => {
    const owner = syncOwner();
    if (owner === null) return NOTHING;
    // A signed-out person's session is ended before any other request (issue 14).
    if (!(await endServerSession()))
      return retry({ status: null, code: 'network', message: 'Could not reach the server. Sync will try again.' });
    const verdict = await sessionIsOwners(owner);
    if (verdict === 'no') return { ...NOTHING, result: 'auth-required' };
    if (verdict !== 'yes') return retry(verdict);
    const maySend = () => maySendFor(owner);
    if (!maySend()) return retry({ status: null, code: 'paused', message: 'Sync will try again.' });
    const outcome = await drain(createOutboxStore(owner), createHttpTransport({ maySend }));
    if (outcome.result !== 'done') return outcome;
    // Checked again when the answer comes: another person's reference data is never stored.
    let returned: string[] | null = null;
    let server: string | null = null;
    const pulled = await pullReferenceData(async (...args) => {
      if (!maySend()) return PAUSED;
      const answer = await requestJson(...args);
      if (!maySend()) return PAUSED;
      returned = returnedIds(answer);
      server = serverOf(answer);
      return answer;
    });
    if (pulled.result === 'done') {
      // Only a pull the server answered refreshes the reference data (a locked app pulls nothing).
      // Retention keeps records returned for amendment; their ids come from here in the clear.
      if (returned !== null) await referenceRefreshed(returned);
      await applyRetention(Date.now(), { opened: true }).catch(() => undefined);
      // Sent records the server no longer holds go back in the outbox and out again now.
      const reconciled = await reconcileReceipts(owner, server, async (method, url, body) => {
        if (!maySend()) return PAUSED;
        const answer = await requestJson(method, url, body);
        return maySend() ? answer : PAUSED;
      }).catch(() => null);
      if (reconciled?.kind === 'done' && reconciled.requeued > 0) {
        const again = await drain(createOutboxStore(owner), createHttpTransport({ maySend }));
        return { ...again, sent: outcome.sent + again.sent, attention: outcome.attention + again.attention };
      }
    }
    if (pulled.result === 'auth-required') return { ...outcome, result: 'auth-required' };
    if (pulled.result === 'retry') {
      return {
        ...outcome,
        result: 'retry',
        problem: { status: pulled.status, code: 'pull-failed', message: pulled.message },
      };
    }
    return outcome;
  });
}

let scheduler: ReturnType<typeof createSyncScheduler> | null = null;
let listening = false;

/** Browser events that wake the outbox; registered once, they reach whichever scheduler is current. */
function listenOnce(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('online', () => {
    online.set(true);
    scheduler?.trigger('online');
  });
  window.addEventListener('offline', () => online.set(false));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') scheduler?.trigger('visible');
  });
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'SYNC_WAKE') scheduler?.trigger('timer');
  });
}

export function startSync(): void {
  if (scheduler) return;
  scheduler = createSyncScheduler({
    run: runOnce,
    clock: { now: () => Date.now() },
    timers: { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
    onChange: (state) => {
      // The scheduler starts each page load knowing nothing; keep the remembered last sync time.
      syncState.set({ ...state, lastSuccessAt: state.lastSuccessAt ?? syncState.get().lastSuccessAt });
      if (state.lastSuccessAt !== null) void setValue(LAST_SYNC_KEY, state.lastSuccessAt);
    },
  });
  listenOnce();
  scheduler.trigger('start');
}

export function syncAfterSubmit(): void {
  scheduler?.trigger('submit');
  // Background Sync, where the browser has it, wakes us even if the tab is closed first.
  void navigator.serviceWorker?.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(
        'qa-visits-outbox',
      ),
    )
    .catch(() => undefined);
}

/** Resolves when that run (and any it coalesced) has ended. */
export function syncNow(): Promise<void> {
  return scheduler?.syncNow() ?? Promise.resolve();
}

export function signedInAgain(): void {
  scheduler?.authRestored();
}

export function stopSync(): void {
  scheduler?.stop();
  scheduler = null;
}
