// The records a person may see, as lists read them (issue 16): the inbox a page at a time, and the
// CSV exports in batches. Both take the same filter and the same order: awaiting sign-off first,
// then by the record's own date (newest first), then by id, read through the index migration 9
// built on that order, each page after the keyset of the one before (never re-reading earlier
// pages, however deep). An inbox page carries what a list shows (kind, details, submitter,
// status), never the answers; an export batch the whole current revisions.
import type { SessionUser } from '../../shared/auth/schema';
import type { SubmissionPage, SubmissionSummary } from '../../shared/records/api-schemas';
import type { RecordFilter } from '../../shared/records/record-filter';
import type { RecordHead } from '../../shared/records/record-rules';
import type { ReviewStatus, StoredSubmission } from '../../shared/records/schema';
import type { Queryable } from '../db/index';
import { INBOX_RANK } from '../db/migrations';
import { RECORD_TABLES, toStored, VISIBLE, WHOLE, type Row } from './store';

export const PAGE_SIZE = { default: 50, max: 200 } as const;
const EXPORT_BATCH = 500;

/** Where a page ends: its last row's place in the order. */
type Keyset = { rank: number; date: string; id: string };

const CURSOR = /^([0-2])~(\d{4}-\d{2}-\d{2})~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cursor a client sends back for the next page: opaque to it, checked here. */
const cursorOf = (k: Keyset): string => Buffer.from(`${k.rank}~${k.date}~${k.id}`).toString('base64url');

/** The keyset a cursor names, or null when it is not one this server made. */
export function keysetOf(cursor: string): Keyset | null {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { rank: Number(match[1]), date: match[2]!, id: match[3]! } : null;
}

/**
 * The filter's conditions ($3 to $8) and the keyset ($9 to $11) on a current revision (s), its head
 * (h) and submitter (u); $1 and $2 are the user's id and role, for VISIBLE. Rank ascending, date
 * descending, id ascending: a row comparison cannot mix directions, so each step is spelled out.
 */
const IN_ORDER = `s.revision = h.current_revision AND ${VISIBLE}
       AND ($3::text IS NULL OR s.kind = $3) AND ($4::text IS NULL OR h.review_status = $4)
       AND ($5::text IS NULL OR s.provider_id = $5)
       AND ($6::text IS NULL OR strpos(lower(u.name), lower($6)) > 0
            OR strpos(lower(COALESCE(s.body->'details'->>'practitionerName', '')), lower($6)) > 0)
       AND ($7::text IS NULL OR h.record_date >= $7) AND ($8::text IS NULL OR h.record_date <= $8)
       AND ($9::int IS NULL OR ${INBOX_RANK} > $9
            OR (${INBOX_RANK} = $9 AND (h.record_date < $10 OR (h.record_date = $10 AND h.id > $11::uuid))))
     ORDER BY ${INBOX_RANK}, h.record_date DESC, h.id
     LIMIT $12`;

const values = (user: SessionUser, filter: RecordFilter, after: Keyset | null, limit: number): unknown[] => [
  user.id,
  user.role,
  filter.kind ?? null,
  filter.status ?? null,
  filter.providerId ?? null,
  filter.person ?? null,
  filter.from ?? null,
  filter.to ?? null,
  after?.rank ?? null,
  after?.date ?? null,
  after?.id ?? null,
  limit,
];

type Place = { rank: number; record_date: string; id: string };
type SummaryRow = RecordHead &
  Place & {
    revision: number;
    submitter_id: string;
    submitter_name: string;
    received_at: Date;
    review_status: ReviewStatus;
  };

const placeOf = (r: Place): Keyset => ({ rank: Number(r.rank), date: r.record_date, id: r.id });

/** One page of the inbox after `after` (the first page when null), at most `limit` rows. */
export async function inboxPage(
  q: Queryable,
  user: SessionUser,
  filter: RecordFilter,
  page: { after: Keyset | null; limit: number },
): Promise<SubmissionPage> {
  const rows = await q.query<SummaryRow>(
    `SELECT h.id, s.revision, s.kind, s.body->'details' AS details, s.submitter_id, u.name AS submitter_name,
            s.received_at, h.review_status, ${INBOX_RANK} AS rank, h.record_date
       FROM ${RECORD_TABLES} WHERE ${IN_ORDER}`,
    values(user, filter, page.after, page.limit + 1),
  );
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    submissions: shown.map(toSummary),
    next: rows.length > page.limit && last ? cursorOf(placeOf(last)) : null,
  };
}

const toSummary = (r: SummaryRow): SubmissionSummary =>
  ({
    id: r.id,
    revision: Number(r.revision),
    kind: r.kind,
    details: r.details,
    submitterId: r.submitter_id,
    submitterName: r.submitter_name,
    receivedAt: new Date(r.received_at).toISOString(),
    reviewStatus: r.review_status,
  }) as SubmissionSummary;

/** Every record the inbox would list with this filter, whole, in its order: read in batches, for the exports. */
export async function* everyListed(
  q: Queryable,
  user: SessionUser,
  filter: RecordFilter,
  batch = EXPORT_BATCH,
): AsyncGenerator<StoredSubmission> {
  let after: Keyset | null = null;
  for (;;) {
    const rows: (Row & Place)[] = await q.query<Row & Place>(
      `SELECT ${WHOLE}, ${INBOX_RANK} AS rank, h.record_date FROM ${RECORD_TABLES} WHERE ${IN_ORDER}`,
      values(user, filter, after, batch),
    );
    for (const row of rows) yield toStored(row);
    const last = rows.at(-1);
    if (rows.length < batch || last === undefined) return;
    after = placeOf(last);
  }
}
