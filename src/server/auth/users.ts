// User accounts. Emails are stored lower-case and trimmed so sign-in is case-insensitive.
import { randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/schemas';
import type { Queryable } from '../db';
import { hashPassword } from './passwords';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function createUser(db: Queryable, user: NewUser): Promise<SessionUser> {
  return insertUser(db, user, await hashPassword(user.password));
}

/** For callers that hashed already (outside a transaction, since scrypt is slow). */
export async function insertUser(
  db: Queryable,
  user: Omit<NewUser, 'password'>,
  passwordHash: string,
): Promise<SessionUser> {
  const id = randomUUID();
  const email = normaliseEmail(user.email);
  await db.query('INSERT INTO users (id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)', [
    id,
    email,
    user.name,
    user.role,
    passwordHash,
  ]);
  return { id, email, name: user.name, role: user.role };
}

export async function findUserForSignIn(
  db: Queryable,
  email: string,
): Promise<(SessionUser & { passwordHash: string }) | null> {
  const [row] = await db.query<{ id: string; email: string; name: string; role: Role; password_hash: string }>(
    'SELECT id, email, name, role, password_hash FROM users WHERE email = $1',
    [normaliseEmail(email)],
  );
  if (row === undefined) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, passwordHash: row.password_hash };
}

export async function countUsers(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM users');
  return Number(row?.n ?? 0);
}
