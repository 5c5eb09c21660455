// Monitoring reviews (issue 15, seed 004 §18-19): the evidence the risk matrix reads for one
// provider, its reviews as the history keeps them, and QA's decision written in one transaction.
// A decision sets the provider's level and RAG (a RAG change also leaves its row in
// provider_rag_history, so the quarterly report sees it), records the review with what the matrix
// suggested and why, and dates the provider's last review (the annual desk review at levels 1-2).
// Outcomes are returned, not thrown, so the route words them.
import type { SessionUser } from '../../shared/auth/schema';
import type { IntelligenceEntry, ProviderRecord, Rag, VisitAction } from '../../shared/briefings/register';
import { calendarDay } from '../../shared/calendar';
import type { MonitoringDecision, MonitoringReview } from '../../shared/providers/api-schemas';
import {
  type RiskEvidence,
  type RiskMatrix,
  type RiskSuggestion,
  suggestMonitoring,
  visitResultRag,
} from '../../shared/providers/risk-matrix';
import type { RecordBody } from '../../shared/records/schema';
import { managesOfficer } from '../assignments/store';
import { recordAudit } from '../audit';
import type { Db, Queryable } from '../db';
import { findProviderRow, LAST_VISIT_JOIN, recordRagChange, writeProvider, type ProviderRow } from './store';

/** What the matrix reads about a provider: its service type, latest visit result, actions and intelligence. */
export async function riskEvidence(q: Queryable, row: ProviderRow): Promise<RiskEvidence> {
  const [visit] = await q.query<{ body: RecordBody; scale: Array<{ value: string }> | null }>(
    `SELECT s.body, t.body->'ratingScale' AS scale
       FROM providers p JOIN submissions s ON ${LAST_VISIT_JOIN}
       LEFT JOIN templates t ON t.id = s.template_id AND t.version = s.template_version
      WHERE p.id = $1`,
    [row.id],
  );
  const actions = await q.query<{ body: VisitAction }>(
    `SELECT body FROM actions WHERE provider_id = $1 AND status IN ('open', 'in-progress')`,
    [row.id],
  );
  const intelligence = await q.query<{ body: IntelligenceEntry }>(
    'SELECT body FROM intelligence WHERE provider_id = $1 ORDER BY date, recorded_at, id',
    [row.id],
  );
  return {
    serviceType: row.body.serviceType,
    latestVisit:
      visit === undefined
        ? null
        : {
            date: visit.body.details.date,
            rag: visitResultRag(
              visit.body.overallRating ?? null,
              (visit.scale ?? []).map((o) => o.value),
            ),
          },
    actions: actions.map((a) => a.body),
    intelligence: intelligence.map((e) => e.body),
  };
}

/** The matrix's suggestion for a provider on the server's day. */
export async function suggestionFor(
  q: Queryable,
  row: ProviderRow,
  matrix: RiskMatrix,
  now: Date,
): Promise<RiskSuggestion> {
  return suggestMonitoring(await riskEvidence(q, row), calendarDay(now), matrix);
}

type ReviewRow = {
  at: Date;
  reviewed_on: string;
  by: string | null;
  decision: MonitoringReview['decision'];
  from_level: number;
  to_level: number;
  from_rag: Rag;
  to_rag: Rag;
  suggested_level: number | null;
  suggested_rag: Rag | null;
  reason: string;
  suggestion_reasons: string[];
};

/** A provider's reviews, newest first. */
export async function listReviews(q: Queryable, providerId: string): Promise<MonitoringReview[]> {
  const rows = await q.query<ReviewRow>(
    `SELECT r.at, r.reviewed_on, u.name AS by, r.decision, r.from_level, r.to_level, r.from_rag, r.to_rag,
            r.suggested_level, r.suggested_rag, r.reason, r.suggestion_reasons
       FROM provider_monitoring_reviews r LEFT JOIN users u ON u.id = r.user_id
      WHERE r.provider_id = $1 ORDER BY r.at DESC, r.id DESC`,
    [providerId],
  );
  return rows.map((r) => ({
    on: r.reviewed_on,
    at: new Date(r.at).toISOString(),
    by: r.by ?? 'Someone no longer on the system',
    decision: r.decision,
    fromLevel: Number(r.from_level),
    toLevel: Number(r.to_level),
    fromRag: r.from_rag,
    toRag: r.to_rag,
    suggestedLevel: r.suggested_level === null ? null : Number(r.suggested_level),
    suggestedRag: r.suggested_rag,
    reason: r.reason,
    suggestionReasons: r.suggestion_reasons,
  }));
}

export type ReviewOutcome =
  | { kind: 'saved'; row: ProviderRow }
  | { kind: 'not-found' }
  | { kind: 'suggestion-changed'; suggestion: RiskSuggestion }
  | { kind: 'reason-needed' };

/** The RAG reason the register shows after a review: QA's words, else the matrix's concerns. */
function ragReasonOf(decision: MonitoringDecision, suggestion: RiskSuggestion): string {
  if (decision.reason !== '') return decision.reason;
  const concerns = suggestion.reasons.filter((r) => r.rag !== null).map((r) => r.text);
  const text = `Risk matrix: ${concerns.length > 0 ? concerns.join(' ') : 'no concern found in the evidence held.'}`;
  return text.length <= 1000 ? text : `${text.slice(0, 999)}…`;
}

