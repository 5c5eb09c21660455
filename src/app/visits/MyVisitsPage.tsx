// "My visits": the signed-in person's visits on this device, grouped by where they are —
// needing attention first, then drafts, waiting to send, and sent.
import type { SessionUser } from '../../shared/schemas';
import { Page } from '../components/Page';
import { queryParams } from '../lib/router';
import { formatDate, formatDateTime } from '../components/format';
import type { RecordStatus, VisitRecord } from '../storage/database';
import { useVisits } from './queries';
import { statusClass, statusLabel } from './status';
import { VisitsToDo } from './VisitsToDo';

const groups: Array<{ status: RecordStatus; title: string; empty: string }> = [
  { status: 'attention', title: 'Needs attention', empty: '' },
  { status: 'draft', title: 'Drafts', empty: 'No drafts. Start a visit to begin one.' },
  { status: 'queued', title: 'Waiting to send', empty: 'Nothing waiting to send.' },
  { status: 'sent', title: 'Sent', empty: 'No visits sent from this device yet.' },
];

export function MyVisitsPage(props: { user: SessionUser }) {
  const visits = useVisits(props.user.id);
  const justSubmitted = queryParams().has('submitted');
  return (
    <Page title="My visits">
      {justSubmitted && (
        <div class="notification" role="status">
          <p>
            <strong>Visit submitted.</strong> It is saved on this device and is sent to the council automatically — straight
            away when there is a connection, otherwise as soon as there is one.
          </p>
        </div>
      )}
      <p>
        <a class="button" href="/visits/new" role="button">
          Start a visit
        </a>{' '}
        <a class="button secondary" href="/providers">
          Providers and briefings
        </a>
      </p>
      {visits && <VisitsToDo user={props.user} visits={visits} />}
      {visits === undefined ? (
        <p>Loading visits…</p>
      ) : (
        groups.map((group) => {
          const rows = visits.filter((v) => v.status === group.status);
          if (rows.length === 0 && !group.empty) return null;
          return (
            <section key={group.status} aria-labelledby={`group-${group.status}`}>
              <h2 id={`group-${group.status}`}>
                {group.title} <span class="count">({rows.length})</span>
              </h2>
              {rows.length === 0 ? <p class="hint">{group.empty}</p> : <VisitList visits={rows} />}
            </section>
          );
        })
      )}
    </Page>
  );
}

function VisitList(props: { visits: VisitRecord[] }) {
  return (
    <ul class="visit-list">
      {props.visits.map((v) => (
        <li key={v.id}>
          <a href={v.status === 'draft' ? `/visits/${v.id}` : `/visits/${v.id}/check`}>{v.providerName}</a>
          <span class={statusClass[v.status]}>{statusLabel[v.status]}</span>
          <span class="meta">
            Visit on {formatDate(v.details.date)} · {v.details.announced ? 'announced' : 'unannounced'}
            {v.status === 'sent' && v.receivedAt ? ` · received ${formatDateTime(v.receivedAt)}` : ''}
          </span>
          {v.status === 'attention' && v.problem && <span class="meta error-text">{v.problem.message}</span>}
        </li>
      ))}
    </ul>
  );
}
