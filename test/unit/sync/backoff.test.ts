// The retry delay: 1, 2, 4 … s capped at 5 min; Retry-After wins when longer (same cap);
// jitter only when a random source is injected, and it only shortens.
import { describe, expect, it } from 'vitest';
import { MAX_DELAY_MS, retryDelayMs } from '../../../src/app/sync/backoff';
import { mulberry32 } from './fakes';

describe('retryDelayMs', () => {
  it('doubles from 1 s and caps at 5 min', () => {
    const seconds = Array.from({ length: 13 }, (_, i) => retryDelayMs(i + 1) / 1000);
    expect(seconds).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300]);
  });

  it.each([0, -1, Number.NaN])('is 0 with no failure to back off from (%s)', (n) => {
    expect(retryDelayMs(n)).toBe(0);
  });

  it('stays at the cap for absurd failure counts', () => {
    expect(retryDelayMs(5000)).toBe(MAX_DELAY_MS);
    expect(retryDelayMs(Number.POSITIVE_INFINITY)).toBe(MAX_DELAY_MS);
  });

  it.each([
    // failures, Retry-After (s), expected (s)
    [1, 30, 30],
    [6, 10, 32], // exponential already longer
    [2, 0, 2],
    [2, -5, 2],
    [1, 0.2, 1],
    [3, 3600, 300], // capped: a far-off Retry-After must not silence sync for an hour
    [1, Number.NaN, 1],
  ])('failures %i with Retry-After %s s waits %s s', (failures, after, expected) => {
    expect(retryDelayMs(failures, { retryAfterSeconds: after })).toBe(expected * 1000);
  });

  it('jitter is deterministic for a seeded source, within 80-100 % and never over the cap', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let n = 1; n <= 20; n++) {
      const base = retryDelayMs(n);
      const jittered = retryDelayMs(n, { random: a });
      expect(jittered).toBe(retryDelayMs(n, { random: b }));
      expect(jittered).toBeLessThanOrEqual(base);
      expect(jittered).toBeGreaterThanOrEqual(base * 0.8);
    }
  });

  it('jitter never undercuts Retry-After', () => {
    expect(retryDelayMs(1, { retryAfterSeconds: 10, random: () => 0.999 })).toBe(10_000);
  });
});
