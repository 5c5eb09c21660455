// "Check your answers" before submitting, and the read-only view of a submitted record. Uses the
// same shared rules as the server, so a record that passes here is not rejected for its answers.
import { useState } from 'preact/hooks';
import { submissionIssues } from '../../shared/records/record-rules';
import type { Template } from '../../shared/templates/schema';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { formatDateTime } from '../components/format';
import { navigate } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { syncAfterSubmit } from '../sync/control';
import { statusClass, statusLabel } from './status';
import { RecordSummary } from './RecordSummary';
import { withTemplate } from './with-template';
import { GroupedErrorSummary, groupedErrors } from './CheckErrors';
import { amendRecord, returnToDraft, submitRecord } from './record-store';
import { toRecordBody } from './record-body';
import { recordNoun } from './labels';

export const CheckAnswersPage = withTemplate(function CheckAnswers(props: { visit: LocalRecord; template: Template }) {
  const { visit, template } = props;
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const editable = visit.status === 'draft';
  const issues = editable ? submissionIssues(template, toRecordBody(visit, new Date().toISOString(), template)) : [];
  const errorGroups = groupedErrors(template, visit, issues);

  async function submit() {
    setBusy(true);
    try {
      await submitRecord(visit.id);
      syncAfterSubmit();
      navigate(`/visits/${visit.id}/submitted`);
    } catch (error) {
      setFailure(saveFailureMessage(error));
      setBusy(false);
    }
  }

  async function amend() {
    try {
      await amendRecord(visit.id);
      navigate(`/visits/${visit.id}`);
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  async function reopen() {
    try {
      const id = await returnToDraft(visit.id);
      navigate(`/visits/${id}`);
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  return (
    <>
      <BackLink href={editable ? `/visits/${visit.id}` : '/'}>
        {editable ? `Back to the ${recordNoun(visit.kind)}` : 'My visits'}
      </BackLink>
      <Page
        title={editable ? 'Check your answers' : visit.subjectName}
        documentTitle={editable ? 'Check your answers' : template.title}
        caption={editable ? visit.subjectName : template.title}
      >
        {failure && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: failure }]} />}
        {!editable && (
          <p>
            <span class={statusClass[visit.status]} data-testid="record-status">
              {statusLabel[visit.status]}
            </span>{' '}
            {visit.status === 'sent' &&
              visit.receivedAt &&
              `Received by the council ${formatDateTime(visit.receivedAt)}.`}
            {visit.status === 'queued' && 'It will be sent automatically when this device is back online.'}
          </p>
        )}
        {visit.status === 'attention' && visit.problem && (
          <div class="error-summary" role="alert">
            <h2>The server did not accept this visit</h2>
            <p>{visit.problem.message}</p>
            {visit.problem.issues && (
              <ul>
                {visit.problem.issues.map((i) => (
                  <li key={i.path}>{i.message}</li>
                ))}
              </ul>
            )}
            <p>It is kept on this device.</p>
            {visit.problem.code === 'conflict' && visit.revision > 1 ? (
              <a class="button" href={`/visits/${visit.id}/conflict`}>
                Compare with the council’s copy
              </a>
            ) : (
              <>
                <p>Reopen it as a draft to correct it and submit again.</p>
                <button type="button" class="button" onClick={reopen}>
                  Reopen as a draft
                </button>
              </>
            )}
          </div>
        )}
        {visit.review?.status === 'returned' && (
          <div class="warning-text" role="note" data-testid="review-comment">
            <strong>
              Returned for amendment by {visit.review.reviewerName} ({formatDateTime(visit.review.at)}):
            </strong>
            <p>{visit.review.comment}</p>
            {visit.status === 'sent' && (
              <button type="button" class="button" onClick={amend}>
                Amend this {recordNoun(visit.kind)}
              </button>
            )}
          </div>
        )}
        {visit.status === 'sent' && visit.review?.status !== 'returned' && (
          <p class="no-print">
            <a href={`/visits/${visit.id}/history`}>See the history of this {recordNoun(visit.kind)}</a>
          </p>
        )}
        {editable && issues.length > 0 && <GroupedErrorSummary title="Before you can submit" groups={errorGroups} />}
        {/* While it cannot be submitted, what is missing comes first and each area's answers so far
            fold under its title (issue 17: every question of an empty visit listed made 22,408 px on a phone). */}
        <RecordSummary
          record={visit}
          template={template}
          changeLinks={editable}
          folded={editable && issues.length > 0 ? { open: false } : undefined}
        />
        {editable && (
          <>
            <h2>Now send your {recordNoun(visit.kind)}</h2>
            <p>
              By submitting you confirm these findings are accurate to the best of your knowledge. If there is no signal
              it will be sent automatically later.
            </p>
            <button type="button" class="button" disabled={busy || issues.length > 0} onClick={submit}>
              Submit {recordNoun(visit.kind)}
            </button>
          </>
        )}
      </Page>
    </>
  );
});
