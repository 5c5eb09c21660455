// A short-lived, per-process memo of token → user, so the hot path (a drain of many PUTs) does not
// pay a session query per request. Trade-off, kept small on purpose: a sign-out or expiry seen by
// another server takes up to TTL_MS to reach this one; sign-out on this server evicts at once.
import type { SessionUser } from '../../shared/auth/schema';

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

export class SessionCache {
  private readonly entries = new Map<string, { user: SessionUser; until: number }>();

  constructor(private readonly now: () => Date) {}

  get(token: string): SessionUser | null {
    const hit = this.entries.get(token);
    if (hit === undefined) return null;
    if (hit.until <= this.now().getTime()) {
      this.entries.delete(token);
      return null;
    }
    return hit.user;
  }

  set(token: string, user: SessionUser): void {
    // Map keeps insertion order, so the first key is the oldest: a cheap bound on memory.
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { user, until: this.now().getTime() + TTL_MS });
  }

  evict(token: string): void {
    this.entries.delete(token);
  }
}
