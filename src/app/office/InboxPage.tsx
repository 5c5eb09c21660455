// The QA manager's inbox (issue 6): every record they may see, filterable by kind, review status,
// provider, person and date, awaiting sign-off first. Each opens as a document or for moderation
// (sign off or return for amendment, on the review page). The filter lives in the address, so a
// filtered inbox can be bookmarked and its CSV downloads ask for the same records. The server sends
// a page at a time, in the inbox's order; "Show more records" appends the next.
import '../reports/reports.css';
import { useEffect, useState } from 'preact/hooks';
import type { ProviderRecord } from '../../shared/briefings/register';
import { SubmissionPage, type SubmissionSummary } from '../../shared/records/api-schemas';
import { recordSubject } from '../../shared/records/record-rules';
import { filterQuery, parseRecordFilter, type RecordFilter } from '../../shared/records/record-filter';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { formatDate, formatShortDate, formatTime } from '../components/format';
import { navigate } from '../lib/router';
import { getJson, loadProviders } from './api';
import { DateInput, optionsOf, Select, TextInput } from '../components/fields';
import { OfficeTable } from './OfficeTable';
import { recordReportPath } from '../reports/RecordReportPage';

export const INBOX_PATH = '/office/inbox';

const KIND = { visit: 'Visit', observation: 'Observation', audit: 'Case file audit' } as const;
const STATUS = {
  submitted: 'Awaiting sign-off',
  returned: 'Returned for amendment',
  'signed-off': 'Signed off',
} as const;
const STATUS_CLASS = { submitted: 'tag blue', returned: 'tag yellow', 'signed-off': 'tag green' } as const;

/** The first problem with each field of the filter, by its key. */
function fieldErrors(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? 'from');
    errors[key] ??=
      key === 'from' || key === 'to' ? issue.message.replace(/^Invalid.*$/, 'Enter a real date') : issue.message;
  }
  return errors;
}

const subject = (s: SubmissionSummary, names: Map<string, string>) => recordSubject(s, (id) => names.get(id));

/** "3 records", or "The first 50 records" while more can be shown. */
const caption = (shown: number, more: boolean) =>
  more ? `The first ${shown} records` : shown === 1 ? '1 record' : `${shown} records`;

