// "Deadlines" for managers and the QA manager (needs a connection): their team's open actions,
// overdue first; observations and audits waiting for their sign-off; and records that reached
// the council after their write-up deadline in the last three months.
import { Deadlines, type DeadlineRecord } from '../../shared/actions/api-schemas';
import { BackLink, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import { queryParams } from '../lib/router';
import { useServerJson } from '../lib/use-server-json';

const KIND = { visit: 'Visit', observation: 'Observation', audit: 'Case file audit' } as const;

export function DeadlinesPage() {
  const loaded = useServerJson(
    '/api/deadlines',
    Deadlines,
    'Deadlines need a connection. Try again when you are online.',
  );
  const data = loaded.state === 'ready' ? loaded.value : null;
  const failure = loaded.state === 'failed' ? loaded.message : '';
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title="Deadlines">
        {queryParams().get('decided') && (
          <div class="notification" role="status">
            <p>
              <strong>{queryParams().get('decided') === 'return' ? 'Returned for amendment.' : 'Signed off.'}</strong>{' '}
              The person who submitted it sees it on their next sync.
            </p>
          </div>
        )}
        {!data && !failure && <p>Loading…</p>}
        {failure && <p role="alert">{failure}</p>}
        {data && (
          <>
            <section aria-labelledby="open-actions">
              <h2 id="open-actions">
                Open actions <span class="count">({data.actions.length})</span>
              </h2>
              {data.actions.length === 0 ? (
                <p>No open actions.</p>
              ) : (
                <ul class="visit-list">
                  {data.actions.map((a) => (
                    <li key={a.id} data-testid="deadline-action">
                      <strong>{a.title}</strong>{' '}
                      <span class={a.dueDate < data.today ? 'tag red' : 'tag blue'}>
                        {dueText(a.dueDate, data.today)}
                      </span>
                      <span class="meta">
                        {a.significance === 'significant' ? 'Significant' : 'Routine'} · owner {a.owner} · due{' '}
                        {formatDate(a.dueDate)} · raised {formatDate(a.raisedOn)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="sign-off">
              <h2 id="sign-off">
                Waiting for your sign-off <span class="count">({data.awaitingSignOff.length})</span>
              </h2>
              {data.awaitingSignOff.length === 0 ? (
                <p>Nothing is waiting for you.</p>
              ) : (
                <RecordList records={data.awaitingSignOff} review />
              )}
            </section>
            <section aria-labelledby="late">
              <h2 id="late">
                Written up late, last three months <span class="count">({data.late.length})</span>
              </h2>
              {data.late.length === 0 ? <p>None.</p> : <RecordList records={data.late} />}
            </section>
          </>
        )}
      </Page>
    </>
  );
}

function RecordList(props: { records: DeadlineRecord[]; review?: boolean }) {
  return (
    <ul class="visit-list">
      {props.records.map((r) => (
        <li key={r.id} data-testid={props.review ? 'awaiting-sign-off' : undefined}>
          {props.review ? (
            <a href={`/review/${r.id}`}>
              {KIND[r.kind]}: {r.subject}
            </a>
          ) : (
            <strong>
              {KIND[r.kind]}: {r.subject}
            </strong>
          )}
          <span class="meta">
            by {r.submitterName} · on {formatDate(r.date)}
            {r.dueDate ? ` · due ${formatDate(r.dueDate)}` : ''} · finished {formatDate(r.writtenUpOn)} · received{' '}
            {formatDate(r.receivedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
