// What storing a visit changes elsewhere, run in a transaction after the row is written: the
// provider's derived last visit (so devices get the new lastVisitDate / nextVisitDue / briefing on
// their next pull) and the submitter's open assignments for that provider, which the visit
// fulfils. Rule: a stored visit marks done the assignment it names, if it is the submitter's, and
// every other open assignment the submitter holds for that provider.
import type { SubmissionBody } from '../../shared/schemas';
import type { Queryable } from '../db';
import { nextChangeSeq } from '../db/change-seq';
import { refreshProviderVisit } from '../providers/store';

export async function applyVisitEffects(
  tx: Queryable,
  body: SubmissionBody,
  submitterId: string,
  previousProviderId: string | null,
): Promise<void> {
  const providerId = body.details.providerId;
  await refreshProviderVisit(tx, providerId);
  if (previousProviderId !== null && previousProviderId !== providerId) await refreshProviderVisit(tx, previousProviderId);
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
