// Visit assignments and pins in the database. Who may see (and so update) an assignment: QA, the
// assigned officer, who created it, and the manager of the officer's team. A change takes a fresh
// change_seq (devices receive it) and is audited. Pins are each person's own.
import type { Assignment } from '../../shared/briefings/register';
import type { SessionUser } from '../../shared/auth/schema';
import { recordAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { nextChangeSeq, saveStatusBody } from '../db/change-seq';

type AssignmentRow = { body: Assignment; officer_id: string; created_by: string | null };

/** Whether `managerId` manages the team `officerId` is in. */
export async function managesOfficer(q: Queryable, managerId: string, officerId: string): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM users u JOIN teams t ON t.id = u.team_id WHERE u.id = $1 AND t.manager_id = $2',
    [officerId, managerId],
  );
  return rows.length > 0;
}

async function canSee(q: Queryable, user: SessionUser, row: AssignmentRow): Promise<boolean> {
  if (user.role === 'qa' || row.officer_id === user.id || row.created_by === user.id) return true;
  return user.role === 'manager' && managesOfficer(q, user.id, row.officer_id);
}

/** The assignments this person may see, soonest due first. */
export async function visibleAssignments(q: Queryable, user: SessionUser): Promise<Assignment[]> {
  const rows = await q.query<AssignmentRow>(
    "SELECT body, officer_id, created_by FROM assignments ORDER BY body->>'dueDate', id",
  );
  const visible: Assignment[] = [];
  for (const r of rows) if (await canSee(q, user, r)) visible.push(r.body);
  return visible;
}

/** Adds an open assignment made by `createdBy` inside the caller's transaction (an id already there is left alone). */
export async function writeAssignment(
  tx: Queryable,
  assignment: Assignment,
  createdBy: string | null,
  now: Date,
): Promise<void> {
  const seq = await nextChangeSeq(tx);
  await tx.query(
    `INSERT INTO assignments (id, provider_id, officer_id, status, body, created_by, created_at, change_seq)
     VALUES ($1, $2, $3, 'open', $4::jsonb, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
    [assignment.id, assignment.providerId, assignment.officerId, JSON.stringify(assignment), createdBy, now, seq],
  );
}

/** Adds an assignment made in the office, audited. */
export async function insertAssignment(db: Db, assignment: Assignment, userId: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await writeAssignment(tx, assignment, userId, now);
    await recordAudit(tx, now, userId, 'assignment.create', assignment.id);
  });
}

/** Sets the status (unchanged: nothing written); null when missing or not visible to this person. */
export async function changeAssignmentStatus(
  db: Db,
  user: SessionUser,
  id: string,
  status: Assignment['status'],
  now: Date,
): Promise<Assignment | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<AssignmentRow>(
      'SELECT body, officer_id, created_by FROM assignments WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (row === undefined || !(await canSee(tx, user, row))) return null;
    const next: Assignment = { ...row.body, status };
    if (next.status === row.body.status) return next;
    await saveStatusBody(tx, 'assignments', id, next);
    await recordAudit(tx, now, user.id, 'assignment.update', id);
    return next;
  });
}

export async function pinProvider(q: Queryable, userId: string, providerId: string, at: Date): Promise<void> {
  await q.query(
    'INSERT INTO pins (user_id, provider_id, pinned_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, provider_id) DO NOTHING',
    [userId, providerId, at],
  );
}

export async function unpinProvider(q: Queryable, userId: string, providerId: string): Promise<void> {
  await q.query('DELETE FROM pins WHERE user_id = $1 AND provider_id = $2', [userId, providerId]);
}
