// "My visits": the signed-in person's visits on this device, grouped by where they are —
// needing attention first, then drafts, waiting to send, and sent. Read from the records'
// summaries (issue 16); each group shows its newest rows first and the rest a page at a time
// ("Show more", which moves the focus to the first row it added), so a device with thousands of
// records opens at once and every record is reachable by keyboard and screen reader.
import { openDeadlines } from '../../shared/deadlines';
import type { SessionUser } from '../../shared/auth/schema';
import { Page } from '../components/Page';
import { dueText, formatDate, formatDateTime } from '../components/format';
import type { RecordStatus } from '../storage/database';
import { Component } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { useVisits, type ListedRecord, type RecordSummary } from './queries';
import { statusClass, statusLabel } from './status';
import { VisitsToDo } from './VisitsToDo';
import { useDeadlineRules } from '../sync/settings';
import type { DeadlineRules } from '../../shared/deadlines';
import { calendarDay } from '../../shared/calendar';

const groups: Array<{ status: RecordStatus; title: string; empty: string }> = [
  { status: 'attention', title: 'Needs attention', empty: '' },
  { status: 'draft', title: 'Drafts', empty: 'No drafts. Start a visit to begin one.' },
  { status: 'queued', title: 'Waiting to send', empty: 'Nothing waiting to send.' },
  { status: 'sent', title: 'Sent', empty: 'No visits sent from this device yet.' },
];

export function MyVisitsPage(props: { user: SessionUser }) {
  const visits = useVisits(props.user.id);
  // Submitting goes to its own confirmation page (SubmittedPage.tsx), which says what happens next.
  return (
    <Page title="My visits">
      <p>
        <a class="button" href="/visits/new" role="button">
          Start a visit
        </a>{' '}
        <a class="button secondary" href="/providers">
          Providers and briefings
        </a>
      </p>
      {props.user.role !== 'officer' && (
        <p>
          <a class="button secondary" href="/observations/new">
            Start an observation of practice
          </a>{' '}
          <a class="button secondary" href="/audits/new">
            Start a case file audit
          </a>{' '}
          <a class="button secondary" href="/deadlines">
            Deadlines
          </a>
        </p>
      )}
      {visits && <ReturnedList visits={visits.filter((v) => v.status === 'sent' && v.review?.status === 'returned')} />}
      {visits && <VisitsToDo user={props.user} visits={visits} />}
      {visits === undefined ? (
        <p>Loading visits…</p>
      ) : (
        groups.map((group) => {
          const rows = visits.filter(
            (v) => v.status === group.status && !(v.status === 'sent' && v.review?.status === 'returned'),
          );
          if (rows.length === 0 && !group.empty) return null;
          return (
            <section key={group.status} aria-labelledby={`group-${group.status}`}>
              <h2 id={`group-${group.status}`}>
                {group.title} <span class="count">({rows.length})</span>
              </h2>
              {rows.length === 0 ? <p class="hint">{group.empty}</p> : <VisitList visits={rows} title={group.title} />}
            </section>
          );
        })
      )}
      <p class="no-print">
        <a href="/storage">Storage on this device</a>
      </p>
    </Page>
  );
}

