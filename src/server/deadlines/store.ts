// What GET /api/deadlines reads: open actions this person may see (an officer: only those they
// raised, besides provider actions) and the current revisions of observations and audits they
// may see that reached the council since a given time.
import type { VisitAction } from '../../shared/briefings/register';
import type { SessionUser } from '../../shared/auth/schema';
import type { RecordBody, ReviewStatus } from '../../shared/records/schema';
import { submitterVisible } from '../auth/access';
import type { Queryable } from '../db';

/** Open and in-progress actions, soonest due first. */
export async function openActionsFor(q: Queryable, user: SessionUser): Promise<VisitAction[]> {
  const rows = await q.query<{ body: VisitAction }>(
    `SELECT a.body FROM actions a
      WHERE a.status IN ('open', 'in-progress')
        AND (a.provider_id IS NOT NULL OR ${submitterVisible('a.raised_by', '$1', '$2')})
        AND ($2 <> 'officer' OR a.raised_by = $1)
      ORDER BY a.due_date, a.id`,
    [user.id, user.role],
  );
  return rows.map((r) => r.body);
}

export interface ReceivedRecord {
  id: string;
  body: RecordBody;
  submitter_name: string;
  received_at: Date;
  /** When the council first received any revision of it (the write-up is measured against this). */
  first_received: Date;
  review_status: ReviewStatus;
  submitter_id: string;
}

/** Observations and audits received after `since`, oldest first. */
export async function recordsReceivedSince(q: Queryable, user: SessionUser, since: Date): Promise<ReceivedRecord[]> {
  return q.query<ReceivedRecord>(
    `SELECT s.id, s.body, u.name AS submitter_name, s.received_at, h.review_status, h.submitter_id,
            (SELECT min(f.received_at) FROM submissions f WHERE f.id = h.id) AS first_received
       FROM submission_heads h JOIN submissions s ON s.id = h.id AND s.revision = h.current_revision
       JOIN users u ON u.id = s.submitter_id
      WHERE s.kind IN ('observation', 'audit') AND ${submitterVisible('h.submitter_id', '$1', '$2')}
        AND s.received_at > $3
      ORDER BY s.received_at`,
    [user.id, user.role, since],
  );
}
