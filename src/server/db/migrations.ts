// The schema, as numbered migrations of single SQL statements that run unchanged on PGlite and
// PostgreSQL. Invariant: append only — a migration that has shipped is never edited, only followed.

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/**
 * The inbox's order of review statuses (awaiting sign-off, returned, signed off), as the SQL
 * expression migration 9 indexed. Frozen with that migration: the inbox query must write the
 * same expression for PostgreSQL to use the index, and a change would need a new migration.
 */
export const INBOX_RANK = `(CASE review_status WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 ELSE 2 END)`;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    statements: [
      // One sequence feeds every change_seq column, so a single number orders all reference-data changes.
      `CREATE SEQUENCE change_seq`,
      `CREATE TABLE users (
        id uuid PRIMARY KEY,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('officer', 'manager', 'qa')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
      `CREATE INDEX sessions_expires_idx ON sessions (expires_at)`,
      // A template version is immutable once stored: records keep the version they were started on.
      `CREATE TABLE templates (
        id text NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        body jsonb NOT NULL,
        change_seq bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, version)
      )`,
      `CREATE INDEX templates_change_seq_idx ON templates (change_seq)`,
      // Providers are never deleted (submissions point at them); removal sets removed_at and a new change_seq.
      `CREATE TABLE providers (
        id text PRIMARY KEY,
        body jsonb NOT NULL,
        change_seq bigint NOT NULL,
        removed_at timestamptz
      )`,
      `CREATE INDEX providers_change_seq_idx ON providers (change_seq)`,
      `CREATE TABLE submissions (
        id uuid NOT NULL,
        revision int NOT NULL CHECK (revision >= 1),
        base_revision int CHECK (base_revision >= 1 AND base_revision < revision),
        submitter_id uuid NOT NULL REFERENCES users (id),
        template_id text NOT NULL,
        template_version int NOT NULL,
        provider_id text NOT NULL REFERENCES providers (id),
        body jsonb NOT NULL,
        body_hash text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, revision),
        FOREIGN KEY (template_id, template_version) REFERENCES templates (id, version)
      )`,
      // One row per record: the current revision and its owner. Writers lock this row, which is what
      // serialises amendments and concurrent retries of the same record.
      `CREATE TABLE submission_heads (
        id uuid PRIMARY KEY,
        submitter_id uuid NOT NULL REFERENCES users (id),
        current_revision int NOT NULL,
        updated_at timestamptz NOT NULL
      )`,
      `CREATE INDEX submission_heads_submitter_idx ON submission_heads (submitter_id, updated_at DESC)`,
      `CREATE INDEX submission_heads_updated_idx ON submission_heads (updated_at DESC)`,
      // Who did what, by id only: no names, emails or answers, so the log itself holds no personal data.
      `CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        action text NOT NULL,
        subject text
      )`,
      `CREATE INDEX audit_log_at_idx ON audit_log (at)`,
    ],
  },
  {
    version: 2,
    name: 'teams, provider register, intelligence, actions, assignments, pins, briefings',
    statements: [
      `CREATE TABLE teams (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        manager_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      `ALTER TABLE users ADD COLUMN team_id uuid REFERENCES teams (id)`,
      // Derived visit facts kept on the provider row so a pull can tell when they changed; dates as
      // ISO text (YYYY-MM-DD) so neither driver turns them into local-time Date objects.
      `ALTER TABLE providers ADD COLUMN briefing_seq bigint NOT NULL DEFAULT 0`,
      `ALTER TABLE providers ADD COLUMN registered_on text`,
      `ALTER TABLE providers ADD COLUMN last_visit_date text`,
      `ALTER TABLE providers ADD COLUMN last_visit_ref text`,
      `UPDATE providers SET briefing_seq = change_seq, registered_on = to_char(now(), 'YYYY-MM-DD')`,
      `CREATE INDEX providers_briefing_seq_idx ON providers (briefing_seq)`,
      `CREATE INDEX submissions_provider_idx ON submissions (provider_id)`,
      `CREATE TABLE provider_rag_history (
        id bigserial PRIMARY KEY,
        provider_id text NOT NULL REFERENCES providers (id),
        at timestamptz NOT NULL,
        user_id uuid REFERENCES users (id),
        from_rag text,
        to_rag text NOT NULL,
        reason text NOT NULL
      )`,
      `CREATE TABLE intelligence (
        id text PRIMARY KEY,
        provider_id text NOT NULL REFERENCES providers (id),
        kind text NOT NULL,
        date text NOT NULL,
        body jsonb NOT NULL,
        recorded_by uuid REFERENCES users (id),
        recorded_at timestamptz NOT NULL
      )`,
      `CREATE INDEX intelligence_provider_idx ON intelligence (provider_id, date)`,
      `CREATE TABLE actions (
        id text PRIMARY KEY,
        provider_id text NOT NULL REFERENCES providers (id),
        status text NOT NULL,
        due_date text NOT NULL,
        body jsonb NOT NULL,
        change_seq bigint NOT NULL
      )`,
      `CREATE INDEX actions_provider_idx ON actions (provider_id, status)`,
      `CREATE TABLE assignments (
        id text PRIMARY KEY,
        provider_id text NOT NULL REFERENCES providers (id),
        officer_id uuid NOT NULL REFERENCES users (id),
        status text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
        body jsonb NOT NULL,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL,
        change_seq bigint NOT NULL
      )`,
      `CREATE INDEX assignments_officer_idx ON assignments (officer_id, status)`,
      `CREATE INDEX assignments_provider_idx ON assignments (provider_id, status)`,
      `CREATE TABLE pins (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        provider_id text NOT NULL REFERENCES providers (id),
        pinned_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, provider_id)
      )`,
      // What a cursor's holder had in scope, content-addressed per user: lets a pull send exactly the
      // briefings and assignments that are new to the device. Losing rows only costs a larger pull.
      `CREATE TABLE pull_scopes (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL,
        briefing_ids jsonb NOT NULL,
        assignment_ids jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, key)
      )`,
    ],
  },
  {
    version: 3,
    name: 'observations and audits; actions raised on records',
    statements: [
      // Observations and audits are about a practitioner or a case, not a provider.
      `ALTER TABLE submissions ALTER COLUMN provider_id DROP NOT NULL`,
      `ALTER TABLE submissions ADD COLUMN kind text NOT NULL DEFAULT 'visit'`,
      `ALTER TABLE actions ALTER COLUMN provider_id DROP NOT NULL`,
      `ALTER TABLE actions ADD COLUMN submission_id uuid`,
      `ALTER TABLE actions ADD COLUMN raised_by uuid REFERENCES users (id)`,
      `CREATE INDEX actions_submission_idx ON actions (submission_id)`,
      `CREATE INDEX actions_due_idx ON actions (status, due_date)`,
      // Sign-off and return for amendment (issue 4): the decision on the current revision. A new
      // revision puts the record back to 'submitted'.
      `ALTER TABLE submission_heads ADD COLUMN review_status text NOT NULL DEFAULT 'submitted'`,
      `ALTER TABLE submission_heads ADD COLUMN review jsonb`,
      `CREATE INDEX submission_heads_review_idx ON submission_heads (review_status)`,
      // Every decision ever made, kept for the history view (the head holds only the latest).
      `CREATE TABLE submission_reviews (
        id bigserial PRIMARY KEY,
        submission_id uuid NOT NULL REFERENCES submission_heads (id),
        revision int NOT NULL,
        body jsonb NOT NULL
      )`,
      `CREATE INDEX submission_reviews_submission_idx ON submission_reviews (submission_id, id)`,
    ],
  },
  {
    version: 4,
    name: 'attachments: photos and signatures',
    statements: [
      // One row per stored file (the bytes are in the attachment storage, named by the hash).
      `CREATE TABLE attachments (
        sha256 text PRIMARY KEY,
        type text NOT NULL,
        bytes int NOT NULL,
        width int,
        height int,
        stored_at timestamptz NOT NULL
      )`,
      // Who uploaded a file: each may read it back before any record names it.
      `CREATE TABLE attachment_uploads (
        sha256 text NOT NULL REFERENCES attachments (sha256),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        uploaded_at timestamptz NOT NULL,
        PRIMARY KEY (sha256, user_id)
      )`,
      // Which revisions name which files: whoever may read the record may read its files.
      `CREATE TABLE submission_attachments (
        submission_id uuid NOT NULL,
        revision int NOT NULL,
        sha256 text NOT NULL REFERENCES attachments (sha256),
        PRIMARY KEY (submission_id, revision, sha256)
      )`,
      `CREATE INDEX submission_attachments_hash_idx ON submission_attachments (sha256)`,
    ],
  },
  {
    version: 5,
    name: 'device unlock keys',
    statements: [
      // Issue 14: one random key per person and device, answered only to a password sign-in from
      // that device. It wraps the device's data key beside the password or PIN, so a forgotten PIN
      // while online loses no work; on its own it opens nothing (the device holds the data).
      `CREATE TABLE device_keys (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        device_id text NOT NULL,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, device_id)
      )`,
    ],
  },
  {
    version: 6,
    name: 'monitoring reviews',
    statements: [
      // Issue 15, seed 004 §18-19: each time QA confirms or overrides the risk matrix's suggested
      // monitoring level and RAG, the decision, what was suggested and why, kept for the history.
      `CREATE TABLE provider_monitoring_reviews (
        id bigserial PRIMARY KEY,
        provider_id text NOT NULL REFERENCES providers (id),
        at timestamptz NOT NULL,
        reviewed_on text NOT NULL,
        user_id uuid REFERENCES users (id),
        decision text NOT NULL CHECK (decision IN ('confirmed', 'overridden')),
        from_level int NOT NULL,
        to_level int NOT NULL CHECK (to_level BETWEEN 1 AND 5),
        from_rag text NOT NULL,
        to_rag text NOT NULL,
        suggested_level int NOT NULL,
        suggested_rag text NOT NULL,
        reason text NOT NULL,
        suggestion_reasons jsonb NOT NULL
      )`,
      `CREATE INDEX provider_monitoring_reviews_provider_idx ON provider_monitoring_reviews (provider_id, at)`,
      // The day of the latest review, kept on the row (like last_visit_date) so the register and a
      // pull derive the next desk review without reading the history.
      `ALTER TABLE providers ADD COLUMN last_review_on text`,
    ],
  },
  {
    version: 7,
    name: 'escalations',
    statements: [
      // Issue 15, seed 004 §22: a provider's escalation, its steps and closure kept in the body (they
      // are read and written whole); status and dates as columns for the register and the report.
      // Dates are ISO text (YYYY-MM-DD), as elsewhere, so neither driver shifts them.
      `CREATE TABLE escalations (
        id uuid PRIMARY KEY,
        provider_id text NOT NULL REFERENCES providers (id),
        status text NOT NULL CHECK (status IN ('open', 'closed')),
        opened_on text NOT NULL,
        closed_on text,
        body jsonb NOT NULL,
        opened_by uuid REFERENCES users (id),
        updated_at timestamptz NOT NULL
      )`,
      // At most one open escalation per provider, whatever races past the route's own check.
      `CREATE UNIQUE INDEX escalations_one_open_idx ON escalations (provider_id) WHERE status = 'open'`,
      `CREATE INDEX escalations_provider_idx ON escalations (provider_id, opened_on)`,
    ],
  },
  {
    version: 8,
    name: 'register level changes in the monitoring history',
    statements: [
      // A level changed by editing or importing the register is kept in the provider's monitoring
      // history too (issue 15), as a 'register-change': no matrix suggestion was weighed, so the
      // suggestion columns are empty, and it is not a desk review (last_review_on skips it).
      `ALTER TABLE provider_monitoring_reviews DROP CONSTRAINT provider_monitoring_reviews_decision_check`,
      `ALTER TABLE provider_monitoring_reviews ADD CONSTRAINT provider_monitoring_reviews_decision_check
         CHECK (decision IN ('confirmed', 'overridden', 'register-change'))`,
      `ALTER TABLE provider_monitoring_reviews ALTER COLUMN suggested_level DROP NOT NULL`,
      `ALTER TABLE provider_monitoring_reviews ALTER COLUMN suggested_rag DROP NOT NULL`,
    ],
  },
  {
    version: 9,
    name: 'the inbox in pages',
    statements: [
      // Issue 16: the inbox lists records a page at a time in its own order (awaiting sign-off
      // first, then by the record's own date, newest first), through an index rather than by
      // reading every body. The record's date is kept on its head, set with each revision.
      `ALTER TABLE submission_heads ADD COLUMN record_date text`,
      `UPDATE submission_heads h SET record_date = s.body->'details'->>'date'
         FROM submissions s WHERE s.id = h.id AND s.revision = h.current_revision`,
      `CREATE INDEX submission_heads_inbox_idx ON submission_heads (${INBOX_RANK}, record_date DESC, id)`,
    ],
  },
  {
    version: 10,
    name: 'returned records in a pull only when changed',
    statements: [
      // Issue 16: the change_seq of a record's latest review decision (db/change-seq.ts), so a pull
      // sends a record returned for amendment once after each decision rather than on every pull.
      // Records already returned get one number now, so every device receives them once more.
      `ALTER TABLE submission_heads ADD COLUMN review_seq bigint NOT NULL DEFAULT 0`,
      `UPDATE submission_heads SET review_seq = (SELECT nextval('change_seq')) WHERE review_status = 'returned'`,
    ],
  },
];
