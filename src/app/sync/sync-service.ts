// Loaded on demand by control.ts. Wires the pure sync engine to the browser: drains the outbox and pulls reference data on start,
// on `online`, on becoming visible, after each submit, on the backoff timer and on "Sync now".
// Only one tab sends at a time (Web Locks where available); the Dexie outbox is the source of truth.
import { setValue } from '../storage/device-keyval';
import { pullReferenceData } from './pull';
import { drain, type DrainOutcome } from './engine';
import { createHttpTransport } from './http-transport';
import { createOutboxStore } from './outbox-store';
import { createSyncScheduler } from './scheduler';
import { LAST_SYNC_KEY, online, syncState } from './sync-state';

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request('qa-visits-sync', fn) as Promise<T>;
}

async function runOnce(): Promise<DrainOutcome> {
  return withLock(async () => {
    const outcome = await drain(createOutboxStore(), createHttpTransport());
    if (outcome.result !== 'done') return outcome;
    const pulled = await pullReferenceData();
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

export function syncNow(): void {
  scheduler?.syncNow();
}

export function signedInAgain(): void {
  scheduler?.authRestored();
}

export function stopSync(): void {
  scheduler?.stop();
  scheduler = null;
}
