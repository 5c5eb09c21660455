// What storing a record changes elsewhere, in the same transaction as the row — the one
// implementation, whichever way the record is stored (store.ts):
// - a visit marks done the submitter's open assignments for its provider, including the one it
//   names, and refreshes the provider's derived last visit (so devices get the new lastVisitDate /
//   nextVisitDue / briefing on their next pull);
// - a visit's checks of earlier actions (verified at the next visit) update the tracker;
// - every record's raised actions are upserted into the action tracker. A later revision edits
//   them and withdraws open ones it no longer lists; status, evidence and closure date are the
//   tracker's, never the record's;
// - the files a revision names are recorded, so whoever may read the record may read them, and a
//   later revision of the same record may name them again without a new upload (the route has
//   already refused files its submitter had no right to name: evidence/store.ts).
// What fits in SQL — the assignments, and a first revision's last visit — is CTEs of the store
// statement itself (statementEffects, which store-statement.ts puts in the statement both paths
// run); the rest runs as statements of their own afterwards, in the same transaction
// (applyRemainingEffects). A record for which needsOwnStatements is false has no effects beyond
// the statement's, which is what lets store.ts store a new one in a single statement.
import { attachmentHashes } from '../../shared/records/record-rules';
import type { VisitAction } from '../../shared/briefings/register';
import type { RecordBody } from '../../shared/records/schema';
import type { Queryable } from '../db/index';
import { nextChangeSeq, REFERENCE_DATA_LOCK } from '../db/change-seq';
import { refreshProviderVisit, touchBriefing } from '../providers/store';

/**
 * The effects as data-modifying CTEs, each preceded by a comma, for a statement that has already
 * defined `head`: one row holding the record's id when, and only when, this revision is being
 * stored (none, so no effect, when the fast path lost its claim). They read the store statement's
 * named parameters (store-statement.ts): $revision, $submitterId, $providerId (null for
 * observations and audits), $visitDate and $assignmentId.
 *
 * A first revision's last visit is updated incrementally rather than recomputed: it adds one
 * current revision to its provider, so the latest is either the one stored or this one (greatest
 * date, ties to the smaller id, as refreshProviderVisit orders them). The condition sits in the
 * UPDATE's WHERE, which PostgreSQL re-checks against the newest committed row when a concurrent
 * writer got there first, so racing visits to one provider still end on the latest. (A
 * recomputation would read one snapshot and could overwrite a later visit committed meanwhile;
 * it also could not see this revision, which the same statement inserts.) An amendment can move
 * a visit earlier or to another provider, so its last visits are recomputed afterwards instead.
 *
 * The change_seq rule (db/change-seq.ts: the lock before the number, held to commit) is kept inside
 * the statement: `seq` takes the lock, shared, and then nextval (the number is filtered on the
 * lock's result, so it cannot be drawn first), and it is read only from the SET lists, which are
 * evaluated only for rows that change — a visit that is not its provider's latest and completes no
 * assignment takes neither. Shared, because concurrent records do not need each other to wait:
 * each UPDATE here is re-checked against the newest committed row; a pull's exclusive lock still
 * waits for every one in flight.
 */
export function statementEffects({ firstRevision }: { firstRevision: boolean }): string {
  const seq = `, seq AS MATERIALIZED (
       SELECT nextval('change_seq') AS n
         FROM (SELECT pg_advisory_xact_lock_shared(${REFERENCE_DATA_LOCK})::text AS locked) l
        WHERE l.locked = ''
     )`;
  const lastVisit = `, last_visit AS (
       UPDATE providers p
          SET last_visit_date = $visitDate, last_visit_ref = head.id::text || '@' || $revision,
              change_seq = (SELECT n FROM seq), briefing_seq = (SELECT n FROM seq)
         FROM head
        WHERE p.id = $providerId
          AND (p.last_visit_date IS NULL OR p.last_visit_date < $visitDate
               OR (p.last_visit_date = $visitDate AND head.id < split_part(p.last_visit_ref, '@', 1)::uuid))
     )`;
  const assignments = `, assignments_done AS (
       UPDATE assignments a
          SET status = 'done', body = jsonb_set(a.body, '{status}', '"done"'), change_seq = (SELECT n FROM seq)
         FROM head
        WHERE $providerId IS NOT NULL AND a.officer_id = $submitterId AND a.status = 'open'
          AND (a.provider_id = $providerId OR a.id = $assignmentId)
     )`;
  return seq + (firstRevision ? lastVisit : '') + assignments;
}

/**
 * Whether storing this revision has effects beyond statementEffects: an amendment (last visits to
 * recompute, earlier actions to edit or withdraw), or a record that raises or checks actions or
 * names files. False means the store statement alone applies every effect.
 */
export function needsOwnStatements(body: RecordBody): boolean {
  return (
    body.revision > 1 ||
    (body.actions ?? []).length > 0 ||
    (body.actionChecks ?? []).length > 0 ||
    attachmentHashes(body).length > 0
  );
}

