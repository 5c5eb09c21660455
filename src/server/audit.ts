// The audit trail: who did what to which id. Subjects are ids only (record id@revision, provider
// id), never names, emails or answers, so the log can be kept and shared without holding personal data.
import type { Queryable } from './db';

export type AuditAction =
  | 'session.sign-in'
  | 'session.sign-in-failed'
  | 'session.sign-out'
  | 'device-key.create'
  | 'submission.create'
  | 'submission.amend'
  | 'submission.sign-off'
  | 'submission.return'
  | 'action.update'
  | 'user.create'
  | 'provider.create'
  | 'provider.update'
  | 'provider.rag-change'
  | 'provider.remove'
  | 'provider.import'
  | 'provider.monitoring-review'
  | 'intelligence.create'
  | 'intelligence.import'
  | 'escalation.open'
  | 'escalation.step'
  | 'escalation.close'
  | 'assignment.create'
  | 'assignment.update'
  | 'pin.add'
  | 'pin.remove'
  | 'template.publish'
  | 'export.download';

export async function recordAudit(
  q: Queryable,
  at: Date,
  userId: string | null,
  action: AuditAction,
  subject: string | null = null,
): Promise<void> {
  await q.query('INSERT INTO audit_log (at, user_id, action, subject) VALUES ($1, $2, $3, $4)', [
    at,
    userId,
    action,
    subject,
  ]);
}
