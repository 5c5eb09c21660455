// A provider's office page (QA and managers, on a laptop with a connection): its register facts,
// its monitoring level and RAG against the risk matrix's suggestion (MonitoringSection), its
// escalation with its steps, closure and history (EscalationSection), its
// intelligence newest first with a form to add an entry, and its visit assignments with a
// form to assign one and a way to cancel. Everything is read from and written to the server, not
// the device: the page says plainly when it cannot reach it, and forms keep what was typed.
import { useEffect, useState } from 'preact/hooks';
import type { Assignment, IntelligenceEntry, ProviderRecord } from '../../shared/briefings/register';
import type { UserSummary } from '../../shared/users/api-schemas';
import { BackLink, Page } from '../components/Page';
import { formatDate, formatDateTime } from '../components/format';
import { SummaryList, SummaryRow } from '../components/SummaryList';
import { cqcLabel, entryDetail, ragClass, ragLabel, serviceTypeLabel } from '../briefings/labels';
import { syncNow } from '../sync/control';
import { OFFICE_IMPORT_PATH } from './access';
import {
  addIntelligence,
  loadAssignments,
  loadIntelligence,
  loadPeople,
  loadProvider,
  newestFirst,
  type Outcome,
} from './api';
import { AssignmentsSection } from './AssignmentsSection';
import { ProviderTimeline } from './ProviderTimeline';
import { EscalationSection } from './EscalationSection';
import { MonitoringSection } from './MonitoringSection';
import { levelText, nextDue } from '../briefings/next-due';
import { IntelligenceForm } from './IntelligenceForm';
import { KEY_QUESTIONS, KIND_OPTIONS } from './intelligence-form';

type Loaded = {
  provider: ProviderRecord;
  entries: IntelligenceEntry[];
  assignments: Assignment[];
  people: Outcome<UserSummary[]>;
};

