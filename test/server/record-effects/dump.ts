// Every table a stored record can write to, read back in a form two databases can be compared in:
// rows in key order, change_seq numbers relative to the sequence at a starting point (numbers
// taken before it read 'before'), and the people's ids (random per database) replaced by their
// fixture names. Used by record-effects.test.ts.
import type { Db } from '../../../src/server/db';
import type { Fixture } from '../helpers';

const TABLES: Record<string, string> = {
  submissions: `SELECT id, revision, base_revision, submitter_id, template_id, template_version, provider_id, body,
      body_hash, received_at, kind FROM submissions ORDER BY id, revision`,
  submission_heads: `SELECT id, submitter_id, current_revision, updated_at, review_status, review
      FROM submission_heads ORDER BY id`,
  // Only the entries records and assignments make: the fixture's own are not in question.
  audit_log: `SELECT at, user_id, action, subject FROM audit_log
      WHERE action LIKE 'submission.%' OR action LIKE 'assignment.%' ORDER BY id`,
  providers: `SELECT id, body, change_seq, briefing_seq, registered_on, last_visit_date, last_visit_ref, removed_at
      FROM providers ORDER BY id`,
  assignments: `SELECT id, provider_id, officer_id, status, body, created_by, created_at, change_seq
      FROM assignments ORDER BY id`,
  actions: `SELECT id, provider_id, status, due_date, body, change_seq, submission_id, raised_by
      FROM actions ORDER BY id`,
  submission_attachments: `SELECT submission_id, revision, sha256 FROM submission_attachments
      ORDER BY submission_id, revision, sha256`,
};

const SEQ_COLUMNS = new Set(['change_seq', 'briefing_seq']);

/** The last change_seq number handed out: the starting point for dump(). */
export async function seqMark(db: Db): Promise<number> {
  const [row] = await db.query<{ last_value: string | number }>('SELECT last_value FROM change_seq');
  return Number(row?.last_value ?? 0);
}

export type Dump = Record<string, unknown[]>;

export async function dump(db: Db, users: Fixture['users'], mark: number): Promise<Dump> {
  const out: Dump = {};
  for (const [table, sql] of Object.entries(TABLES)) {
    const rows = await db.query<Record<string, unknown>>(sql);
    out[table] = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => {
          if (!SEQ_COLUMNS.has(column)) return [column, value];
          const n = Number(value);
          return [column, n > mark ? n - mark : 'before'];
        }),
      ),
    );
  }
  // Dates, jsonb and numbers as both drivers return them, then the ids of people by name.
  let text = JSON.stringify(out);
  for (const [name, user] of Object.entries(users)) text = text.replaceAll(user.id, `<${name}>`);
  return JSON.parse(text) as Dump;
}