/** Records the reviewer returned for amendment, with what they asked for. */
function ReturnedList(props: { visits: RecordSummary[] }) {
  if (props.visits.length === 0) return null;
  return (
    <section aria-labelledby="group-returned">
      <h2 id="group-returned">
        Returned for amendment <span class="count">({props.visits.length})</span>
      </h2>
      <ul class="visit-list">
        {props.visits.map((v) => (
          <li key={v.id} data-testid="returned">
            <a href={`/visits/${v.id}/check`}>{v.subjectName}</a> <span class="tag red">Returned</span>
            <span class="meta">{recordSummary(v)}</span>
            <span class="meta">
              {v.review?.reviewerName}: “{v.review?.comment}”
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A size as people read it: kB under a megabyte (a typed signature is a few kB, not "0.0 MB"), else MB. */
const size = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} kB` : `${(n / (1024 * 1024)).toFixed(1)} MB`);

/** Rows a group shows at first, and how many more each "Show more" adds. */
export const PAGE_ROWS = 50;

function VisitList(props: { visits: ListedRecord[]; title: string }) {
  const rules = useDeadlineRules();
  const [shown, setShown] = useState(PAGE_ROWS);
  const list = useRef<HTMLUListElement>(null);
  const visible = props.visits.slice(0, shown);
  const more = () => {
    const first = shown;
    setShown(shown + PAGE_ROWS);
    // The first row added takes the focus, so keyboard and screen reader users carry on from there.
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLAnchorElement>(':scope > li > a')[first]?.focus());
  };
  return (
    <>
      <ul class="visit-list" ref={list}>
        {visible.map((v) => (
          <VisitRow key={v.id} visit={v} rules={rules} />
        ))}
      </ul>
      {props.visits.length > shown && (
        <p>
          <button type="button" class="button secondary" onClick={more}>
            Show {Math.min(PAGE_ROWS, props.visits.length - shown)} more in “{props.title}” ({shown} of{' '}
            {props.visits.length} shown)
          </button>
        </p>
      )}
    </>
  );
}

/** Whether a row shows the same thing: lists re-read as a sync commits, and most rows are unchanged. */
function sameRow(a: ListedRecord, b: ListedRecord): boolean {
  return (
    a.id === b.id &&
    a.subjectName === b.subjectName &&
    a.revision === b.revision &&
    a.status === b.status &&
    a.updatedAt === b.updatedAt &&
    a.receivedAt === b.receivedAt &&
    a.problem?.message === b.problem?.message &&
    a.progress?.filesSent === b.progress?.filesSent &&
    a.progress?.bytesSent === b.progress?.bytesSent &&
    a.progress?.files === b.progress?.files
  );
}

/**
 * One record in a group. Rendered again only when what it shows changed (sameRow): a long sync
 * re-reads the list while it sends, and re-rendering every row each time delayed the sends.
 */
class VisitRow extends Component<{ visit: ListedRecord; rules: DeadlineRules }> {
  override shouldComponentUpdate(next: { visit: ListedRecord; rules: DeadlineRules }): boolean {
    return next.rules !== this.props.rules || !sameRow(next.visit, this.props.visit);
  }

  override render() {
    const v = this.props.visit;
    const rules = this.props.rules;
    return (
      <li>
        <a href={v.status === 'draft' ? `/visits/${v.id}` : `/visits/${v.id}/check`}>{v.subjectName}</a>
        <span class={statusClass[v.status]}>{statusLabel[v.status]}</span>
        <span class="meta">
          {recordSummary(v)}
          {v.status === 'sent' && v.receivedAt ? ` · received ${formatDateTime(v.receivedAt)}` : ''}
        </span>
        {v.status === 'draft' &&
          openDeadlines(v.kind, v.details, rules)
            .slice(0, 1)
            .map((d) => (
              <span key={d.kind} class={`meta${d.dueDate < calendarDay(new Date()) ? ' error-text' : ''}`}>
                {d.label}: {dueText(d.dueDate).toLowerCase()}
              </span>
            ))}
        {v.status === 'attention' && v.problem && <span class="meta error-text">{v.problem.message}</span>}
        {v.status === 'queued' && v.progress && (
          <span class="meta" data-testid="upload-progress">
            Photos and signatures sent: {v.progress.filesSent} of {v.progress.files} ({size(v.progress.bytesSent)} of{' '}
            {size(v.progress.bytes)})
          </span>
        )}
      </li>
    );
  }
}

/** One line saying what the record is: a visit, an observation or an audit, and when. */
function recordSummary(v: RecordSummary): string {
  const d = v.details;
  if ('providerId' in d) return `Visit on ${formatDate(d.date)} · ${d.announced ? 'announced' : 'unannounced'}`;
  if ('caseReference' in d)
    return `Case file audit on ${formatDate(d.date)} · case ${d.caseReference} · ${d.practitionerName}`;
  return `Observation of practice on ${formatDate(d.date)} · ${d.practitionerRole}, ${d.team}`;
}
