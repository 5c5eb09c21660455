// The confirmation page after a record is submitted (GOV.UK confirmation pattern, issue 17): a
// green panel saying it is done, then what happens next (sent now, or when the device is back
// online; then reviewed) and where to find it. It follows the record live, so "waiting to send"
// becomes "received by the council" on the page when the send succeeds.
import { Page } from '../components/Page';
import { formatDate, formatDateTime } from '../components/format';
import { useObservable } from '../lib/observable';
import type { LocalRecord } from '../storage/database';
import { online } from '../sync/sync-state';
import { recordNoun } from './labels';

export function SubmittedPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const isOnline = useObservable(online);
  const noun = recordNoun(visit.kind);
  const title = `${noun.charAt(0).toUpperCase()}${noun.slice(1)} submitted`;
  return (
    <>
      <div class="panel confirmation">
        <Page title={title}>
          <p class="panel-body">
            {visit.subjectName}
            <br />
            <strong>{formatDate(visit.details.date)}</strong>
          </p>
        </Page>
      </div>
      <h2>What happens next</h2>
      <div role="status" data-testid="submitted-next">
        {visit.status === 'sent' ? (
          <p>
            The council received your {noun}
            {visit.receivedAt ? ` on ${formatDateTime(visit.receivedAt)}` : ''}.
          </p>
        ) : visit.status === 'attention' ? (
          <p>
            The council’s server did not accept your {noun}. It is kept on this device.{' '}
            <a href={`/visits/${visit.id}/check`}>See what needs to change</a>.
          </p>
        ) : isOnline ? (
          <p>Your {noun} is saved on this device and is being sent to the council now.</p>
        ) : (
          <p>
            This device is offline. Your {noun} is saved on it and will be sent to the council automatically when it is
            back online. You do not need to do anything else, but stay signed in on this device until it has been sent.
          </p>
        )}
      </div>
      <p>It will then be reviewed in the office, and either signed off or returned to you to amend.</p>
      <p>
        You can find it in My visits, under “Waiting to send” until it has been sent and then under “Sent”. You can{' '}
        <a href={`/visits/${visit.id}/check`}>look at what you submitted</a> at any time.
      </p>
      <p>
        <a class="button" href="/">
          Go to My visits
        </a>
      </p>
    </>
  );
}
