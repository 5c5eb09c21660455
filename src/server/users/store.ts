// People for /api/users beyond auth/users.ts: which teams a manager manages (what they may list),
// and adding a person with their team in one audited transaction.
import type { SessionUser } from '../../shared/auth/schema';
import type { NewUserRequest } from '../../shared/users/api-schemas';
import { recordAudit } from '../audit';
import { ensureTeam, insertUser, setTeamManager } from '../auth/users';
import type { Db, Queryable } from '../db';

/** The ids of the teams this person manages. */
export async function managedTeamIds(q: Queryable, userId: string): Promise<Set<string>> {
  const rows = await q.query<{ id: string }>('SELECT id FROM teams WHERE manager_id = $1', [userId]);
  return new Set(rows.map((t) => t.id));
}

/** Adds a person (creating a team named for the first time; managesTeam makes them its manager). */
export async function addPerson(
  db: Db,
  person: NewUserRequest,
  passwordHash: string,
  actorId: string,
  now: Date,
): Promise<SessionUser> {
  return db.transaction(async (tx) => {
    const teamId = person.team === null ? null : await ensureTeam(tx, person.team);
    const { email, name, role } = person;
    const created = await insertUser(tx, { email, name, role, teamId }, passwordHash);
    if (person.managesTeam === true && teamId !== null) await setTeamManager(tx, teamId, created.id);
    await recordAudit(tx, now, actorId, 'user.create', created.id);
    return created;
  });
}
