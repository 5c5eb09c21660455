// Storage of submission revisions. Invariants: (id, revision) is written once and never changed;
// submission_heads holds each record's current revision and owner, and its row lock serialises
// every write to one record, so retries and racing duplicates resolve to exactly one stored row.
import type { Review, ReviewStatus, SessionUser, StoredSubmission, RecordBody } from '../../shared/schemas';
import type { AuditAction } from '../audit';
import type { Db, Queryable } from '../db/index';
import { REFERENCE_DATA_LOCK } from '../db/change-seq';
import type { SubmissionFilter } from '../../shared/records/record-filter';
import { submitterVisible } from '../auth/access';
import { attachmentHashes } from '../../shared/records/record-rules';
import { applyRecordEffects } from './effects';

export type PutResult =
  | { kind: 'stored'; created: boolean; receivedAt: string }
  | { kind: 'forbidden' }
  | { kind: 'conflict'; message: string };

const providerOf = (body: RecordBody): string | null => (body.kind === 'visit' ? body.details.providerId : null);

/** Thrown inside the transaction to roll it back while still reporting a normal outcome. */
class Abort extends Error {
  constructor(readonly result: PutResult) {
    super('abort');
  }
}

/** `json` is the body as JSON text when the caller has it already (the canonical form it hashed); jsonb stores it the same either way. */
type PutInput = { body: RecordBody; bodyHash: string; json?: string; user: SessionUser; now: Date };

export async function putSubmission(db: Db, input: PutInput): Promise<PutResult> {
  const { body, bodyHash, user, now } = input;
  const json = input.json ?? JSON.stringify(body);
  // A record that raises or checks actions, or names files, takes the transactional path so they commit with it.
  const simple =
    (body.actions ?? []).length === 0 && (body.actionChecks ?? []).length === 0 && attachmentHashes(body).length === 0;
  // A new one of those is stored with its effects in one statement (insertNewRecord).
  if (body.revision === 1 && simple && (await insertNewRecord(db, { ...input, json }))) {
    return { kind: 'stored', created: true, receivedAt: now.toISOString() };
  }
  try {
    return await db.transaction(async (tx) => {
      // Claim the record (a placeholder head at revision 0) or, if another transaction holds or
      // has claimed it, wait for that one to commit and then lock the committed head.
      await tx.query(
        `INSERT INTO submission_heads (id, submitter_id, current_revision, updated_at)
         VALUES ($1, $2, 0, $3) ON CONFLICT (id) DO NOTHING`,
        [body.id, user.id, now],
      );
      // The head row lock and the (id, revision) lookup in one round trip.
      const [head] = await tx.query<{
        submitter_id: string;
        current_revision: number;
        body_hash: string | null;
        received_at: Date | null;
      }>(
        `SELECT h.submitter_id, h.current_revision, s.body_hash, s.received_at
           FROM submission_heads h LEFT JOIN submissions s ON s.id = h.id AND s.revision = $2
          WHERE h.id = $1 FOR UPDATE OF h`,
        [body.id, body.revision],
      );
      if (head === undefined) throw new Error('submission head vanished inside its transaction');
      // Ownership first: another person's record answers 403 whatever the body, even a byte-identical replay.
      if (head.submitter_id !== user.id) throw new Abort({ kind: 'forbidden' });

      if (head.body_hash !== null && head.received_at !== null) {
        if (head.body_hash !== bodyHash) {
          throw new Abort({
            kind: 'conflict',
            message: `Revision ${body.revision} of this record was already stored with different content`,
          });
        }
        return { kind: 'stored', created: false, receivedAt: new Date(head.received_at).toISOString() };
      }
      const current = Number(head.current_revision);
      const [previous] = await tx.query<{ provider_id: string | null }>(
        'SELECT provider_id FROM submissions WHERE id = $1 AND revision = $2',
        [body.id, current],
      );
      if ((body.baseRevision ?? 0) !== current) {
        throw new Abort({
          kind: 'conflict',
          message:
            current === 0
              ? `Revision ${body.revision} amends revision ${body.baseRevision}, but this record has not been stored`
              : `Revision ${body.revision} amends revision ${body.baseRevision}, but the current revision is ${current}`,
        });
      }

      // Row, head and audit entry in one statement (data-modifying CTEs): ingest speed is budgeted.
      const action: AuditAction = body.revision === 1 ? 'submission.create' : 'submission.amend';
      await tx.query(
        `WITH stored AS (
           INSERT INTO submissions (id, revision, base_revision, submitter_id, template_id, template_version,
                                    provider_id, body, body_hash, received_at, kind)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $13)
         ), head AS (
           UPDATE submission_heads SET current_revision = $2, updated_at = $10, review_status = 'submitted', review = NULL WHERE id = $1
         )
         INSERT INTO audit_log (at, user_id, action, subject) VALUES ($10, $4, $11, $12)`,
        [
          body.id,
          body.revision,
          body.baseRevision,
          user.id,
          body.templateId,
          body.templateVersion,
          providerOf(body),
          json,
          bodyHash,
          now,
          action,
          `${body.id}@${body.revision}`,
          body.kind,
        ],
      );
      await applyRecordEffects(tx, body, user.id, previous?.provider_id ?? null);
      return { kind: 'stored', created: true, receivedAt: now.toISOString() };
    });
  } catch (err) {
    if (err instanceof Abort) return err.result;
    throw err;
  }
}

