// User accounts. Emails are stored lower-case and trimmed so sign-in is case-insensitive.
import { randomUUID } from 'node:crypto';
import type { Role, SessionUser } from '../../shared/auth/schema';
import type { Queryable } from '../db';
import { hashPassword } from './passwords';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** The team the person belongs to (a team's manager belongs to it too). */
  teamId?: string | null;
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
  await db.query('INSERT INTO users (id, email, name, role, password_hash, team_id) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    email,
    user.name,
    user.role,
    passwordHash,
    user.teamId ?? null,
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

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE email = $1', [normaliseEmail(email)])).length > 0;
}

export interface UserSummary extends SessionUser {
  teamId: string | null;
  teamName: string | null;
  managesTeamId: string | null;
}

export async function listUsers(db: Queryable): Promise<UserSummary[]> {
  const rows = await db.query<{
    id: string;
    email: string;
    name: string;
    role: Role;
    team_id: string | null;
    team_name: string | null;
    manages: string | null;
  }>(
    `SELECT u.id, u.email, u.name, u.role, u.team_id, t.name AS team_name,
            (SELECT m.id FROM teams m WHERE m.manager_id = u.id ORDER BY m.name LIMIT 1) AS manages
       FROM users u LEFT JOIN teams t ON t.id = u.team_id ORDER BY u.name, u.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    teamId: r.team_id,
    teamName: r.team_name,
    managesTeamId: r.manages,
  }));
}

/** The team with this name, created when new. */
export async function ensureTeam(db: Queryable, name: string): Promise<string> {
  await db.query('INSERT INTO teams (id, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [randomUUID(), name]);
  const [row] = await db.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [name]);
  if (row === undefined) throw new Error('team vanished after insert');
  return row.id;
}

export async function setTeamManager(db: Queryable, teamId: string, managerId: string): Promise<void> {
  await db.query('UPDATE teams SET manager_id = $2 WHERE id = $1', [teamId, managerId]);
}

export async function findUserRole(db: Queryable, id: string): Promise<Role | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db.query<{ role: Role }>('SELECT role FROM users WHERE id = $1', [id]);
  return row?.role ?? null;
}
