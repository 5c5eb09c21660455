// The one SQL statement that stores a revision of a record: its head, the row, the audit entry and
// the effects that fit in SQL (effects.ts statementEffects), as data-modifying CTEs, so they are a
// single round trip and commit together. Both ways store.ts stores a record use it, and they differ
// only in how the head is taken:
// - 'claim', the fast path for a new record, outside any transaction: inserts the head at this
//   revision, and everything else happens only if that insert won (an existing head — a retry, a
//   race or someone else's record — leaves the statement without effect and returns no row);
// - 'advance', inside the transaction that holds the head's row lock: moves the head on.
// Invariant: every CTE that writes reads `head`, so nothing is written unless the head was taken, and
// the statement returns the stored id exactly when the revision was stored.
import type { SessionUser } from '../../shared/auth/schema';
import type { RecordBody } from '../../shared/records/schema';
import type { AuditAction } from '../audit';
import { statementEffects } from './effects';

/** The values the statement can read, with the SQL type each is cast to (so PostgreSQL needs no inference). */
const PARAMS = {
  id: 'uuid',
  revision: 'int',
  baseRevision: 'int',
  submitterId: 'uuid',
  templateId: 'text',
  templateVersion: 'int',
  providerId: 'text',
  body: 'jsonb',
  bodyHash: 'text',
  receivedAt: 'timestamptz',
  action: 'text',
  subject: 'text',
  kind: 'text',
  visitDate: 'text',
  recordDate: 'text',
  assignmentId: 'text',
} as const;
type Param = keyof typeof PARAMS;

type HeadMode = 'claim' | 'advance';

/** A statement's text and the parameters it reads, in their positional order. */
interface Statement {
  sql: string;
  params: Param[];
}

/**
 * Numbers the named parameters ($name) in order of first use and casts each to its type, so a
 * variant binds only those it reads: PostgreSQL refuses a parameter it cannot type (an amendment's
 * statement has no incremental last visit, so no $visitDate).
 */
function numbered(sql: string): Statement {
  const params: Param[] = [];
  const text = sql.replace(/\$([A-Za-z]+)/g, (_, name: string) => {
    if (!(name in PARAMS)) throw new Error(`store statement: unknown parameter $${name}`);
    const param = name as Param;
    if (!params.includes(param)) params.push(param);
    return `$${params.indexOf(param) + 1}::${PARAMS[param]}`;
  });
  return { sql: text, params };
}

const HEAD: Record<HeadMode, string> = {
  claim: `INSERT INTO submission_heads (id, submitter_id, current_revision, updated_at, record_date)
       VALUES ($id, $submitterId, $revision, $receivedAt, $recordDate)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
  // A new revision puts the record back to 'submitted' (a claim gets the same from the defaults).
  advance: `UPDATE submission_heads
          SET current_revision = $revision, updated_at = $receivedAt, record_date = $recordDate,
              review_status = 'submitted', review = NULL
        WHERE id = $id RETURNING id`,
};

function build(mode: HeadMode, firstRevision: boolean): Statement {
  return numbered(`WITH head AS (
       ${HEAD[mode]}
     ), stored AS (
       INSERT INTO submissions (id, revision, base_revision, submitter_id, template_id, template_version,
                                provider_id, body, body_hash, received_at, kind)
       SELECT id, $revision, $baseRevision, $submitterId, $templateId, $templateVersion,
              $providerId, $body, $bodyHash, $receivedAt, $kind
         FROM head RETURNING id
     ), audit AS (
       INSERT INTO audit_log (at, user_id, action, subject)
       SELECT $receivedAt, $submitterId, $action, $subject FROM head
     )${statementEffects({ firstRevision })}
     SELECT id FROM stored`);
}

// Each is a fixed text, so PostgreSQL prepares it once per connection under its name (db.ts): the
// statement is large (a dozen CTEs and their checks) and planning it cost more than running it.
const STATEMENTS = {
  claim: { ...build('claim', true), name: 'records-store-claim' },
  advanceFirst: { ...build('advance', true), name: 'records-store-advance-first' },
  advanceLater: { ...build('advance', false), name: 'records-store-advance-later' },
};

/**
 * The store statement for this head mode and revision, with its parameter values. `json` is the
 * body as JSON text; `now` the time it is received. Only a first revision can claim a head.
 */
export function storeQuery(
  mode: HeadMode,
  input: { body: RecordBody; json: string; bodyHash: string; user: SessionUser; now: Date },
): { sql: string; values: unknown[]; name: string } {
  const { body, json, bodyHash, user, now } = input;
  if (mode === 'claim' && body.revision !== 1) throw new Error('only a first revision can claim a new head');
  const statement =
    mode === 'claim' ? STATEMENTS.claim : body.revision === 1 ? STATEMENTS.advanceFirst : STATEMENTS.advanceLater;
  const action: AuditAction = body.revision === 1 ? 'submission.create' : 'submission.amend';
  const values: Record<Param, unknown> = {
    id: body.id,
    revision: body.revision,
    baseRevision: body.baseRevision,
    submitterId: user.id,
    templateId: body.templateId,
    templateVersion: body.templateVersion,
    providerId: body.kind === 'visit' ? body.details.providerId : null,
    body: json,
    bodyHash,
    receivedAt: now,
    action,
    subject: `${body.id}@${body.revision}`,
    kind: body.kind,
    visitDate: body.kind === 'visit' ? body.details.date : null,
    recordDate: body.details.date,
    assignmentId: body.assignmentId ?? null,
  };
  return { sql: statement.sql, values: statement.params.map((param) => values[param]), name: statement.name };
}
