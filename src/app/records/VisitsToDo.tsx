// "Visits to do" on My visits: visits assigned to the officer and providers due a visit by their
// monitoring level, overdue first, each with its briefing and a way to start (or continue). A
// visit already submitted on this device for one of them (waiting to send, refused, or sent before
// the council's next update reaches the device) is shown as such instead of a way to start another:
// offering it again invites a duplicate visit (issue 17).
import type { SessionUser } from '../../shared/auth/schema';
import { useVisitsToDo } from '../briefings/queries';
import { dueText, formatDate } from '../components/format';
import type { VisitToDo } from '../briefings/queries';
import type { RecordSummary } from './queries';
import { statusClass } from './status';
import { calendarDay } from '../../shared/calendar';

const SUBMITTED_LABEL = {
  queued: 'Submitted, waiting to send',
  attention: 'Submitted, needs attention',
  sent: 'Sent',
} as const;

/**
 * The visit submitted on this device that answers this to-do item, if any: one started from its
 * assignment, or one to the provider dated after the last visit the council knows of (so a visit
 * from months ago, already counted, does not hide a new one falling due).
 */
export function submittedFor(
  t: Pick<VisitToDo, 'provider' | 'assignment'>,
  visits: RecordSummary[],
): RecordSummary | undefined {
  return visits.find((v) => {
    if (v.status === 'draft' || !('providerId' in v.details) || v.details.providerId !== t.provider.id) return false;
    if (t.assignment && v.assignmentId === t.assignment.id) return true;
    return t.provider.lastVisitDate === null || v.details.date > t.provider.lastVisitDate;
  });
}

export function VisitsToDo(props: { user: SessionUser; visits: RecordSummary[] }) {
  const todo = useVisitsToDo(props.user.id);
  if (!todo || todo.length === 0) return null;
  const today = calendarDay(new Date());
  return (
    <section aria-labelledby="todo-heading">
      <h2 id="todo-heading">
        Visits to do <span class="count">({todo.length})</span>
      </h2>
      <ul class="visit-list">
        {todo.map((t) => {
          const submitted = submittedFor(t, props.visits);
          const draft = props.visits.find(
            (v) => v.status === 'draft' && 'providerId' in v.details && v.details.providerId === t.provider.id,
          );
          const overdue = t.dueDate < today;
          const start = `/visits/new?provider=${encodeURIComponent(t.provider.id)}${t.assignment ? `&assignment=${encodeURIComponent(t.assignment.id)}` : ''}`;
          return (
            <li key={t.provider.id} data-testid="todo">
              <a href={`/providers/${encodeURIComponent(t.provider.id)}/briefing`}>{t.provider.name}</a>
              {submitted && submitted.status !== 'draft' ? (
                <span class={statusClass[submitted.status]}>{SUBMITTED_LABEL[submitted.status]}</span>
              ) : (
                <span class={overdue ? 'tag red' : 'tag blue'}>{dueText(t.dueDate, today)}</span>
              )}
              <span class="meta">
                {t.reason === 'assigned'
                  ? `Assigned visit, due ${formatDate(t.dueDate)}${t.assignment?.announced === false ? ' · unannounced' : ''}`
                  : `Due by monitoring level ${t.provider.monitoringLevel}, ${formatDate(t.dueDate)}`}
                {' · '}RAG {t.provider.rag}
              </span>
              <span class="meta">
                {submitted ? (
                  <a href={`/visits/${submitted.id}/check`}>See the visit you submitted to {t.provider.name}</a>
                ) : draft ? (
                  <a href={`/visits/${draft.id}`}>Continue the draft visit to {t.provider.name}</a>
                ) : (
                  <a href={start}>Start a visit to {t.provider.name}</a>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
