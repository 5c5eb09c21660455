// submissions.csv: one row per record (its current revision) with who, what, when and the ratings.
// Owns the column table (stable headings: renaming one breaks the office's spreadsheets) and the
// reader that rebuilds each row, so the round trip is tested against GET /api/submissions.
import { RecordKind, ReviewStatus, type StoredSubmission } from '../../../shared/records/schema';
import { type Column, orEmpty, orNull, readTable, toInt } from './csv';

const details = (s: StoredSubmission) => s.body.details;

/**
 * A detail only some kinds of record have (a visit's provider, an audit's case): empty for the others,
 * whose details hold only their own kind's keys (RecordBody strips any other).
 */
const detail =
  (key: 'providerId' | 'practitionerName' | 'caseReference' | 'team') =>
  (s: StoredSubmission): string => {
    const d: Partial<Record<typeof key, string>> = details(s);
    return d[key] ?? '';
  };

export const SUBMISSION_COLUMNS = [
  { name: 'record_id', means: 'The record id (a UUID), the same on every revision', of: (s) => s.id },
  { name: 'revision', means: 'The current revision number; amendments count up from 1', of: (s) => String(s.revision) },
  { name: 'kind', means: 'visit, observation or audit', of: (s) => s.body.kind },
  { name: 'template_id', means: 'The template the record was made on', of: (s) => s.body.templateId },
  { name: 'template_version', means: 'Its version', of: (s) => String(s.body.templateVersion) },
  { name: 'record_date', means: 'The visit, observation or audit date (YYYY-MM-DD)', of: (s) => details(s).date },
  { name: 'provider_id', means: 'Visits: the provider visited', of: detail('providerId') },
  { name: 'practitioner_name', means: 'Observations and audits: whose practice', of: detail('practitionerName') },
  { name: 'case_reference', means: 'Audits: the case file audited', of: detail('caseReference') },
  { name: 'team', means: 'Observations and audits: the practitioner’s team', of: detail('team') },
  { name: 'submitter_id', means: 'Who submitted it (user id)', of: (s) => s.submitterId },
  { name: 'submitter_name', means: 'Who submitted it', of: (s) => s.submitterName },
  { name: 'received_at', means: 'When the server stored this revision (ISO 8601, UTC)', of: (s) => s.receivedAt },
  { name: 'review_status', means: 'submitted, signed-off or returned', of: (s) => s.reviewStatus },
  {
    name: 'overall_rating',
    means: 'The overall judgement, where the template asks for one',
    of: (s) => orEmpty(s.body.overallRating),
  },
  {
    name: 'section_ratings',
    means: 'Each rated section as section=rating, joined by ; (ids and ratings are slugs, so never contain = or ;)',
    of: (s) =>
      Object.entries(s.body.sectionRatings)
        .map(([section, rating]) => `${section}=${rating}`)
        .join(';'),
  },
  { name: 'action_count', means: 'How many actions the record raised', of: (s) => String(s.body.actions?.length ?? 0) },
] as const satisfies readonly Column<StoredSubmission>[];

/** One row of submissions.csv read back; a column that does not apply to the kind is null. */
export type SubmissionRow = {
  id: string;
  revision: number;
  kind: RecordKind;
  templateId: string;
  templateVersion: number;
  date: string;
  providerId: string | null;
  practitionerName: string | null;
  caseReference: string | null;
  team: string | null;
  submitterId: string;
  submitterName: string;
  receivedAt: string;
  reviewStatus: ReviewStatus;
  overallRating: string | null;
  sectionRatings: Record<string, string>;
  actionCount: number;
};

function parseRatings(cell: string): Record<string, string> {
  const ratings: Record<string, string> = {};
  if (cell === '') return ratings;
  for (const pair of cell.split(';')) {
    const [section, rating, extra] = pair.split('=');
    if (!section || !rating || extra !== undefined) throw new Error(`section_ratings: "${pair}" is not section=rating`);
    ratings[section] = rating;
  }
  return ratings;
}

/** The rows of a submissions.csv, as written (throws when the file is not one). */
export function readSubmissionsCsv(text: string): SubmissionRow[] {
  return readTable(SUBMISSION_COLUMNS, text).map((r) => ({
    id: r.record_id,
    revision: toInt(r.revision, 'revision'),
    kind: RecordKind.parse(r.kind),
    templateId: r.template_id,
    templateVersion: toInt(r.template_version, 'template_version'),
    date: r.record_date,
    providerId: orNull(r.provider_id),
    practitionerName: orNull(r.practitioner_name),
    caseReference: orNull(r.case_reference),
    team: orNull(r.team),
    submitterId: r.submitter_id,
    submitterName: r.submitter_name,
    receivedAt: r.received_at,
    reviewStatus: ReviewStatus.parse(r.review_status),
    overallRating: orNull(r.overall_rating),
    sectionRatings: parseRatings(r.section_ratings),
    actionCount: toInt(r.action_count, 'action_count'),
  }));
}
