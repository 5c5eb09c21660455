// "Storage on this device": whether the browser keeps the app's data safe from eviction, how much
// space drafts, photos and queued records take, the quota, a warning at 80%, a way to free space
// that never touches unsent work, and what the council's retention policy will remove when.
import { useEffect, useState } from 'preact/hooks';
import { BackLink, Page } from '../components/Page';
import { SummaryList } from '../components/SummaryList';
import { formatDate } from '../components/format';
import { checkStorage, removeSentFiles, storageReport, type StorageReport, WARN_AT } from './storage-usage';
import { retentionForecast, type RetentionForecast } from './retention';
import { calendarDay } from '../../shared/calendar';

const size = (n: number | null) =>
  n === null
    ? 'Not known'
    : n < 1024 * 1024
      ? `${Math.max(1, Math.round(n / 1024))} kB`
      : `${(n / (1024 * 1024)).toFixed(1)} MB`;

export function StoragePage() {
  const [report, setReport] = useState<StorageReport | null>(null);
  const [forecast, setForecast] = useState<RetentionForecast | null>(null);
  const [freed, setFreed] = useState<string>('');
  const refresh = () => {
    void storageReport().then(setReport);
    void retentionForecast().then(setForecast);
  };
  useEffect(refresh, []);

  async function askPersistent() {
    await navigator.storage?.persist?.().catch(() => false);
    refresh();
  }
  async function free() {
    const count = await removeSentFiles();
    setFreed(
      count === 0
        ? 'There were no photos of sent records to remove.'
        : `Removed ${count} photo${count === 1 ? '' : 's'} and signature${count === 1 ? '' : 's'} of records the council already holds.`,
    );
    await checkStorage();
    refresh();
  }

  const share = report?.usage != null && report.quota ? report.usage / report.quota : null;
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title="Storage on this device">
        {!report && <p>Loading…</p>}
        {report && (
          <>
            {share !== null && share >= WARN_AT && (
              <div class="warning-text" role="alert" data-testid="storage-warning">
                <strong>This device is {Math.round(share * 100)}% full.</strong> New photos may not fit. Send waiting
                records, then remove photos of sent records below.
              </div>
            )}
            <h2>Keeping your work safe</h2>
            {report.persisted === true && (
              <p data-testid="persisted">
                The browser has agreed to keep this app’s data: it will not be cleared to make space.
              </p>
            )}
            {report.persisted === false && (
              <>
                <p data-testid="persisted">
                  The browser may clear this app’s data if the device runs short of space. Installing the app to the
                  home screen usually prevents this.
                </p>
                <button type="button" class="button secondary" onClick={() => void askPersistent()}>
                  Ask the browser to keep the data
                </button>
              </>
            )}
            {report.persisted === null && (
              <p data-testid="persisted">This browser does not say whether it keeps the app’s data.</p>
            )}
            <h2>Space used</h2>
            <SummaryList
              rows={[
                ['Drafts', size(report.drafts)],
                ['Photos and signatures', size(report.files)],
                ['Records waiting to send', size(report.queued)],
                [
                  'All of this app’s storage',
                  <span data-testid="usage">
                    {size(report.usage)} of {size(report.quota)}
                    {share !== null ? ` (${Math.round(share * 100)}%)` : ''}
                  </span>,
                ],
              ]}
            />
            <h2>Free space</h2>
            <p>
              Photos and signatures of records the council has received ({size(report.sentFiles)}) can be removed from
              this device. Drafts and records waiting to send are never removed here.
            </p>
            <button
              type="button"
              class="button secondary"
              disabled={report.sentFiles === 0}
              onClick={() => void free()}
            >
              Remove photos of sent records
            </button>
            {freed && <p role="status">{freed}</p>}
            {forecast && <Retention forecast={forecast} />}
          </>
        )}
      </Page>
    </>
  );
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
const visits = (n: number) => (n === 1 ? '1 sent visit' : `${n} sent visits`);

/** When a removal falls: on a day, or at the next start or sync when it is already due. */
function when(at: number, now = Date.now()): string {
  return at <= now ? 'the next time the app starts or syncs' : `on ${formatDate(calendarDay(new Date(at)))}`;
}

/** What the council's retention policy removes from this device, and when. */
function Retention(props: { forecast: RetentionForecast }) {
  const { policy, sent, returned, reference } = props.forecast;
  return (
    <section aria-labelledby="retention" data-testid="retention">
      <h2 id="retention">What is removed from this device, and when</h2>
      <p>
        Sent visits, with their photos and signatures, are removed {days(policy.sentRetentionDays)} after the council
        received them, unless they were returned for amendment. Briefings, provider details and assignments are removed
        when the device has not updated them for {days(policy.referenceRetentionDays)}. Drafts and visits waiting to
        send are never removed. Forms stay: they hold no personal data, and drafts need them.
      </p>
      {sent.length === 0 ? (
        <p data-testid="retention-sent">No sent visits are on this device.</p>
      ) : (
        <ul data-testid="retention-sent">
          {sent.map((group) => (
            <li key={group.day}>
              {visits(group.count)} will be removed from this device {when(group.at)}.
            </li>
          ))}
        </ul>
      )}
      {returned > 0 && (
        <p>
          {returned === 1
            ? '1 visit returned for amendment stays until it is sent again.'
            : `${returned} visits returned for amendment stay until they are sent again.`}
        </p>
      )}
      {reference.count > 0 && reference.at !== null && (
        <p data-testid="retention-reference">
          Briefings, provider details and assignments will be removed {when(reference.at)} unless the device syncs
          before then.
        </p>
      )}
    </section>
  );
}
