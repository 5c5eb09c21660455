// The history of a record (needs a connection): every revision the council holds, when it was
// received, the review decisions, and what each amendment changed from the revision before.
import { differences } from '../../shared/records/record-diff';
import { RevisionHistory } from '../../shared/records/api-schemas';
import { BackLink, Page } from '../components/Page';
import { formatDateTime } from '../components/format';
import { useServerJson } from '../lib/use-server-json';
import type { LocalRecord } from '../storage/database';
import { DifferenceTable } from './DifferenceTable';
import { recordNoun } from './labels';
import { useTemplate } from './queries';

export function HistoryPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  const loaded = useServerJson(
    `/api/submissions/${visit.id}/revisions`,
    RevisionHistory,
    'The history needs a connection. Try again when you are online.',
  );
  const noun = recordNoun(visit.kind);
  return (
    <>
      <BackLink href={`/visits/${visit.id}/check`}>Back to the {noun}</BackLink>
      <Page title={`History of this ${noun}`} caption={visit.subjectName}>
        {loaded.state === 'loading' && <p>Loading the history…</p>}
        {loaded.state === 'failed' && <p role="alert">{loaded.message}</p>}
        {loaded.state === 'ready' && template && (
          <ol class="history" data-testid="history">
            {loaded.value.revisions.map((r, i) => {
              const previous = loaded.value.revisions[i - 1];
              const changes = previous ? differences(template, previous.body, r.body) : [];
              return (
                <li key={r.revision} data-testid="revision">
                  <h2>Revision {r.revision}</h2>
                  <p class="meta">
                    Received {formatDateTime(r.receivedAt)} from {r.submitterName}
                  </p>
                  {loaded.value.reviews
                    .filter((x) => x.revision === r.revision)
                    .map((x) => (
                      <p key={x.at}>
                        {x.status === 'returned' ? 'Returned for amendment' : 'Signed off'} by {x.reviewerName},{' '}
                        {formatDateTime(x.at)}
                        {x.comment ? `: “${x.comment}”` : ''}
                      </p>
                    ))}
                  {previous &&
                    (changes.length === 0 ? (
                      <p>No changes from revision {previous.revision}.</p>
                    ) : (
                      <DifferenceTable
                        caption={`Changed from revision ${previous.revision}`}
                        beforeLabel={`Revision ${previous.revision}`}
                        afterLabel={`Revision ${r.revision}`}
                        rows={changes}
                      />
                    ))}
                </li>
              );
            })}
          </ol>
        )}
      </Page>
    </>
  );
}
