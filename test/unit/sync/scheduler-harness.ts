// A scheduler whose runs wait for the test to settle them, with a fake clock and hand-fired timers.
import type { DrainOutcome } from '../../../src/app/sync/engine';
import { createSyncScheduler, type SyncState } from '../../../src/app/sync/scheduler';
import { deferred, type Deferred, FakeClock, FakeTimers, flush } from './fakes';

export const done: DrainOutcome = { sent: 1, attention: 0, result: 'done' };
export const retry = (retryAfterSeconds?: number): DrainOutcome => ({
  sent: 0,
  attention: 0,
  result: 'retry',
  problem: { status: null, code: 'network', message: 'offline' },
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
});
export const authRequired: DrainOutcome = {
  sent: 0,
  attention: 0,
  result: 'auth-required',
  problem: { status: 401, code: 'unauthenticated', message: 'Sign in' },
};

/** A scheduler whose runs wait for the test to settle them, one at a time. */
export function harness() {
  const clock = new FakeClock();
  const timers = new FakeTimers(clock);
  const runs: Deferred<DrainOutcome>[] = [];
  let active = 0;
  let maxActive = 0;
  const states: SyncState[] = [];
  const scheduler = createSyncScheduler({
    run: () => {
      active++;
      maxActive = Math.max(maxActive, active);
      const d = deferred<DrainOutcome>();
      runs.push(d);
      return d.promise.finally(() => active--);
    },
    clock,
    timers,
    onChange: (s) => states.push(s),
  });
  /** Settles the run in flight and lets the scheduler react. */
  async function finish(outcome: DrainOutcome | Error): Promise<void> {
    const run = runs.at(-1);
    if (!run) throw new Error('no run in flight');
    if (outcome instanceof Error) run.reject(outcome);
    else run.resolve(outcome);
    await flush();
  }
  /** Fails `times` runs in a row (network), each next one started by the backoff timer; the last retry is left waiting. */
  async function failRuns(times: number): Promise<void> {
    for (let i = 0; i < times; i++) {
      if (i > 0) timers.runNext();
      await finish(retry());
    }
  }
  return { clock, timers, runs, states, scheduler, finish, failRuns, maxActive: () => maxActive };
}