export function ProviderOfficePage(props: { providerId: string }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<{ message: string; notFound: boolean } | null>(null);
  const [tries, setTries] = useState(0);
  // Counts changes made on this page that the history shows (reviews, escalations), to reload it.
  const [historyChanges, setHistoryChanges] = useState(0);

  useEffect(() => {
    let live = true;
    setFailure(null);
    void Promise.all([
      loadProvider(props.providerId),
      loadIntelligence(props.providerId),
      loadAssignments(props.providerId),
      loadPeople(),
    ]).then(([provider, entries, assignments, people]) => {
      if (!live) return;
      const failed = [provider, entries, assignments].find((r) => !r.ok);
      if (failed && !failed.ok)
        return setFailure({ message: failed.message, notFound: !provider.ok && provider.status === 404 });
      if (provider.ok && entries.ok && assignments.ok)
        setData({ provider: provider.value, entries: entries.value, assignments: assignments.value, people });
    });
    return () => void (live = false);
  }, [props.providerId, tries]);

  if (failure) {
    return (
      <>
        <BackLink href="/providers">Providers</BackLink>
        <Page title={failure.notFound ? 'Provider not found' : 'Provider office page'}>
          <p role="alert">
            {failure.notFound ? 'There is no provider with that id on the register.' : failure.message}
          </p>
          {!failure.notFound && (
            <button type="button" class="button secondary" onClick={() => setTries((n) => n + 1)}>
              Try again
            </button>
          )}
        </Page>
      </>
    );
  }
  if (!data) return <p>Loading…</p>;
  const { provider, entries, people } = data;
  const due = nextDue(provider);
  const personName = (id: string) =>
    (people.ok ? people.value.find((p) => p.id === id)?.name : undefined) ?? 'An officer outside your team';

  const onEntry = (entry: IntelligenceEntry) => {
    setData((d) => (d ? { ...d, entries: newestFirst([entry, ...d.entries]) } : d));
    syncNow(); // the recompiled briefing comes to this device with the next pull
  };
  const onAssignment = (a: Assignment) => {
    setData((d) => (d ? { ...d, assignments: [a, ...d.assignments.filter((x) => x.id !== a.id)] } : d));
    syncNow();
  };

  return (
    <>
      <BackLink href="/office/providers">Provider register</BackLink>
      <Page title={provider.name} caption="Provider: office record">
        <p>
          <a href={`/providers/${encodeURIComponent(provider.id)}/briefing`}>Pre-visit briefing</a> ·{' '}
          <a href={OFFICE_IMPORT_PATH}>Import from a CSV file</a>
        </p>
        <section aria-labelledby="register">
          <h2 id="register">Register</h2>
          <SummaryList>
            <SummaryRow label="Register id">{provider.id}</SummaryRow>
            <SummaryRow label="RAG rating">
              <span class={ragClass[provider.rag]}>{ragLabel[provider.rag]}</span>
              {provider.ragReason ? ` ${provider.ragReason}` : ''}
              {provider.ragChangedAt ? ` (since ${formatDate(provider.ragChangedAt)})` : ''}
            </SummaryRow>
            <SummaryRow label="Monitoring level">{levelText(provider.monitoringLevel)}</SummaryRow>
            <SummaryRow label="Service type">{serviceTypeLabel[provider.serviceType]}</SummaryRow>
            <SummaryRow label="CQC location id">{provider.cqcLocationId ?? 'Not recorded'}</SummaryRow>
            <SummaryRow label="Address">{provider.address || 'Not recorded'}</SummaryRow>
            <SummaryRow label="Registered manager">{provider.registeredManager || 'Not recorded'}</SummaryRow>
            <SummaryRow label="Capacity">
              {provider.capacity === null ? 'Not recorded' : `${provider.capacity} places`}
            </SummaryRow>
            <SummaryRow label="Contract">
              {provider.contract ? contractText(provider.contract) : 'No contract recorded'}
            </SummaryRow>
            <SummaryRow label="Allocated officer">
              {provider.allocatedOfficerId ? personName(provider.allocatedOfficerId) : 'None'}
            </SummaryRow>
            <SummaryRow label="Last visit">
              {provider.lastVisitDate ? formatDate(provider.lastVisitDate) : 'No visit recorded'}
            </SummaryRow>
            <SummaryRow label={due.label}>{due.date ? formatDate(due.date) : 'Not scheduled'}</SummaryRow>
          </SummaryList>
        </section>
        <MonitoringSection
          providerId={provider.id}
          version={entries.length}
          onDecided={(p) => {
            setData((d) => (d ? { ...d, provider: p } : d));
            setHistoryChanges((n) => n + 1);
          }}
        />
        <EscalationSection
          providerId={provider.id}
          onChanged={() => {
            setHistoryChanges((n) => n + 1);
            syncNow();
          }}
        />
        <section aria-labelledby="intelligence">
          <h2 id="intelligence">
            Intelligence <span class="count">({entries.length})</span>
          </h2>
          {entries.length === 0 ? (
            <p>No intelligence recorded for this provider.</p>
          ) : (
            <ul class="visit-list" data-testid="intelligence-list">
              {entries.map((e) => (
                <li key={e.id} data-testid="intelligence-entry">
                  <strong>
                    {KIND_OPTIONS.find((k) => k.value === e.kind)?.label}, {formatDate(e.date)}
                  </strong>
                  <span class="tag grey">{entryDetail(e)}</span>
                  <span class="meta">
                    {e.kind === 'cqc-inspection' &&
                      `${KEY_QUESTIONS.map((q) => `${q.label}: ${cqcLabel[e.keyQuestions[q.field]]}`).join(' · ')}. `}
                    {e.summary && `${e.summary} `}
                    (recorded by {e.recordedBy || 'unknown'}, {formatDateTime(e.recordedAt)})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-intelligence">
          <h2 id="add-intelligence">Add intelligence</h2>
          <IntelligenceForm onSave={(entry) => addIntelligence(provider.id, entry)} onSaved={onEntry} />
        </section>
        <AssignmentsSection
          providerId={provider.id}
          serviceType={provider.serviceType}
          assignments={data.assignments}
          people={people}
          onChanged={onAssignment}
        />
        <ProviderTimeline providerId={provider.id} version={entries.length + historyChanges} />
      </Page>
    </>
  );
}

function contractText(c: NonNullable<ProviderRecord['contract']>): string {
  const value = c.annualValue === null ? '' : `, £${c.annualValue.toLocaleString('en-GB')} a year`;
  return `${c.reference}${value}, from ${formatDate(c.start)}${c.end ? ` to ${formatDate(c.end)}` : ''}`;
}
