// A provider's history as one timeline (issue 6): visits and their results, RAG changes with
// reasons, monitoring reviews (the level and RAG confirmed or overridden against the risk matrix,
// issue 15), escalations (opened, each step, closed; seed 004 §22), intelligence entries, and
// actions raised and closed, newest first. Pure.
import type * as z from 'zod/mini';
import type { IntelligenceEntry, VisitAction } from '../briefings/register';
import type { TimelineEvent as TimelineEventSchema } from './report-schemas';
import { closedOn } from '../actions/action-closure';
import type { RagChange, ReportRecord } from './quarterly-report';
import type { MonitoringReview } from '../providers/api-schemas';
import type { Escalation } from '../escalations/schema';
import { OUTCOME_LABELS, STEP_LABELS, TRIGGER_LABELS } from '../escalations/labels';

export type TimelineEvent = z.infer<typeof TimelineEventSchema>;

const INTELLIGENCE_TITLES: Record<IntelligenceEntry['kind'], string> = {
  'cqc-inspection': 'CQC inspection',
  complaint: 'Complaint',
  'safeguarding-referral': 'Safeguarding referral',
  incident: 'Incident',
  feedback: 'Feedback',
  'fire-inspection': 'Fire inspection',
};

const ORDER: Record<TimelineEvent['kind'], number> = {
  'action-closed': 0,
  'rag-change': 1,
  'monitoring-review': 1.5,
  escalation: 1.7,
  'action-raised': 2,
  visit: 3,
  intelligence: 4,
};

/** A monitoring review as the timeline tells it (the wire shape's fields it needs). */
export type TimelineReview = Pick<
  MonitoringReview,
  'on' | 'by' | 'decision' | 'fromLevel' | 'toLevel' | 'fromRag' | 'toRag' | 'reason' | 'suggestionReasons'
>;

export function providerTimeline(input: {
  visits: readonly ReportRecord[];
  ratingLabel: (record: ReportRecord) => string;
  ragChanges: readonly RagChange[];
  intelligence: readonly IntelligenceEntry[];
  actions: readonly VisitAction[];
  reviews?: readonly TimelineReview[];
  escalations?: readonly Escalation[];
}): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const review of input.reviews ?? []) events.push(reviewEvent(review));
  for (const escalation of input.escalations ?? []) events.push(...escalationEvents(escalation));
  for (const visit of input.visits) {
    events.push({
      date: visit.date,
      kind: 'visit',
      title: `Monitoring visit: ${visit.overallRating === null ? 'not rated' : input.ratingLabel(visit)}`,
      detail: `By ${visit.submitterName}; ${visit.reviewStatus === 'signed-off' ? 'signed off' : visit.reviewStatus === 'returned' ? 'returned for amendment' : 'awaiting sign-off'}.`,
      recordId: visit.id,
    });
  }
  for (const change of input.ragChanges) {
    const from = change.from === null ? '' : `${capital(change.from)} to `;
    events.push({
      date: change.on,
      kind: 'rag-change',
      title: `RAG rating changed: ${from}${capital(change.to)}`,
      detail: change.reason,
      recordId: null,
    });
  }
  for (const entry of input.intelligence) {
    events.push({
      date: entry.date,
      kind: 'intelligence',
      title: INTELLIGENCE_TITLES[entry.kind],
      detail: entry.summary,
      recordId: null,
    });
  }
  for (const action of input.actions) {
    events.push({
      date: action.raisedOn,
      kind: 'action-raised',
      title: `Action raised (${action.significance}): ${action.title}`,
      detail: `Due ${action.dueDate}; owner ${action.owner || 'not named'}.`,
      recordId: action.sourceSubmissionId,
    });
    const closed = closedOn(action);
    if (closed !== null) {
      events.push({
        date: closed,
        kind: 'action-closed',
        title: `Action ${action.status === 'verified' ? 'verified' : 'done'}: ${action.title}`,
        detail: action.evidence ?? '',
        recordId: null,
      });
    }
  }
  return events.sort(
    (a, b) => b.date.localeCompare(a.date) || ORDER[a.kind] - ORDER[b.kind] || a.title.localeCompare(b.title),
  );
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function reviewEvent(review: TimelineReview): TimelineEvent {
  const level =
    review.fromLevel === review.toLevel ? `level ${review.toLevel}` : `level ${review.fromLevel} to ${review.toLevel}`;
  const rag =
    review.fromRag === review.toRag ? capital(review.toRag) : `${capital(review.fromRag)} to ${capital(review.toRag)}`;
  if (review.decision === 'register-change')
    return {
      date: review.on,
      kind: 'monitoring-review',
      title: `Monitoring level changed on the register: level ${review.fromLevel} to ${review.toLevel}`,
      detail: `${review.reason} By ${review.by}.`,
      recordId: null,
    };
  const how = review.decision === 'confirmed' ? 'suggestion confirmed' : 'suggestion overridden';
  const why = review.reason === '' ? '' : `${review.reason} `;
  return {
    date: review.on,
    kind: 'monitoring-review',
    title: `Monitoring review: ${level}, ${rag} (${how})`,
    detail: `${why}By ${review.by}. The risk matrix said: ${review.suggestionReasons.join(' ')}`,
    recordId: null,
  };
}

/** An escalation as the timeline tells it: opened with its trigger and reason, each step, and its closure. */
function escalationEvents(escalation: Escalation): TimelineEvent[] {
  const event = (date: string, title: string, detail: string): TimelineEvent => ({
    date,
    kind: 'escalation',
    title,
    detail,
    recordId: null,
  });
  return [
    event(
      escalation.openedOn,
      `Escalation opened: ${TRIGGER_LABELS[escalation.trigger]}`,
      `${escalation.reason} By ${escalation.openedBy}.`,
    ),
    ...escalation.steps.map((step) =>
      event(
        step.date,
        `Escalation step: ${STEP_LABELS[step.kind]}`,
        `Owner ${step.owner}.${step.note === '' ? '' : ` ${step.note}`}`,
      ),
    ),
    ...(escalation.closure === null
      ? []
      : [
          event(
            escalation.closure.closedOn,
            `Escalation closed: ${OUTCOME_LABELS[escalation.closure.outcome]}`,
            `${escalation.closure.summary} By ${escalation.closure.closedBy}.`,
          ),
        ]),
  ];
}
