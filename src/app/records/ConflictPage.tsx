// A stale amendment (409: someone or another device amended the record first). Needs a
// connection: fetches the council's current revision and sets it beside this device's version,
// difference by difference; the person keeps their version (re-based as the next revision) or
// takes the council's. Nothing is lost until they choose.
import { differences } from '../../shared/records/record-diff';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { formatDateTime } from '../components/format';
import { navigate } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { DifferenceTable } from './DifferenceTable';
import { recordNoun } from './labels';
import { useCouncilCopy } from './council-copy';
import { useTemplate } from './queries';
import { adoptServerCopy, rebaseAmendment } from './record-store';

const OFFLINE = 'Comparing needs a connection. Try again when you are online; your version is kept.';

export function ConflictPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  const { stored: server, failure, setFailure } = useCouncilCopy(visit.id, OFFLINE);
  const noun = recordNoun(visit.kind);

  async function keepMine() {
    if (!server) return;
    try {
      await rebaseAmendment(visit.id, server.revision);
      navigate(`/visits/${visit.id}/check`);
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }
  async function takeTheirs() {
    if (!server) return;
    try {
      await adoptServerCopy(visit.id, server);
      navigate(`/visits/${visit.id}/check`);
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  const rows = server && template ? differences(template, server.body, visit) : [];
  return (
    <>
      <BackLink href={`/visits/${visit.id}/check`}>Back to the {noun}</BackLink>
      <Page title="Your amendment and the council’s copy differ" caption={visit.subjectName}>
        {failure && <ErrorSummary title="Cannot compare yet" errors={[{ href: '#main', message: failure }]} />}
        {server && template && (
          <>
            <p>
              The council already holds revision {server.revision}, received {formatDateTime(server.receivedAt)} from{' '}
              {server.submitterName}. Your amendment was based on revision {visit.baseRevision ?? 1}.
            </p>
            {rows.length === 0 ? (
              <p>The answers are the same.</p>
            ) : (
              <DifferenceTable
                caption="Differences"
                beforeLabel={`Council’s revision ${server.revision}`}
                afterLabel="Your version"
                rows={rows}
              />
            )}
            <button type="button" class="button" onClick={keepMine}>
              Keep my version
            </button>{' '}
            <button type="button" class="button secondary" onClick={takeTheirs}>
              Use the council’s copy
            </button>
            <p class="hint">
              Keeping yours makes it revision {server.revision + 1}, to check and submit. Using the council’s discards
              your changes on this device.
            </p>
          </>
        )}
      </Page>
    </>
  );
}
