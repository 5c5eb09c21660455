// Server-side sessions. The cookie carries a random 32-byte token; only its SHA-256 is stored, so a
// leaked database cannot be replayed as cookies. A session ends after SESSION_IDLE_HOURS without use
// or SESSION_MAX_DAYS after sign-in, whichever comes first.
import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/auth/schema';
import type { Config } from '../config';
import type { Queryable } from '../db';

export const SESSION_COOKIE = 'qa_session';
/** last_seen_at is only rewritten when older than this, so reads do not each cost a write. */
const TOUCH_AFTER_MS = 60_000;

type Lifetimes = Pick<Config, 'sessionIdleHours' | 'sessionMaxDays'>;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Queryable, userId: string, now: Date, config: Lifetimes): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + config.sessionMaxDays * 86_400_000);
  // Sweep dead sessions here: sign-in is rare enough that this costs nothing noticeable.
  await db.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2', [now, idleCutoff(now, config)]);
  await db.query(
    'INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)',
    [hashToken(token), userId, now, expires],
  );
  return token;
}

function idleCutoff(now: Date, config: Lifetimes): Date {
  return new Date(now.getTime() - config.sessionIdleHours * 3_600_000);
}

export async function findSession(
  db: Queryable,
  token: string,
  now: Date,
  config: Lifetimes,
): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = hashToken(token);
  const [row] = await db.query<{ id: string; email: string; name: string; role: Role; last_seen_at: Date }>(
    `SELECT u.id, u.email, u.name, u.role, s.last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3`,
    [hash, now, idleCutoff(now, config)],
  );
  if (row === undefined) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_AFTER_MS) {
    await db.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now]);
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}