export function InboxPage(props: { query: string }) {
  const parsed = parseRecordFilter(new URLSearchParams(props.query));
  const applied: RecordFilter = parsed.success ? parsed.data : {};
  const [draft, setDraft] = useState<Record<string, string>>({ ...applied });
  const [records, setRecords] = useState<SubmissionSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [providers, setProviders] = useState<ProviderRecord[]>([]);
  const [failure, setFailure] = useState('');
  const [filterErrors, setFilterErrors] = useState<Record<string, string>>({});
  const query = filterQuery(applied);
  const decided = new URLSearchParams(props.query).get('decided');

  useEffect(() => void loadProviders().then((r) => r.ok && setProviders(r.value)), []);
  useEffect(() => {
    let live = true;
    setRecords(null);
    setFailure('');
    void getJson(`/api/submissions${query}`, SubmissionPage, 'The records could not be loaded').then((r) => {
      if (!live) return;
      if (r.ok) {
        setRecords(r.value.submissions);
        setNext(r.value.next);
      } else setFailure(r.message);
    });
    return () => void (live = false);
  }, [query]);

  const showMore = async (after: string) => {
    setLoadingMore(true);
    const joiner = query === '' ? '?' : '&';
    const url = `/api/submissions${query}${joiner}after=${encodeURIComponent(after)}`;
    const r = await getJson(url, SubmissionPage, 'More records could not be loaded');
    setLoadingMore(false);
    if (!r.ok) return setFailure(r.message);
    setFailure('');
    setRecords((shown) => [...(shown ?? []), ...r.value.submissions]);
    setNext(r.value.next);
  };

  const names = new Map(providers.map((p) => [p.id, p.name]));
  const set = (key: string) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const providerOptions = providers.map((p) => ({ value: p.id, label: p.name }));
  const selects = [
    { id: 'filter-kind', key: 'kind', label: 'Kind', placeholder: 'Any kind', options: optionsOf(KIND) },
    { id: 'filter-status', key: 'status', label: 'Status', placeholder: 'Any status', options: optionsOf(STATUS) },
    {
      id: 'filter-provider',
      key: 'providerId',
      label: 'Provider',
      placeholder: 'Any provider',
      options: providerOptions,
    },
  ];
  return (
    <>
      <BackLink href="/office">Office</BackLink>
      <Page title="Inbox" caption="Records received">
        {failure && (
          <div class="warning-text" role="alert">
            <strong>{failure}</strong>
          </div>
        )}
        {!parsed.success && <p role="status">Part of the filter in the address was not understood and is ignored.</p>}
        <ErrorSummary
          errors={Object.entries(filterErrors).map(([key, message]) => ({ href: `#filter-${key}`, message }))}
        />
        <form
          class="filters"
          aria-label="Filter records"
          onSubmit={(e) => {
            e.preventDefault();
            const next = parseRecordFilter(new URLSearchParams(draft));
            // The same rules as the server's: a bad filter is named here, not sent to fail there.
            setFilterErrors(next.success ? {} : fieldErrors(next.error.issues));
            if (next.success) navigate(`${INBOX_PATH}${filterQuery(next.data)}`);
          }}
        >
          {selects.map(({ key, ...select }) => (
            <Select key={select.id} {...select} value={draft[key] ?? ''} onChange={set(key)} />
          ))}
          <TextInput
            id="filter-person"
            label="Person"
            hint="Part of the name of who submitted it, or of the practitioner"
            value={draft.person ?? ''}
            onChange={set('person')}
          />
          <DateInput
            id="filter-from"
            label="From"
            value={draft.from ?? ''}
            error={filterErrors.from}
            onChange={set('from')}
          />
          <DateInput id="filter-to" label="To" value={draft.to ?? ''} error={filterErrors.to} onChange={set('to')} />
          <div class="form-group">
            <button type="submit" class="button">
              Apply filters
            </button>{' '}
            <a href={INBOX_PATH} class="button secondary" onClick={() => setDraft({})}>
              Clear
            </a>
          </div>
        </form>
        {decided && (
          <div class="notification" role="status">
            <p>
              <strong>{decided === 'return' ? 'Returned for amendment.' : 'Signed off.'}</strong> The person who
              submitted it sees it on their next sync.
            </p>
          </div>
        )}
        <p class="report-actions">
          Download as CSV:{' '}
          <a href={`/api/exports/submissions.csv${query}`} download>
            records
          </a>
          <a href={`/api/exports/answers.csv${query}`} download>
            answers
          </a>
          <a href="/api/exports/actions.csv" download>
            actions
          </a>
        </p>
        <OfficeTable
          rows={records}
          failure={failure}
          caption={caption(records?.length ?? 0, next !== null)}
          live
          headings={['Date', 'Kind', 'About', 'By', 'Received', 'Status', { heading: 'Open', hidden: true }]}
          header={2}
          row={(s) => ({
            key: s.id,
            cells: [
              <span class="nowrap">{formatShortDate(s.details.date)}</span>,
              KIND[s.kind],
              <a href={recordReportPath(s.id)}>{subject(s, names)}</a>,
              s.submitterName,
              <>
                <span class="nowrap">{formatShortDate(s.receivedAt)},</span>{' '}
                <span class="nowrap">{formatTime(s.receivedAt)}</span>
              </>,
              <span class={STATUS_CLASS[s.reviewStatus]}>{STATUS[s.reviewStatus]}</span>,
              <a href={`/review/${s.id}?from=inbox`}>
                Moderate
                <span class="visually-hidden">
                  {' '}
                  {subject(s, names)}, {formatDate(s.details.date)}
                </span>
              </a>,
            ],
          })}
        />
        {next !== null && (
          <button type="button" class="button secondary" disabled={loadingMore} onClick={() => void showMore(next)}>
            {loadingMore ? 'Loading more records…' : 'Show more records'}
          </button>
        )}
      </Page>
    </>
  );
}
