// Reviewing a record someone else submitted (needs a connection): the decision first (sign it off,
// or return it for amendment with a comment), where a manager on a phone can reach it, then the
// record as the council holds it, each section folded under its title and rating, with its photos
// read from the server. Managers review their team's observations and audits; the QA manager any
// record (seed 003 §4.6, §10.3).
import { useState } from 'preact/hooks';
import { TextArea } from '../components/fields';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { formatDateTime } from '../components/format';
import { navigate, queryParams } from '../lib/router';
import { errorMessage, requestJson } from '../lib/http';
import { fromRecordBody, listedName } from './record-body';
import { useCouncilCopy } from './council-copy';
import { useTemplate } from './queries';
import { useProvider } from '../briefings/queries';
import { RecordSummary } from './RecordSummary';
import { CouncilCopy } from '../evidence/PhotoField';
import { REVIEW_COMMENT_MAX, tooLong } from '../../shared/records/text-limits';

const OFFLINE = 'Reviewing needs a connection. Try again when you are online.';
const KIND = { visit: 'visit', observation: 'observation of practice', audit: 'case file audit' } as const;

/** Where a decision returns to: the inbox when the review was opened from it, else the deadlines. */
const backTo = () =>
  queryParams().get('from') === 'inbox'
    ? { href: '/office/inbox', label: 'Inbox' }
    : { href: '/deadlines', label: 'Deadlines' };

export function ReviewPage(props: { id: string }) {
  const back = backTo();
  const { stored, failure, setFailure } = useCouncilCopy(props.id, OFFLINE);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState('');
  const [busy, setBusy] = useState(false);
  const [allOpen, setAllOpen] = useState(false);
  const template = useTemplate(stored?.body.templateId, stored?.body.templateVersion);
  // A visit is named by the provider's name as the register has it (the id only when unknown here).
  const provider = useProvider(stored?.body.kind === 'visit' ? stored.body.details.providerId : '');
  const name = stored ? listedName(stored.body, provider?.name) : '';

  async function decide(decision: 'sign-off' | 'return') {
    if (!stored) return;
    if (decision === 'return' && comment.trim() === '') {
      setCommentError('Say what needs amending');
      document.getElementById('review-comment')?.focus();
      return;
    }
    // The server's limit, said here in words rather than by its 422 (the count under the box shows it coming).
    if (comment.length > REVIEW_COMMENT_MAX) {
      setCommentError(tooLong('Your comment', REVIEW_COMMENT_MAX));
      document.getElementById('review-comment')?.focus();
      return;
    }
    setBusy(true);
    const result = await requestJson('POST', `/api/submissions/${props.id}/review`, {
      decision,
      revision: stored.revision,
      comment,
    });
    setBusy(false);
    if (result.kind === 'network-error')
      setFailure('The decision was not sent: there is no connection. Try again when you are online.');
    else if (result.status !== 200) setFailure(errorMessage(result.body, `The server answered ${result.status}.`));
    else navigate(`${back.href}?decided=${decision}`);
  }

  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <Page
        title={stored ? `Review: ${name}` : 'Review'}
        documentTitle="Review"
        caption={stored ? `${KIND[stored.body.kind]}, revision ${stored.revision}` : undefined}
      >
        {failure && <ErrorSummary title="There is a problem" errors={[{ href: '#main', message: failure }]} />}
        {commentError && <ErrorSummary errors={[{ href: '#review-comment', message: commentError }]} />}
        {!stored && !failure && <p>Loading…</p>}
        {stored && (
          <>
            <p>
              Submitted by {stored.submitterName}, received {formatDateTime(stored.receivedAt)}.
            </p>
            {stored.review && (
              <p>
                Latest decision: {stored.review.status === 'returned' ? 'returned for amendment' : 'signed off'} by{' '}
                {stored.review.reviewerName}.
              </p>
            )}
            <section class="decision" aria-labelledby="decision-heading">
              <h2 id="decision-heading">Your decision</h2>
              <TextArea
                id="review-comment"
                label="Comment"
                hint="Needed to return it: say what to amend. Optional when signing off."
                rows={3}
                maxLength={REVIEW_COMMENT_MAX}
                value={comment}
                error={commentError}
                onChange={(value) => {
                  setComment(value);
                  setCommentError('');
                }}
              />
              <button type="button" class="button" disabled={busy} onClick={() => void decide('sign-off')}>
                Sign off
              </button>{' '}
              <button type="button" class="button secondary" disabled={busy} onClick={() => void decide('return')}>
                Return for amendment
              </button>
            </section>
            {template ? (
              <>
                <p>
                  <button type="button" class="button secondary small" onClick={() => setAllOpen(!allOpen)}>
                    {allOpen ? 'Fold every section' : 'Open every section'}
                  </button>
                </p>
                <CouncilCopy.Provider value={true}>
                  <RecordSummary
                    template={template}
                    changeLinks={false}
                    folded={{ open: allOpen }}
                    record={{ ...fromRecordBody(stored.body), subjectName: name }}
                  />
                </CouncilCopy.Provider>
              </>
            ) : (
              <p>The template of this record is not on this device yet; choose “Sync now”.</p>
            )}
          </>
        )}
      </Page>
    </>
  );
}
