// The pre-visit briefing (seed 004 §14): what the council knows about a provider before a visit,
// compiled by the server and read here from the device, with or without a signal. Printable.
import type { Briefing, IntelligenceEntry } from '../../shared/briefings/register';
import { BackLink, Page } from '../components/Page';
import { dueText, formatDate, formatDateTime } from '../components/format';
import { SummaryList } from '../components/SummaryList';
import { Table } from '../components/Table';
import { useObservable } from '../lib/observable';
import { settings } from '../sync/settings';
import { PinButton } from './PinButton';
import { session } from '../auth/session';
import { useBriefing, useOpenAssignmentFor, useProvider } from './queries';
import { cqcClass, cqcLabel, entryDetail, fireOutcome, ragClass, ragLabel, serviceTypeLabel } from './labels';
import { calendarDay, daysBetween } from '../../shared/calendar';
import { EscalationBriefing } from './EscalationBriefing';
import { levelText, nextDue } from './next-due';
import { useVisits } from '../records/queries';
import { submittedFor } from '../records/VisitsToDo';
import { statusLabel } from '../records/status';

export function BriefingPage(props: { providerId: string }) {
  const briefing = useBriefing(props.providerId);
  const provider = useProvider(props.providerId);
  const { briefingStaleDays, pinned } = useObservable(settings);
  const current = useObservable(session);
  const userId = current.status === 'signed-in' ? current.user.id : null;
  const assignment = useOpenAssignmentFor(props.providerId, userId);
  const visits = useVisits(userId ?? '');
  if (briefing === undefined || provider === undefined || assignment === undefined) return <p>Loading…</p>;
  const name = briefing?.provider.name ?? provider?.name ?? 'Provider';
  // Starting from the briefing of an assigned provider fulfils that assignment, as from the list.
  const start = `/visits/new?provider=${encodeURIComponent(props.providerId)}${assignment ? `&assignment=${encodeURIComponent(assignment.id)}` : ''}`;
  if (!briefing) {
    return (
      <>
        <BackLink href="/providers">Providers</BackLink>
        <Page title={name} caption="Pre-visit briefing">
          <p>
            This provider’s briefing is not on this device. Briefings come with visits assigned or due, and with
            providers you pin.
          </p>
          <PinButton providerId={props.providerId} pinned={pinned.includes(props.providerId)} />
        </Page>
      </>
    );
  }
  const age = daysBetween(calendarDay(new Date(briefing.compiledAt)), calendarDay(new Date()));
  // A visit already submitted here for this provider: say so before offering another (issue 17).
  const submitted = submittedFor({ provider: provider ?? briefing.provider, assignment }, visits ?? []);
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title={name} caption="Pre-visit briefing">
        <p class="hint" data-testid="compiled">
          Compiled {formatDateTime(briefing.compiledAt)}
        </p>
        {age > briefingStaleDays && (
          <div class="warning-text" role="note">
            <strong>This briefing is {age} days old.</strong> Connect and sync to get the latest before relying on it.
          </div>
        )}
        {assignment && (
          <p data-testid="assignment">
            Visit assigned to you, due <strong>{formatDate(assignment.dueDate)}</strong> ({dueText(assignment.dueDate)})
            {assignment.announced ? '' : ' · unannounced'}.
          </p>
        )}
        {submitted && (
          <div class="warning-text" role="note" data-testid="already-submitted">
            <strong>
              You have already submitted a visit to {name} ({statusLabel[submitted.status].toLowerCase()}).
            </strong>{' '}
            <a href={`/visits/${submitted.id}/check`}>See the visit you submitted</a>. Start another only for a new
            visit.
          </div>
        )}
        <p class="no-print">
          <a class={submitted ? 'button secondary' : 'button'} href={start}>
            Start a visit
          </a>{' '}
          <button type="button" class="button secondary" onClick={() => window.print()}>
            Print briefing
          </button>{' '}
          <PinButton providerId={props.providerId} pinned={pinned.includes(props.providerId)} />
        </p>
        <EscalationBriefing escalation={briefing.escalation} />
        <ProviderFacts briefing={briefing} assignedDue={assignment?.dueDate ?? null} />
        <CqcSection briefing={briefing} />
        <EntryList
          title="Complaints"
          id="complaints"
          lead={`${briefing.complaints.open} open · ${briefing.complaints.last12Months} in the last 12 months`}
          entries={briefing.complaints.recent}
        />
        <EntryList
          title="Safeguarding referrals"
          id="safeguarding"
          lead={`${briefing.safeguarding.open} open · ${briefing.safeguarding.last12Months} in the last 12 months`}
          entries={briefing.safeguarding.recent}
        />
        <EntryList
          title="Incidents and notifications"
          id="incidents"
          lead={`${briefing.incidents.last12Months} in the last 12 months`}
          entries={briefing.incidents.recent}
        />
        <EntryList
          title="Feedback from professionals"
          id="feedback"
          lead={briefing.feedback.length === 0 ? 'No feedback in the last 12 months.' : ''}
          entries={briefing.feedback}
        />
        <section aria-labelledby="fire">
          <h2 id="fire">Fire inspection</h2>
          {briefing.fireInspection ? (
            <p>
              {formatDate(briefing.fireInspection.date)}:{' '}
              <strong>{fireOutcome[briefing.fireInspection.outcome]}</strong>. {briefing.fireInspection.summary}
            </p>
          ) : (
            <p>No fire inspection recorded.</p>
          )}
        </section>
        <section aria-labelledby="actions">
          <h2 id="actions">
            Open actions from earlier visits <span class="count">({briefing.openActions.length})</span>
          </h2>
          {briefing.openActions.length === 0 ? (
            <p>No open actions.</p>
          ) : (
            <ul class="visit-list">
              {briefing.openActions.map((a) => (
                <li key={a.id}>
                  <strong>{a.title}</strong>
                  <span class={a.dueDate < calendarDay(new Date()) ? 'tag red' : 'tag blue'}>{dueText(a.dueDate)}</span>
                  <span class="meta">
                    {a.significance === 'significant' ? 'Significant' : 'Routine'} · owner {a.owner} · due{' '}
                    {formatDate(a.dueDate)} · raised {formatDate(a.raisedOn)}
                    {a.status === 'in-progress' ? ' · in progress' : ''}
                    {a.detail ? ` · ${a.detail}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </Page>
    </>
  );
}

function ProviderFacts({ briefing, assignedDue }: { briefing: Briefing; assignedDue: string | null }) {
  const p = briefing.provider;
  const due = nextDue(p);
  // With a visit assigned, its due date is the one to work to: the schedule's date is shown as
  // what the assignment answers, not as a second, contradicting deadline (issue 17).
  const dueLine = !due.date
    ? 'Not set'
    : assignedDue !== null && due.kind === 'visit'
      ? `${formatDate(due.date)} by the monitoring schedule; assigned for ${formatDate(assignedDue)}`
      : `${formatDate(due.date)} (${dueText(due.date).toLowerCase()})`;
  const rows: Array<[string, string]> = [
    ['Service', serviceTypeLabel[p.serviceType] + (p.capacity !== null ? `, ${p.capacity} places` : '')],
    ['Address', p.address || 'Not recorded'],
    ['Registered manager', p.registeredManager || 'Not recorded'],
    ['CQC location', p.cqcLocationId ?? 'Not registered'],
    ['Monitoring level', levelText(p.monitoringLevel)],
    ['Last visit', briefing.lastVisit ? formatDate(briefing.lastVisit.date) : 'No visit recorded'],
    [due.label, dueLine],
    [
      'Contract',
      p.contract
        ? `${p.contract.reference}, from ${formatDate(p.contract.start)}${p.contract.end ? ` to ${formatDate(p.contract.end)}` : ''}`
        : 'No contract',
    ],
  ];
  return (
    <section aria-labelledby="facts">
      <h2 id="facts">Provider</h2>
      <p>
        RAG{' '}
        <span class={ragClass[p.rag]} data-testid="rag">
          {ragLabel[p.rag]}
        </span>
        {p.ragReason && ` — ${p.ragReason}`}
        {p.ragChangedAt && ` (since ${formatDate(p.ragChangedAt)})`}
      </p>
      <SummaryList rows={rows} />
    </section>
  );
}

function CqcSection({ briefing }: { briefing: Briefing }) {
  const cqc = briefing.cqc;
  const questions = cqc
    ? ([
        ['Safe', cqc.keyQuestions.safe],
        ['Effective', cqc.keyQuestions.effective],
        ['Caring', cqc.keyQuestions.caring],
        ['Responsive', cqc.keyQuestions.responsive],
        ['Well-led', cqc.keyQuestions.wellLed],
      ] as const)
    : [];
  return (
    <section aria-labelledby="cqc">
      <h2 id="cqc">Latest CQC inspection</h2>
      {!cqc ? (
        <p>No CQC inspection recorded.</p>
      ) : (
        <>
          <p>
            {formatDate(cqc.date)}: overall{' '}
            <span class={cqcClass[cqc.overall]} data-testid="cqc-overall">
              {cqcLabel[cqc.overall]}
            </span>
          </p>
          <Table
            caption="CQC key question ratings"
            hideCaption
            wrap={false}
            columns={['Key question', 'Rating']}
            rows={questions.map(([q, r]) => ({ key: q, cells: [q, cqcLabel[r]] }))}
          />
        </>
      )}
    </section>
  );
}

function EntryList(props: { title: string; id: string; lead: string; entries: IntelligenceEntry[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.lead && <p data-testid={`${props.id}-summary`}>{props.lead}</p>}
      {props.entries.length > 0 && (
        <ul class="entry-list">
          {props.entries.map((e) => (
            <li key={e.id}>
              <strong>
                {formatDate(e.date)} · {entryDetail(e)}
              </strong>{' '}
              {e.summary}
              <span class="meta">Recorded by {e.recordedBy}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
