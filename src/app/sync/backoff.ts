// Retry delay after failed drains (docs/sync-contract.md: 2^n s, capped at 5 min, reset by "Sync now").
// Owns: the delay only; counting failures and resetting is the scheduler's job.
// Invariants: deterministic unless a random source is injected; never more than MAX_DELAY_MS;
// never less than the server's Retry-After (up to that same cap).
//
// Decision: Retry-After is capped at 5 min too. Our server asks for seconds, not hours; a proxy's
// huge value or a far-off HTTP-date must not silence an officer's unsent work for the rest of the
// day, and one early request costs the server one more small 429.

const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 5 * 60 * 1000;
/** With an injected random source, up to this fraction is taken off the exponential delay. */
const JITTER_FRACTION = 0.2;

export type RetryDelayOptions = {
  /** The server's Retry-After, in seconds; wins when longer than the exponential delay. */
  retryAfterSeconds?: number;
  /** A source in [0, 1) for jitter; absent means no jitter (fully deterministic). */
  random?: () => number;
};

/**
 * Milliseconds to wait after `failures` consecutive failed drains: 1 s after the first, then
 * 2, 4, 8 … s, capped at 5 min. 0 when there is no failure to back off from.
 */
export function retryDelayMs(failures: number, options: RetryDelayOptions = {}): number {
  if (Number.isNaN(failures) || failures < 1) return 0;
  // 2^(n-1) overflows to Infinity long before it matters; the cap keeps it finite.
  let delay = Math.min(BASE_DELAY_MS * 2 ** (Math.floor(failures) - 1), MAX_DELAY_MS);
  if (options.random) {
    // Jitter only shortens, so the cap still holds and clients that failed together spread out.
    const r = Math.min(Math.max(options.random(), 0), 1);
    delay = Math.round(delay * (1 - JITTER_FRACTION * r));
  }
  const after = options.retryAfterSeconds;
  if (after !== undefined && Number.isFinite(after) && after > 0) {
    delay = Math.max(delay, Math.min(Math.ceil(after * 1000), MAX_DELAY_MS));
  }
  return delay;
}
