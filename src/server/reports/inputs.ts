// Reads what the quarterly report and the provider timeline are computed from. Records are the
// current revisions this person may see (a manager: their team's; QA: everyone's), each dated by
// the day the council first received it; the register, RAG history and intelligence are shared.
import { recordSubject, type RecordHead } from '../../shared/records/record-rules';
import type { IntelligenceEntry, Rag, VisitAction } from '../../shared/briefings/register';
import type {
  RagChange,
  ReportEscalation,
  ReportInput,
  ReportProvider,
  ReportRecord,
} from '../../shared/reports/quarterly-report';
import { inQuarter, quarterEnd, quarterStart, type Quarter } from '../../shared/reports/quarters';
import { type SessionUser } from '../../shared/auth/schema';
import { type ReviewStatus } from '../../shared/records/schema';
import { Template } from '../../shared/templates/schema';
import { listActions } from '../actions/store';
import { listEscalations } from '../escalations/store';
import { submitterVisible } from '../auth/access';
import type { Queryable } from '../db';
import type { VisitFrequencies } from '../../shared/briefings/visit-due';
import { calendarDay } from '../../shared/calendar';
import type { DeadlineRules } from '../../shared/deadlines';

type RecordRow = RecordHead & {
  id: string;
  template_id: string;
  template_version: number;
  section_ratings: Record<string, string> | null;
  overall_rating: string | null;
  completed_at: string | null;
  submitter_name: string;
  first_received: Date;
  review_status: ReviewStatus;
};

/**
 * Which records a report reads: one provider's (its timeline), or what a quarter's report needs —
 * the records dated in the quarter, each provider's latest visit before it (when its next visit
 * fell due), and the records named as the source of an action raised in it (`sources`).
 */
export type RecordScope = { providerId: string } | { quarter: Quarter; sources: readonly string[] };

/**
 * The records this person may see within `scope`, oldest first, as a report reads them: the
 * fields it needs drawn out in SQL (answers and the briefing snapshot never leave the database).
 */
export async function reportRecords(
  q: Queryable,
  user: SessionUser,
  providerNames: ReadonlyMap<string, string>,
  scope: RecordScope,
): Promise<ReportRecord[]> {
  const visible = `s.revision = h.current_revision AND ${submitterVisible('h.submitter_id', '$1', '$2')}`;
  const current = `submission_heads h JOIN submissions s ON s.id = h.id`;
  // Each part picks ids on its own (the planner gets three plain queries, not one OR), then the
  // fields are drawn out for the picked records only.
  const picked =
    'providerId' in scope
      ? { sql: `SELECT h.id FROM ${current} WHERE ${visible} AND s.provider_id = $3`, values: [scope.providerId] }
      : {
          sql: `SELECT h.id FROM ${current} WHERE ${visible} AND h.record_date BETWEEN $3 AND $4
                UNION SELECT h.id FROM ${current} WHERE ${visible} AND h.id = ANY($5::uuid[])
                UNION (SELECT DISTINCT ON (s.provider_id) h.id FROM ${current}
                        WHERE ${visible} AND s.kind = 'visit' AND h.record_date < $3
                        ORDER BY s.provider_id, h.record_date DESC, h.id)`,
          values: [quarterStart(scope.quarter), quarterEnd(scope.quarter), [...scope.sources]],
        };
  const rows = await q.query<RecordRow>(
    `WITH picked AS (${picked.sql})
     SELECT s.id, s.kind, s.template_id, s.template_version, s.body->'details' AS details,
            s.body->'sectionRatings' AS section_ratings, s.body->>'overallRating' AS overall_rating,
            s.body->>'completedAt' AS completed_at, u.name AS submitter_name, h.review_status,
            (SELECT min(f.received_at) FROM submissions f WHERE f.id = h.id) AS first_received
       FROM picked p JOIN submission_heads h ON h.id = p.id
       JOIN submissions s ON s.id = h.id AND s.revision = h.current_revision
       JOIN users u ON u.id = s.submitter_id
      ORDER BY h.record_date, s.id`,
    [user.id, user.role, ...picked.values],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    templateId: r.template_id,
    templateVersion: Number(r.template_version),
    date: r.details.date,
    providerId: r.kind === 'visit' ? r.details.providerId : null,
    subject: recordSubject(r, (id) => providerNames.get(id)),
    submitterName: r.submitter_name,
    receivedOn: calendarDay(new Date(r.first_received)),
    completedAt: r.completed_at ?? null,
    feedbackSentOn: r.kind === 'audit' ? (r.details.feedbackSentOn ?? null) : null,
    reviewStatus: r.review_status,
    sectionRatings: r.section_ratings ?? {},
    overallRating: r.overall_rating ?? null,
  }));
}

