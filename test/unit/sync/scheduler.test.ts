// The scheduler's state machine: backoff, reset, syncNow, single-flight coalescing, 401 pause.
import { describe, expect, it } from 'vitest';
import { authRequired, done, harness, retry } from './scheduler-harness';

describe('sync scheduler', () => {
  it('runs on start and goes idle with lastSuccessAt after done', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    expect(h.scheduler.state().phase).toBe('syncing');
    await h.finish(done);
    expect(h.scheduler.state()).toEqual({
      phase: 'idle',
      consecutiveFailures: 0,
      nextAttemptAt: null,
      lastSuccessAt: h.clock.t,
      lastProblem: null,
    });
    expect(h.timers.pending()).toEqual([]);
    expect(h.states.map((s) => s.phase)).toEqual(['syncing', 'idle']);
  });

  it('backs off 1, 2, 4 … s up to 5 min while runs keep failing', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    const delays: number[] = [];
    for (let i = 1; i <= 11; i++) {
      await h.finish(retry());
      const s = h.scheduler.state();
      expect(s).toMatchObject({ phase: 'waiting-to-retry', consecutiveFailures: i, lastProblem: { code: 'network' } });
      const [delay] = h.timers.pending();
      expect(s.nextAttemptAt).toBe(h.clock.t + (delay ?? NaN));
      delays.push((delay ?? NaN) / 1000);
      h.timers.runNext();
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    expect(h.runs).toHaveLength(12);
  });

  it('honours Retry-After when it is longer than the backoff', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.finish(retry(45));
    expect(h.timers.pending()).toEqual([45_000]);
  });

  it('a success resets the failures, and the next failure starts again at 1 s', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.failRuns(3);
    h.timers.runNext();
    await h.finish(done);
    expect(h.scheduler.state()).toMatchObject({
      phase: 'idle',
      consecutiveFailures: 0,
      lastSuccessAt: h.clock.t,
      lastProblem: null,
    });
    h.scheduler.trigger('submit');
    await h.finish(retry());
    expect(h.timers.pending()).toEqual([1000]);
  });

  it('syncNow resets the backoff and runs at once, even while waiting to retry', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.failRuns(5);
    expect(h.timers.pending()).toEqual([16_000]);
    const finished = h.scheduler.syncNow();
    expect(h.scheduler.state()).toMatchObject({ phase: 'syncing', consecutiveFailures: 0, nextAttemptAt: null });
    expect(h.timers.pending()).toEqual([]);
    await h.finish(retry());
    await finished;
    expect(h.timers.pending()).toEqual([1000]);
  });

  it('while waiting, only online or a retry that is already due run early', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.finish(retry());
    h.timers.runNext();
    await h.finish(retry()); // failures 2, waiting 2 s
    const before = h.runs.length;
    for (const reason of ['start', 'visible', 'submit', 'timer'] as const) h.scheduler.trigger(reason);
    expect(h.runs).toHaveLength(before);
    h.scheduler.trigger('online');
    expect(h.runs).toHaveLength(before + 1);
    await h.finish(retry()); // failures 3, waiting 4 s
    h.clock.t += 4000; // the page was hidden and its timer throttled
    h.scheduler.trigger('visible');
    expect(h.runs).toHaveLength(before + 2);
    await h.finish(done);
    expect(h.timers.runNext()).toBe(false);
  });

  it('is single-flight: triggers during a run coalesce into exactly one more run', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    for (const reason of ['submit', 'visible', 'submit', 'start', 'online'] as const) h.scheduler.trigger(reason);
    expect(h.runs).toHaveLength(1);
    await h.finish(done);
    expect(h.runs).toHaveLength(2);
    expect(h.scheduler.state().phase).toBe('syncing');
    await h.finish(done);
    expect(h.runs).toHaveLength(2);
    expect(h.scheduler.state().phase).toBe('idle');
    expect(h.maxActive()).toBe(1);
  });

  it('after a failed run a coalesced trigger waits for the backoff, but syncNow does not', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    h.scheduler.trigger('submit');
    await h.finish(retry());
    expect(h.runs).toHaveLength(1);
    expect(h.timers.pending()).toEqual([1000]);
    h.timers.runNext();
    void h.scheduler.syncNow();
    await h.finish(retry());
    expect(h.runs).toHaveLength(3);
    expect(h.scheduler.state()).toMatchObject({ phase: 'syncing', nextAttemptAt: null });
    expect(h.timers.pending()).toEqual([]);
    await h.finish(done);
    expect(h.maxActive()).toBe(1);
  });

  it('pauses on auth-required, ignores triggers and resumes on authRestored', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    await h.finish(retry());
    h.timers.runNext();
    await h.finish(authRequired);
    expect(h.scheduler.state()).toMatchObject({
      phase: 'auth-required',
      nextAttemptAt: null,
      lastProblem: { status: 401 },
    });
    expect(h.timers.pending()).toEqual([]);
    for (const reason of ['start', 'online', 'visible', 'submit', 'timer'] as const) h.scheduler.trigger(reason);
    h.clock.t += 3_600_000;
    h.scheduler.trigger('visible');
    expect(h.runs).toHaveLength(2);
    const resumed = h.scheduler.authRestored();
    expect(h.runs).toHaveLength(3);
    await h.finish(done);
    await resumed;
    expect(h.scheduler.state()).toMatchObject({ phase: 'idle', consecutiveFailures: 0 });
  });

  it('authRestored during a run that ends in 401 runs again afterwards', async () => {
    const h = harness();
    h.scheduler.trigger('start');
    void h.scheduler.authRestored();
    await h.finish(authRequired);
    expect(h.runs).toHaveLength(2);
    await h.finish(done);
    expect(h.scheduler.state().phase).toBe('idle');
  });
});