/**
 * The common case, a brand-new record with nothing to raise, check or attach, as one atomic
 * statement (one round trip, one commit): claim the head and, only if that claim won, store the
 * row and the audit entry and apply the record's effects (effects.ts) — the provider's derived
 * last visit and the submitter's open assignments for that provider, each with a fresh change_seq.
 * Its upsertActions would find nothing: only a stored revision of this id can own actions, and
 * winning the claim means there is none. False when the id already had a head — a retry, a race
 * or someone else's record — which the transactional path then decides.
 *
 * The last visit is updated incrementally rather than recomputed (refreshProviderVisit): a first
 * revision adds one current revision to its provider, so the latest is either the one stored or
 * this one (greatest date, ties to the smaller id, as there). The condition sits in the UPDATE's
 * WHERE, which PostgreSQL re-checks against the newest committed row when a concurrent writer got
 * there first, so racing visits to one provider still end on the latest. (A recomputation here
 * would read one snapshot and could overwrite a later visit committed in the meantime.)
 *
 * The change_seq rule (db/change-seq.ts: the exclusive lock before the number, held to commit) is
 * kept inside the statement: `seq` takes the lock and then nextval (the number is filtered on the
 * lock's result, so it cannot be drawn first), and it is read only from the SET lists, which are
 * evaluated only for rows that change — a visit that is not its provider's latest and completes no
 * assignment takes neither, as before.
 */
async function insertNewRecord(
  db: Db,
  {
    body,
    bodyHash,
    json,
    user,
    now,
  }: { body: RecordBody; bodyHash: string; json: string; user: SessionUser; now: Date },
): Promise<boolean> {
  const rows = await db.query(
    `WITH head AS (
       INSERT INTO submission_heads (id, submitter_id, current_revision, updated_at)
       VALUES ($1::uuid, $4::uuid, $2::int, $10::timestamptz) ON CONFLICT (id) DO NOTHING RETURNING id
     ), stored AS (
       INSERT INTO submissions (id, revision, base_revision, submitter_id, template_id, template_version,
                                provider_id, body, body_hash, received_at, kind)
       SELECT id, $2::int, $3::int, $4::uuid, $5::text, $6::int, $7::text, $8::jsonb, $9::text, $10::timestamptz, $12::text
         FROM head RETURNING id
     ), audit AS (
       INSERT INTO audit_log (at, user_id, action, subject)
       SELECT $10::timestamptz, $4::uuid, 'submission.create', $11::text FROM head
     ), seq AS MATERIALIZED (
       SELECT nextval('change_seq') AS n
         FROM (SELECT pg_advisory_xact_lock(${REFERENCE_DATA_LOCK})::text AS locked) l
        WHERE l.locked = ''
     ), last_visit AS (
       UPDATE providers p
          SET last_visit_date = $13::text, last_visit_ref = head.id::text || '@' || $2::int,
              change_seq = (SELECT n FROM seq), briefing_seq = (SELECT n FROM seq)
         FROM head
        WHERE p.id = $7::text
          AND (p.last_visit_date IS NULL OR p.last_visit_date < $13::text
               OR (p.last_visit_date = $13::text AND head.id < split_part(p.last_visit_ref, '@', 1)::uuid))
     ), assignments_done AS (
       UPDATE assignments a
          SET status = 'done', body = jsonb_set(a.body, '{status}', '"done"'), change_seq = (SELECT n FROM seq)
         FROM head
        WHERE $7::text IS NOT NULL AND a.officer_id = $4::uuid AND a.status = 'open'
          AND (a.provider_id = $7::text OR a.id = $14::text)
     )
     SELECT id FROM stored`,
    [
      body.id,
      body.revision,
      body.baseRevision,
      user.id,
      body.templateId,
      body.templateVersion,
      providerOf(body),
      json,
      bodyHash,
      now,
      `${body.id}@${body.revision}`,
      body.kind,
      body.kind === 'visit' ? body.details.date : null,
      body.assignmentId ?? null,
    ],
  );
  return rows.length === 1;
}

