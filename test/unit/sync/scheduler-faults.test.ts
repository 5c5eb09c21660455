// The scheduler under faults: a run that throws or rejects, stop(), and re-entrant listeners.
// Invariant checked throughout: the phase never sticks at 'syncing'.
import { describe, expect, it } from 'vitest';
import { createSyncScheduler } from '../../../src/app/sync/scheduler';
import { FakeClock, FakeTimers, flush } from './fakes';
import { done, harness, retry } from './scheduler-harness';

describe('sync scheduler: faults and shutdown', () => {
  it('a run that rejects counts as a local failure and is retried, never stuck syncing', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.finish(new Error('QuotaExceededError'));
    expect(h.scheduler.state()).toMatchObject({
      phase: 'waiting-to-retry',
      consecutiveFailures: 1,
      lastProblem: { code: 'local-error', status: null },
    });
    expect(h.scheduler.state().lastProblem?.message).toContain('QuotaExceededError');
    h.timers.runNext();
    await h.finish(done);
    expect(h.scheduler.state().phase).toBe('idle');
  });

  it('a run that throws synchronously is also a local failure', async () => {
    const clock = new FakeClock();
    const timers = new FakeTimers(clock);
    let calls = 0;
    const scheduler = createSyncScheduler({
      run: () => {
        if (++calls === 1) throw new TypeError('db is closed');
        return Promise.resolve(done);
      },
      clock,
      timers,
    });
    scheduler.trigger('start');
    await flush();
    expect(scheduler.state()).toMatchObject({ phase: 'waiting-to-retry', lastProblem: { code: 'local-error' } });
    timers.runNext();
    await flush();
    expect(scheduler.state().phase).toBe('idle');
  });

  it('stop clears timers, ignores triggers and lets a run in flight schedule nothing', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.finish(retry());
    h.scheduler.stop();
    expect(h.timers.pending()).toEqual([]);
    expect(h.scheduler.state().nextAttemptAt).toBeNull();
    h.scheduler.trigger('online');
    await h.scheduler.syncNow();
    expect(h.runs).toHaveLength(1);

    const g = harness();
    g.scheduler.trigger('start');
    g.scheduler.trigger('submit');
    g.scheduler.stop();
    await g.finish(retry());
    expect(g.runs).toHaveLength(1);
    expect(g.timers.pending()).toEqual([]);
    expect(g.scheduler.state()).toMatchObject({ phase: 'idle', nextAttemptAt: null });
  });

  it('a listener that triggers from onChange cannot start a second concurrent run', async () => {
    const clock = new FakeClock();
    const timers = new FakeTimers(clock);
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const scheduler = createSyncScheduler({
      run: async () => {
        runs++;
        maxActive = Math.max(maxActive, ++active);
        await Promise.resolve();
        active--;
        return done;
      },
      clock,
      timers,
      onChange: (s) => {
        if (s.phase === 'syncing' && runs === 0) scheduler.trigger('submit');
      },
    });
    scheduler.trigger('start');
    await flush();
    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
    expect(scheduler.state().phase).toBe('idle');
  });
});
