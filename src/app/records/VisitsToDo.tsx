// "Visits to do" on My visits: visits assigned to the officer and providers due a visit by their
// monitoring level, overdue first, each with its briefing and a way to start (or continue).
import type { SessionUser } from '../../shared/auth/schema';
import { useVisitsToDo } from '../briefings/queries';
import { dueText, formatDate } from '../components/format';
import type { RecordSummary } from './queries';
import { calendarDay } from '../../shared/calendar';

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
          const draft = props.visits.find(
            (v) => v.status === 'draft' && 'providerId' in v.details && v.details.providerId === t.provider.id,
          );
          const overdue = t.dueDate < today;
          const start = `/visits/new?provider=${encodeURIComponent(t.provider.id)}${t.assignment ? `&assignment=${encodeURIComponent(t.assignment.id)}` : ''}`;
          return (
            <li key={t.provider.id} data-testid="todo">
              <a href={`/providers/${encodeURIComponent(t.provider.id)}/briefing`}>{t.provider.name}</a>
              <span class={overdue ? 'tag red' : 'tag blue'}>{dueText(t.dueDate, today)}</span>
              <span class="meta">
                {t.reason === 'assigned'
                  ? `Assigned visit, due ${formatDate(t.dueDate)}${t.assignment?.announced === false ? ' · unannounced' : ''}`
                  : `Due by monitoring level ${t.provider.monitoringLevel}, ${formatDate(t.dueDate)}`}
                {' · '}RAG {t.provider.rag}
              </span>
              <span class="meta">
                {draft ? (
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
