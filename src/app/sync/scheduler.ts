// When to drain the outbox (docs/sync-contract.md): on start, online, visible, after a submit, and on a
// backoff timer reset by "Sync now". Owns the sync state the UI shows.
// Invariants: single-flight (at most one run at a time; triggers during a run coalesce into one
// more run); a run that throws counts as a failure and is retried, so the phase never sticks at
// 'syncing'; after a 401 nothing runs until authRestored() (or an explicit syncNow()).
// Pure over injected run, clock and timers: no DOM; the caller wires window events to trigger().
import { retryDelayMs, type RetryDelayOptions } from './backoff';
import type { Problem } from '../../shared/sync/schema';
import type { DrainOutcome } from './engine';

export type SyncPhase = 'idle' | 'syncing' | 'waiting-to-retry' | 'auth-required';

export type SyncState = {
  phase: SyncPhase;
  consecutiveFailures: number;
  /** Clock time of the scheduled retry, when waiting to retry. */
  nextAttemptAt: number | null;
  /** Clock time of the last drain that left nothing to send. */
  lastSuccessAt: number | null;
  lastProblem: Problem | null;
};

export type TriggerReason = 'start' | 'online' | 'visible' | 'submit' | 'timer';

export type SyncSchedulerDeps = {
  run: () => Promise<DrainOutcome>;
  clock: { now(): number };
  timers: { set(fn: () => void, ms: number): unknown; clear(handle: unknown): void };
  onChange?: (state: SyncState) => void;
  /** Jitter source for the backoff; absent means none (deterministic). */
  random?: () => number;
};

export type SyncScheduler = {
  /** An event that may make sending worthwhile. Ignored in 'auth-required'. */
  trigger(reason: TriggerReason): void;
  /** The person asked: forget the backoff and run now. Resolves when that run (and any coalesced one) ends. */
  syncNow(): Promise<void>;
  /** The person signed in again: leave 'auth-required' and run now. */
  authRestored(): Promise<void>;
  state(): SyncState;
  /** Clears timers; later triggers are ignored and a run in flight schedules nothing. */
  stop(): void;
};

export function createSyncScheduler(deps: SyncSchedulerDeps): SyncScheduler {
  let current: SyncState = {
    phase: 'idle',
    consecutiveFailures: 0,
    nextAttemptAt: null,
    lastSuccessAt: null,
    lastProblem: null,
  };
  let timer: { handle: unknown } | null = null;
  let inflight: Promise<void> | null = null;
  // What arrived during the run: 'force' runs again whatever the outcome; 'normal' only after
  // 'done' (after a failure the backoff timer is that "one more run", so we don't hammer).
  let rerun: 'none' | 'normal' | 'force' = 'none';
  // Read through a call: TypeScript would otherwise keep the 'none' set before the await.
  const queued = () => rerun;
  let stopped = false;

  function set(patch: Partial<SyncState>): void {
    current = { ...current, ...patch };
    try {
      deps.onChange?.({ ...current });
    } catch (err) {
      // A listener's bug must not wedge sync mid-run; report it where uncaught errors go.
      queueMicrotask(() => {
        throw err;
      });
    }
  }

  function clearTimer(): void {
    if (timer) deps.timers.clear(timer.handle);
    timer = null;
  }

  function start(strength: 'normal' | 'force'): Promise<void> {
    if (inflight) {
      if (strength === 'force' || rerun === 'none') rerun = strength;
      return inflight;
    }
    clearTimer();
    // Assigned before loop() runs a line, so an onChange that re-enters start() coalesces.
    let done!: () => void;
    inflight = new Promise<void>((resolve) => (done = resolve));
    void loop().finally(() => {
      inflight = null;
      // Only a throwing clock or timers object gets here mid-run; its error stays unhandled
      // (reported), but the UI must not show 'syncing' for ever.
      if (current.phase === 'syncing') set({ phase: 'idle' });
      done();
    });
    return inflight;
  }

  async function loop(): Promise<void> {
    for (;;) {
      rerun = 'none';
      set({ phase: 'syncing', nextAttemptAt: null });
      let outcome: DrainOutcome;
      try {
        outcome = await deps.run();
      } catch (err) {
        outcome = { sent: 0, attention: 0, result: 'retry', problem: localProblem(err) };
      }
      apply(outcome);
      if (stopped) return;
      const wanted = queued();
      const again = wanted === 'force' || (wanted === 'normal' && outcome.result === 'done');
      if (!again) return;
      clearTimer();
    }
  }

  function apply(outcome: DrainOutcome): void {
    const now = deps.clock.now();
    if (outcome.result === 'done') {
      set({ phase: 'idle', consecutiveFailures: 0, nextAttemptAt: null, lastSuccessAt: now, lastProblem: null });
      return;
    }
    const problem = outcome.problem ?? null;
    if (outcome.result === 'auth-required') {
      set({ phase: 'auth-required', nextAttemptAt: null, lastProblem: problem });
      return;
    }
    const failures = current.consecutiveFailures + 1;
    if (stopped) {
      set({ phase: 'idle', consecutiveFailures: failures, nextAttemptAt: null, lastProblem: problem });
      return;
    }
    const options: RetryDelayOptions = {};
    if (outcome.retryAfterSeconds !== undefined) options.retryAfterSeconds = outcome.retryAfterSeconds;
    if (deps.random) options.random = deps.random;
    const delay = retryDelayMs(failures, options);
    const handle = deps.timers.set(() => {
      if (timer?.handle !== handle) return; // a stale timer that fired after being cleared
      timer = null;
      void start('normal');
    }, delay);
    timer = { handle };
    set({ phase: 'waiting-to-retry', consecutiveFailures: failures, nextAttemptAt: now + delay, lastProblem: problem });
  }

  function trigger(reason: TriggerReason): void {
    if (stopped || current.phase === 'auth-required') return;
    if (current.phase === 'waiting-to-retry' && !inflight) {
      // Coming back online means the likely cause of the failure is gone. Anything else waits for
      // the scheduled retry, unless that is already due (timers are throttled in hidden pages).
      const due = current.nextAttemptAt === null || deps.clock.now() >= current.nextAttemptAt;
      if (reason !== 'online' && !due) return;
    }
    void start(reason === 'online' ? 'force' : 'normal');
  }

  function syncNow(): Promise<void> {
    if (stopped) return Promise.resolve();
    clearTimer();
    if (inflight) set({ consecutiveFailures: 0 });
    else current = { ...current, consecutiveFailures: 0 }; // start() announces it with 'syncing'
    return start('force');
  }

  return {
    trigger,
    syncNow,
    authRestored: syncNow,
    state: () => ({ ...current }),
    stop() {
      stopped = true;
      clearTimer();
      if (current.nextAttemptAt !== null) set({ nextAttemptAt: null });
    },
  };
}

function localProblem(err: unknown): Problem {
  const detail = err instanceof Error ? err.message : String(err);
  return {
    status: null,
    code: 'local-error',
    message: `Could not read or update the records on this device. Sync will try again. (${detail})`,
  };
}
