// The schema, as numbered migrations of single SQL statements that run unchanged on PGlite and
// PostgreSQL. Invariant: append only — a migration that has shipped is never edited, only followed.

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

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
];
