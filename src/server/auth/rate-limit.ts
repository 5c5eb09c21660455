// In-memory sign-in throttle: after 5 failures for one email or 20 from one address within 15
// minutes, further attempts are refused until the oldest failure ages out. Per process: with
// several app servers each keeps its own count, which still bounds guessing per server.
interface Limits {
  perEmail: number;
  perIp: number;
  windowMs: number;
}

const DEFAULT_LIMITS: Limits = { perEmail: 5, perIp: 20, windowMs: 15 * 60 * 1000 };
/** Above this many tracked keys, stale ones are swept so memory stays bounded under a spray. */
const SWEEP_AT = 10_000;

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => Date,
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  /**
   * Checks and charges one attempt in the same synchronous step, so a burst of parallel guesses
   * cannot all pass the check before any failure is counted. Returns the seconds to wait when
   * refused; otherwise `succeeded` refunds the charge once the password proves right.
   */
  attempt(email: string, ip: string): { retryAfter: number } | { succeeded: () => void } {
    const t = this.now().getTime();
    const waits = [this.wait(`e:${email}`, this.limits.perEmail, t), this.wait(`i:${ip}`, this.limits.perIp, t)];
    const retryAfter = Math.max(0, ...waits.filter((w): w is number => w !== null));
    if (retryAfter > 0) return { retryAfter };
    if (this.failures.size > SWEEP_AT) this.sweep(t);
    for (const key of [`e:${email}`, `i:${ip}`]) this.failures.set(key, [...this.recent(key, t), t]);
    return {
      succeeded: () => {
        // A correct password clears that email's count and takes back this attempt from the address.
        this.failures.delete(`e:${email}`);
        const list = this.failures.get(`i:${ip}`) ?? [];
        const at = list.indexOf(t);
        if (at >= 0) list.splice(at, 1);
      },
    };
  }

  private recent(key: string, t: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => t - at < this.limits.windowMs);
  }

  private wait(key: string, limit: number, t: number): number | null {
    const list = this.recent(key, t);
    if (list.length < limit) return null;
    const oldestCounted = list[list.length - limit] ?? t;
    return Math.max(1, Math.ceil((oldestCounted + this.limits.windowMs - t) / 1000));
  }

  private sweep(t: number): void {
    for (const [key, list] of this.failures) {
      if (!list.some((at) => t - at < this.limits.windowMs)) this.failures.delete(key);
    }
  }
}