/**
 * Records QA's decision on the matrix's suggestion, recomputed inside the transaction: when it is
 * no longer the one the person saw, nothing is written. A decision that differs from the
 * suggestion is an override and needs a reason.
 */
export async function recordReview(
  db: Db,
  input: { providerId: string; decision: MonitoringDecision; matrix: RiskMatrix; user: SessionUser; now: Date },
): Promise<ReviewOutcome> {
  const { decision, user, now } = input;
  return db.transaction(async (tx): Promise<ReviewOutcome> => {
    await tx.query('SELECT 1 FROM providers WHERE id = $1 FOR UPDATE', [input.providerId]);
    const row = await findProviderRow(tx, input.providerId);
    if (row === null) return { kind: 'not-found' };
    const suggestion = await suggestionFor(tx, row, input.matrix, now);
    if (suggestion.level !== decision.suggested.level || suggestion.rag !== decision.suggested.rag)
      return { kind: 'suggestion-changed', suggestion };
    const confirmed = decision.level === suggestion.level && decision.rag === suggestion.rag;
    if (!confirmed && decision.reason === '') return { kind: 'reason-needed' };

    const today = calendarDay(now);
    const before = row.body;
    const ragChanged = before.rag !== decision.rag;
    const ragReason = ragChanged ? ragReasonOf(decision, suggestion) : before.ragReason;
    await writeProvider(
      tx,
      {
        ...before,
        monitoringLevel: decision.level,
        rag: decision.rag,
        ragReason,
        ragChangedAt: ragChanged ? today : before.ragChangedAt,
      },
      today,
    );
    if (ragChanged) {
      const change = { providerId: row.id, at: now, userId: user.id, from: before.rag, to: decision.rag };
      await recordRagChange(tx, { ...change, reason: ragReason });
      await recordAudit(tx, now, user.id, 'provider.rag-change', row.id);
    }
    await insertMonitoringReview(tx, {
      providerId: row.id,
      at: now,
      userId: user.id,
      review: {
        on: today,
        decision: confirmed ? 'confirmed' : 'overridden',
        fromLevel: before.monitoringLevel,
        toLevel: decision.level,
        fromRag: before.rag,
        toRag: decision.rag,
        suggestedLevel: suggestion.level,
        suggestedRag: suggestion.rag,
        reason: decision.reason,
        suggestionReasons: suggestion.reasons.map((r) => r.text),
      },
    });
    await recordAudit(tx, now, user.id, 'provider.monitoring-review', row.id);
    const saved = await findProviderRow(tx, row.id);
    return saved === null ? { kind: 'not-found' } : { kind: 'saved', row: saved };
  });
}

/**
 * Keeps a level set by editing or importing the register in the provider's monitoring history
 * (the caller's transaction): the history then tells every level the provider had, and when.
 */
export async function recordRegisterLevelChange(
  tx: Queryable,
  input: {
    before: ProviderRecord;
    after: Pick<ProviderRecord, 'id' | 'monitoringLevel' | 'rag'>;
    userId: string;
    now: Date;
    how: 'edit' | 'import';
  },
): Promise<void> {
  if (input.before.monitoringLevel === input.after.monitoringLevel) return;
  await insertMonitoringReview(tx, {
    providerId: input.after.id,
    at: input.now,
    userId: input.userId,
    review: {
      on: calendarDay(input.now),
      decision: 'register-change',
      fromLevel: input.before.monitoringLevel,
      toLevel: input.after.monitoringLevel,
      fromRag: input.before.rag,
      toRag: input.after.rag,
      suggestedLevel: null,
      suggestedRag: null,
      reason: input.how === 'edit' ? 'Level changed by editing the register.' : 'Level changed by a register import.',
      suggestionReasons: [],
    },
  });
}

/** Keeps a review in the provider's history and dates its last review (the caller's transaction). */
export async function insertMonitoringReview(
  tx: Queryable,
  input: { providerId: string; at: Date; userId: string | null; review: Omit<MonitoringReview, 'at' | 'by'> },
): Promise<void> {
  const r = input.review;
  await tx.query(
    `INSERT INTO provider_monitoring_reviews (provider_id, at, reviewed_on, user_id, decision, from_level, to_level,
       from_rag, to_rag, suggested_level, suggested_rag, reason, suggestion_reasons)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)`,
    [
      input.providerId,
      input.at,
      r.on,
      input.userId,
      r.decision,
      r.fromLevel,
      r.toLevel,
      r.fromRag,
      r.toRag,
      r.suggestedLevel,
      r.suggestedRag,
      r.reason,
      JSON.stringify(r.suggestionReasons),
    ],
  );
  // The latest review's day, whatever order reviews are written in (the demo's history goes in last);
  // a level set on the register is no review of the evidence, so it never counts as one.
  await tx.query(
    `UPDATE providers SET last_review_on = (SELECT max(reviewed_on) FROM provider_monitoring_reviews
                                             WHERE provider_id = $1 AND decision <> 'register-change')
      WHERE id = $1`,
    [input.providerId],
  );
}

/**
 * Whether this person may decide a provider's level and RAG: QA any provider; a manager a provider
 * allocated to an officer of the team they manage (as for assigning visits); officers never.
 */
export async function mayDecide(q: Queryable, user: SessionUser, row: ProviderRow): Promise<boolean> {
  if (user.role === 'qa') return true;
  if (user.role !== 'manager' || row.body.allocatedOfficerId === null) return false;
  return managesOfficer(q, user.id, row.body.allocatedOfficerId);
}
