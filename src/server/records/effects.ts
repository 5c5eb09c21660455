// What storing a record changes elsewhere, in the same transaction as the row:
// - a visit refreshes its provider's derived last visit (so devices get the new lastVisitDate /
//   nextVisitDue / briefing on their next pull) and marks done the submitter's open assignments
//   for that provider, including the one it names;
// - a visit's checks of earlier actions (verified at the next visit) update the tracker;
// - the files a revision names are recorded, so whoever may read the record may read them;
// - every record's raised actions are upserted into the action tracker. A later revision edits
//   them and withdraws open ones it no longer lists; status, evidence and closure date are the
//   tracker's, never the record's.
// A brand-new record that raises, checks and names nothing skips this module: store.ts
// insertNewRecord applies the same effects (last visit, assignments) in its one statement, so a
// change to what a visit does here must be made there too.
import { attachmentHashes } from '../../shared/records/record-rules';
import type { VisitAction } from '../../shared/briefings/register';
import type { RecordBody } from '../../shared/schemas';
import type { Queryable } from '../db/index';
import { nextChangeSeq } from '../db/change-seq';
import { refreshProviderVisit, touchBriefing } from '../providers/store';

export async function applyRecordEffects(
  tx: Queryable,
  body: RecordBody,
  submitterId: string,
  previousProviderId: string | null,
): Promise<void> {
  const providerId = body.kind === 'visit' ? body.details.providerId : null;
  if (providerId !== null) {
    await refreshProviderVisit(tx, providerId);
    await completeAssignments(tx, body, submitterId, providerId);
    await applyActionChecks(tx, body, providerId);
  }
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

async function completeAssignments(
  tx: Queryable,
  body: RecordBody,
  submitterId: string,
  providerId: string,
): Promise<void> {
  const open = await tx.query<{ id: string }>(
    `SELECT id FROM assignments WHERE officer_id = $1 AND status = 'open' AND (provider_id = $2 OR id = $3)`,
    [submitterId, providerId, body.assignmentId ?? null],
  );
  if (open.length === 0) return;
  const seq = await nextChangeSeq(tx);
  await tx.query(
    `UPDATE assignments SET status = 'done', body = jsonb_set(body, '{status}', '"done"'), change_seq = $2
      WHERE id = ANY($1::text[])`,
    [open.map((r) => r.id), seq],
  );
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
