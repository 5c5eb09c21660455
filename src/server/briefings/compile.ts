// Compiles a provider's pre-visit briefing (seed 004 §14) from the register row, its intelligence,
// open actions and the latest stored visit. Pure reads; "last 12 months" and compiledAt use the
// server's clock only, so a briefing never depends on what a device thinks the time is.
import type { Briefing, IntelligenceEntry, VisitAction } from '../../shared/briefings/register';
import type { RecordBody } from '../../shared/records/schema';
import { type VisitFrequencies } from '../../shared/briefings/visit-due';
import type { Queryable } from '../db';
import { type ProviderRow, findProviderRow, LAST_VISIT_JOIN, toRecord } from '../providers/store';
import { addMonths, calendarDay } from '../../shared/calendar';
import { openEscalationOf } from '../escalations/store';

const RECENT = 3;

export async function compileBriefing(
  q: Queryable,
  providerOrId: ProviderRow | string,
  options: { frequencies: VisitFrequencies; now: Date },
): Promise<Briefing | null> {
  const row = typeof providerOrId === 'string' ? await findProviderRow(q, providerOrId) : providerOrId;
  if (row === null) return null;
  const today = calendarDay(options.now);
  const yearAgo = addMonths(today, -12);
  const entries = (
    await q.query<{ body: IntelligenceEntry }>(
      'SELECT body FROM intelligence WHERE provider_id = $1 ORDER BY date DESC, recorded_at DESC, id',
      [row.id],
    )
  ).map((r) => r.body);
  const ofKind = <K extends IntelligenceEntry['kind']>(kind: K) =>
    entries.filter((e): e is Extract<IntelligenceEntry, { kind: K }> => e.kind === kind);
  const inYear = (e: IntelligenceEntry) => e.date > yearAgo && e.date <= today;

  const cqc = ofKind('cqc-inspection')[0];
  const fire = ofKind('fire-inspection')[0];
  const complaints = ofKind('complaint');
  const referrals = ofKind('safeguarding-referral');
  const incidents = ofKind('incident');

  const actions = (
    await q.query<{ body: VisitAction }>(
      `SELECT body FROM actions WHERE provider_id = $1 AND status IN ('open', 'in-progress') ORDER BY due_date, id`,
      [row.id],
    )
  ).map((r) => r.body);

  const [visit] = await q.query<{ id: string; body: RecordBody }>(
    `SELECT s.id, s.body FROM providers p JOIN submissions s ON ${LAST_VISIT_JOIN} WHERE p.id = $1`,
    [row.id],
  );

  return {
    providerId: row.id,
    compiledAt: options.now.toISOString(),
    provider: toRecord(row, options.frequencies),
    cqc: cqc === undefined ? null : { date: cqc.date, overall: cqc.overall, keyQuestions: cqc.keyQuestions },
    complaints: {
      open: complaints.filter((e) => e.status === 'open').length,
      last12Months: complaints.filter(inYear).length,
      recent: complaints.slice(0, RECENT),
    },
    safeguarding: {
      open: referrals.filter((e) => e.status === 'open').length,
      last12Months: referrals.filter(inYear).length,
      recent: referrals.slice(0, RECENT),
    },
    incidents: { last12Months: incidents.filter(inYear).length, recent: incidents.slice(0, RECENT) },
    feedback: ofKind('feedback').filter(inYear),
    fireInspection: fire === undefined ? null : { date: fire.date, outcome: fire.outcome, summary: fire.summary },
    openActions: actions,
    lastVisit:
      visit === undefined
        ? null
        : { submissionId: visit.id, date: visit.body.details.date, ratings: visit.body.sectionRatings },
    escalation: await openEscalationOf(q, row.id),
  };
}