async function reportProviders(q: Queryable): Promise<ReportProvider[]> {
  const rows = await q.query<{ id: string; name: string; level: number; rag: Rag; registered_on: string | null }>(
    `SELECT id, body->>'name' AS name, (body->>'monitoringLevel')::int AS level, body->>'rag' AS rag, registered_on
       FROM providers WHERE removed_at IS NULL ORDER BY body->>'name', id`,
  );
  // Every change of level, for the levels each provider had in a quarter (a small table: one row a review),
  // and the days of the reviews proper (not register changes), for the desk reviews due.
  const history = await q.query<{
    provider_id: string;
    reviewed_on: string;
    from_level: number;
    to_level: number;
    decision: string;
  }>(
    `SELECT provider_id, reviewed_on, from_level, to_level, decision FROM provider_monitoring_reviews ORDER BY at, id`,
  );
  const changesOf = new Map<string, { on: string; from: number; to: number }[]>();
  const reviewsOf = new Map<string, string[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const h of history) {
    if (Number(h.from_level) !== Number(h.to_level))
      push(changesOf, h.provider_id, { on: h.reviewed_on, from: Number(h.from_level), to: Number(h.to_level) });
    if (h.decision !== 'register-change') push(reviewsOf, h.provider_id, h.reviewed_on);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    monitoringLevel: Number(r.level),
    levelChanges: changesOf.get(r.id) ?? [],
    reviewDates: reviewsOf.get(r.id) ?? [],
    rag: r.rag,
    registeredOn: r.registered_on ?? '1970-01-01',
  }));
}

export async function ragChanges(q: Queryable, providerId: string | null = null): Promise<RagChange[]> {
  const rows = await q.query<{ provider_id: string; at: Date; from_rag: Rag | null; to_rag: Rag; reason: string }>(
    'SELECT provider_id, at, from_rag, to_rag, reason FROM provider_rag_history WHERE ($1::text IS NULL OR provider_id = $1) ORDER BY at, id',
    [providerId],
  );
  return rows.map((r) => ({
    providerId: r.provider_id,
    on: calendarDay(new Date(r.at)),
    from: r.from_rag,
    to: r.to_rag,
    reason: r.reason,
  }));
}

export async function visibleActions(
  q: Queryable,
  user: SessionUser,
  providerId: string | null = null,
): Promise<VisitAction[]> {
  return listActions(q, user, providerId === null ? {} : { providerId });
}

export async function intelligenceEntries(
  q: Queryable,
  providerId: string | null = null,
): Promise<IntelligenceEntry[]> {
  const rows = await q.query<{ body: IntelligenceEntry }>(
    'SELECT body FROM intelligence WHERE ($1::text IS NULL OR provider_id = $1) ORDER BY date, id',
    [providerId],
  );
  return rows.map((r) => r.body);
}

/** Every escalation (seed 004 §22), as the quarterly report counts them. */
export async function reportEscalations(q: Queryable): Promise<ReportEscalation[]> {
  return (await listEscalations(q)).map((e) => ({
    id: e.id,
    providerId: e.providerId,
    trigger: e.trigger,
    openedOn: e.openedOn,
    closedOn: e.closure?.closedOn ?? null,
    steps: e.steps.map((s) => ({ kind: s.kind, date: s.date })),
  }));
}

export async function allTemplates(q: Queryable): Promise<Template[]> {
  const rows = await q.query<{ body: unknown }>('SELECT body FROM templates ORDER BY id, version');
  return rows.map((r) => Template.parse(r.body));
}

export async function reportInput(
  q: Queryable,
  user: SessionUser,
  quarter: Quarter,
  today: string,
  config: { visitFrequencyMonths: VisitFrequencies; deadlineRules: DeadlineRules },
): Promise<ReportInput> {
  const providers = await reportProviders(q);
  const names = new Map(providers.map((p) => [p.id, p.name]));
  // A manager's report covers their own team, so only they are expected to observe and audit for it.
  const [managers] = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'manager'`);
  const actions = await visibleActions(q, user);
  // The records the quarter's actions were raised on, for the exception heading of each.
  const sources = actions
    .filter((a) => a.sourceSubmissionId && inQuarter(a.raisedOn, quarter))
    .map((a) => a.sourceSubmissionId!);
  return {
    quarter,
    today,
    frequencies: config.visitFrequencyMonths,
    deadlineRules: config.deadlineRules,
    providers,
    records: await reportRecords(q, user, names, { quarter, sources }),
    templates: await allTemplates(q),
    ragChanges: await ragChanges(q),
    actions,
    intelligence: await intelligenceEntries(q),
    escalations: await reportEscalations(q),
    observers: user.role === 'manager' ? 1 : Number(managers?.n ?? 0),
  };
}