type Row = {
  id: string;
  revision: number;
  submitter_id: string;
  submitter_name: string;
  received_at: Date;
  body: RecordBody;
  review_status: ReviewStatus;
  review: Review | null;
  current_revision: number;
};

const SELECT = `SELECT s.id, s.revision, s.submitter_id, u.name AS submitter_name, s.received_at, s.body,
    h.review_status, h.review, h.current_revision
  FROM submission_heads h
  JOIN submissions s ON s.id = h.id
  JOIN users u ON u.id = s.submitter_id`;

const toStored = (r: Row): StoredSubmission => ({
  id: r.id,
  revision: Number(r.revision),
  submitterId: r.submitter_id,
  submitterName: r.submitter_name,
  receivedAt: new Date(r.received_at).toISOString(),
  body: r.body,
  // A decision belongs to the current revision; older revisions read back as plainly submitted.
  reviewStatus: Number(r.revision) === Number(r.current_revision) ? r.review_status : 'submitted',
  review: Number(r.revision) === Number(r.current_revision) ? r.review : null,
});

/** Officers see their own records, managers also their team's, QA everyone's. */
const VISIBLE = submitterVisible('h.submitter_id', '$1', '$2');

/** The current revisions this user may see that match the filter, most recently changed first. */
export async function listSubmissions(
  q: Queryable,
  user: SessionUser,
  filter: SubmissionFilter = {},
): Promise<StoredSubmission[]> {
  const rows = await q.query<Row>(
    `${SELECT} WHERE s.revision = h.current_revision AND ${VISIBLE}
       AND ($3::text IS NULL OR s.kind = $3) AND ($4::text IS NULL OR h.review_status = $4)
       AND ($5::text IS NULL OR s.provider_id = $5)
       AND ($6::text IS NULL OR strpos(lower(u.name), lower($6)) > 0
            OR strpos(lower(COALESCE(s.body->'details'->>'practitionerName', '')), lower($6)) > 0)
       AND ($7::text IS NULL OR s.body->'details'->>'date' >= $7) AND ($8::text IS NULL OR s.body->'details'->>'date' <= $8)
     ORDER BY h.updated_at DESC, h.id`,
    [
      user.id,
      user.role,
      filter.kind ?? null,
      filter.status ?? null,
      filter.providerId ?? null,
      filter.person ?? null,
      filter.from ?? null,
      filter.to ?? null,
    ],
  );
  return rows.map(toStored);
}

/** The current revision, or the given one; null when missing or not visible to this user. */
export async function getSubmission(
  q: Queryable,
  user: SessionUser,
  id: string,
  revision: number | null,
): Promise<StoredSubmission | null> {
  const [row] = await q.query<Row>(
    `${SELECT} WHERE h.id = $3 AND s.revision = COALESCE($4::int, h.current_revision) AND ${VISIBLE}`,
    [user.id, user.role, id, revision],
  );
  return row === undefined ? null : toStored(row);
}

/** Every revision of a record, oldest first; empty when missing or not visible to this user. */
export async function listRevisions(q: Queryable, user: SessionUser, id: string): Promise<StoredSubmission[]> {
  const rows = await q.query<Row>(`${SELECT} WHERE h.id = $3 AND ${VISIBLE} ORDER BY s.revision`, [
    user.id,
    user.role,
    id,
  ]);
  return rows.map(toStored);
}

/** The current revisions of this person's own records that were returned for amendment. */
export async function returnedTo(q: Queryable, user: SessionUser): Promise<StoredSubmission[]> {
  const rows = await q.query<Row>(
    `${SELECT} WHERE h.submitter_id = $1 AND h.review_status = 'returned' AND s.revision = h.current_revision ORDER BY h.updated_at, h.id`,
    [user.id],
  );
  return rows.map(toStored);
}