/**
 * The effects that need statements of their own, run after the store statement in its transaction.
 * `previousProviderId` is the provider of the revision this one replaced (null for a first one).
 */
export async function applyRemainingEffects(
  tx: Queryable,
  body: RecordBody,
  submitterId: string,
  previousProviderId: string | null,
): Promise<void> {
  const providerId = body.kind === 'visit' ? body.details.providerId : null;
  if (body.revision > 1 && providerId !== null) await refreshProviderVisit(tx, providerId);
  if (providerId !== null) await applyActionChecks(tx, body, providerId);
  if (previousProviderId !== null && previousProviderId !== providerId)
    await refreshProviderVisit(tx, previousProviderId);
  await upsertActions(tx, body, submitterId, providerId);
  const files = attachmentHashes(body);
  if (files.length > 0) {
    await tx.query(
      `INSERT INTO submission_attachments (submission_id, revision, sha256)
       SELECT $1, $2, h FROM unnest($3::text[]) AS h ON CONFLICT DO NOTHING`,
      [body.id, body.revision, files],
    );
  }
}

/** Earlier actions of this provider checked on the visit: their status and evidence move on. */
async function applyActionChecks(tx: Queryable, body: RecordBody, providerId: string): Promise<void> {
  const checks = body.actionChecks ?? [];
  if (checks.length === 0) return;
  const seq = await nextChangeSeq(tx);
  for (const check of checks) {
    const patch = {
      status: check.status,
      evidence: check.evidence,
      statusChangedAt: body.submittedAt,
      statusChangedBy: `Visit ${body.details.date}`,
    };
    const closed = check.status === 'done' || check.status === 'verified';
    // Closed on the visit date unless it was closed earlier; reopened actions lose the date.
    await tx.query(
      `UPDATE actions SET status = $3, change_seq = $5,
         body = body || $4::jsonb || jsonb_build_object('closedOn', CASE WHEN $6::boolean THEN COALESCE(NULLIF(body->'closedOn', 'null'::jsonb), to_jsonb($7::text)) ELSE 'null'::jsonb END)
       WHERE id = $1 AND provider_id = $2`,
      [check.actionId, providerId, check.status, JSON.stringify(patch), seq, closed, body.details.date],
    );
  }
  await touchBriefing(tx, providerId);
}

async function ownerName(tx: Queryable, body: RecordBody, providerId: string | null): Promise<string> {
  if (body.kind !== 'visit') return body.details.practitionerName;
  const [row] = await tx.query<{ name: string }>(`SELECT body->>'name' AS name FROM providers WHERE id = $1`, [
    providerId,
  ]);
  return row?.name ?? '';
}

/**
 * The record's raised actions into the tracker. Only a stored revision of this id can own actions,
 * so for a first revision that lists none this finds nothing to do (needsOwnStatements relies on it).
 */
async function upsertActions(
  tx: Queryable,
  body: RecordBody,
  submitterId: string,
  providerId: string | null,
): Promise<void> {
  const listed = body.actions ?? [];
  const existing = await tx.query<{ id: string; status: string; provider_id: string | null }>(
    'SELECT id, status, provider_id FROM actions WHERE submission_id = $1',
    [body.id],
  );
  if (listed.length === 0 && existing.length === 0) return;
  const status = new Map(existing.map((r) => [r.id, r.status]));
  const owner = await ownerName(tx, body, providerId);
  const seq = await nextChangeSeq(tx);
  for (const action of listed) {
    const stored: VisitAction = {
      id: action.id,
      providerId,
      title: action.title,
      detail: action.detail,
      significance: action.significance,
      owner,
      dueDate: action.dueDate,
      status: (status.get(action.id) as VisitAction['status'] | undefined) ?? 'open',
      raisedOn: body.details.date,
      sourceSubmissionId: body.id,
      itemId: action.itemId,
    };
    await tx.query(
      `INSERT INTO actions (id, provider_id, status, due_date, body, change_seq, submission_id, raised_by)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET provider_id = EXCLUDED.provider_id, due_date = EXCLUDED.due_date,
         body = EXCLUDED.body || jsonb_strip_nulls(jsonb_build_object('evidence', actions.body->'evidence',
           'statusChangedAt', actions.body->'statusChangedAt', 'statusChangedBy', actions.body->'statusChangedBy', 'closedOn', actions.body->'closedOn')),
         change_seq = EXCLUDED.change_seq
       WHERE actions.submission_id = EXCLUDED.submission_id`,
      [stored.id, providerId, stored.status, stored.dueDate, JSON.stringify(stored), seq, body.id, submitterId],
    );
  }
  const kept = new Set(listed.map((a) => a.id));
  const withdrawn = existing.filter((r) => !kept.has(r.id) && r.status === 'open').map((r) => r.id);
  if (withdrawn.length > 0) await tx.query('DELETE FROM actions WHERE id = ANY($1::text[])', [withdrawn]);
  const touched = new Set([providerId, ...existing.map((r) => r.provider_id)].filter((p): p is string => p !== null));
  for (const id of touched) await touchBriefing(tx, id);
}
