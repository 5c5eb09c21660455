// A provider's monitoring level and RAG on its office page (issue 15): where it stands, what the
// risk matrix suggests and why (GET /api/providers/:id/monitoring-reviews), and the decision: QA
// (or the manager of the allocated officer's team) confirms the suggestion, or sets another level
// or RAG with a written reason. The decision is kept in the provider's history; devices receive
// the new level and RAG with their next sync. Needs the network; a failure says so and keeps the form.
import { useEffect, useState } from 'preact/hooks';
import type { ProviderRecord, Rag } from '../../shared/briefings/register';
import type { MonitoringState } from '../../shared/providers/api-schemas';
import { ErrorSummary, StatusMessage } from '../components/Page';
import { Radios } from '../components/choices';
import { Select, TextArea } from '../components/fields';
import { formatDate } from '../components/format';
import { SummaryList, SummaryRow } from '../components/SummaryList';
import { ragClass, ragLabel } from '../briefings/labels';
import { levelText, nextDue } from '../briefings/next-due';
import { syncNow } from '../sync/control';
import { decideMonitoring, loadMonitoring } from './monitoring-api';
import { useOfficeForm } from './office-form';

const REASON_MAX = 1000;
const ID = {
  choice: 'monitoring-choice',
  level: 'monitoring-level',
  rag: 'monitoring-rag',
  reason: 'monitoring-reason',
} as const;
type Field = keyof typeof ID;
/** In the order the form shows them. */
const FIELDS = Object.keys(ID) as Field[];
type Draft = { choice: '' | 'confirm' | 'override'; level: string; rag: string; reason: string };
const EMPTY: Draft = { choice: '', level: '', rag: '', reason: '' };

export function validateDecision(d: Draft, suggested: { level: number; rag: Rag }): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (d.choice === '') errors.choice = 'Select whether you confirm the suggestion or set a different level or RAG';
  if (d.choice === 'override') {
    if (d.level === '') errors.level = 'Select the monitoring level';
    if (d.rag === '') errors.rag = 'Select the RAG rating';
    if (Number(d.level) === suggested.level && d.rag === suggested.rag)
      errors.level = 'That is the suggestion: confirm it, or choose a different level or RAG';
    if (d.reason.trim() === '') errors.reason = 'Give the reason for a level or RAG different from the suggestion';
  }
  if (d.reason.trim().length > REASON_MAX)
    errors.reason = `The reason must be ${REASON_MAX.toLocaleString('en-GB')} characters or fewer`;
  return errors;
}

const standing = (level: number, rag: Rag) => `level ${level}, ${ragLabel[rag]}`;

export function MonitoringSection(props: {
  providerId: string;
  /** Changes when the page learns of new evidence (intelligence added): the suggestion is asked for again. */
  version: number;
  onDecided: (provider: ProviderRecord) => void;
}) {
  const [state, setState] = useState<MonitoringState | null>(null);
  const [loadFailure, setLoadFailure] = useState('');
  const [tries, setTries] = useState(0);
  const [status, setStatus] = useState('');

  useEffect(() => {
    let live = true;
    void loadMonitoring(props.providerId).then((r) => {
      if (!live) return;
      if (r.ok) {
        setState(r.value);
        setLoadFailure('');
      } else setLoadFailure(r.message);
    });
    return () => void (live = false);
  }, [props.providerId, props.version, tries]);

  const heading = (
    <h2 id="monitoring">
      Monitoring level and RAG <span class="count">(risk matrix)</span>
    </h2>
  );
  if (state === null)
    return (
      <section aria-labelledby="monitoring">
        {heading}
        {loadFailure ? (
          <>
            <p role="alert">{loadFailure}</p>
            <button type="button" class="button secondary" onClick={() => setTries((n) => n + 1)}>
              Try again
            </button>
          </>
        ) : (
          <p>Loading…</p>
        )}
      </section>
    );

  const { provider, suggestion, reviews } = state;
  // A level set on the register is kept in the history but is no review of the evidence.
  const last = reviews.find((r) => r.decision !== 'register-change');
  const due = nextDue(provider);
  const unchanged = suggestion.level === provider.monitoringLevel && suggestion.rag === provider.rag;
  return (
    <section aria-labelledby="monitoring">
      {heading}
      {status && <StatusMessage>{status}</StatusMessage>}
      <SummaryList>
        <SummaryRow label="Now">
          {levelText(provider.monitoringLevel)} · RAG{' '}
          <span class={ragClass[provider.rag]}>{ragLabel[provider.rag]}</span>
        </SummaryRow>
        <SummaryRow label="Last review">
          {last
            ? `${formatDate(last.on)} by ${last.by} (suggestion ${last.decision === 'confirmed' ? 'confirmed' : 'overridden'})`
            : 'Never reviewed'}
        </SummaryRow>
        <SummaryRow label={due.label}>{due.date ? formatDate(due.date) : 'Not scheduled'}</SummaryRow>
      </SummaryList>
      <h3 id="suggestion-heading">Suggested by the risk matrix</h3>
      <p data-testid="suggestion">
        <strong>Level {suggestion.level}</strong>, RAG{' '}
        <span class={ragClass[suggestion.rag]}>{ragLabel[suggestion.rag]}</span>{' '}
        {unchanged ? '(as now)' : `(now ${standing(provider.monitoringLevel, provider.rag)})`}
      </p>
      <ul class="visit-list" aria-label="Why the risk matrix suggests this" data-testid="suggestion-reasons">
        {suggestion.reasons.map((r, i) => (
          <li key={`${r.criterion}-${i}`}>
            {r.rag && <span class={ragClass[r.rag]}>{ragLabel[r.rag]}</span>} {r.text}
          </li>
        ))}
      </ul>
      {!state.mayDecide ? (
        <p>Only the QA manager, or the manager of the allocated officer’s team, can confirm or change these.</p>
      ) : (
        <ReviewForm
          providerId={props.providerId}
          suggestion={suggestion}
          onStart={() => setStatus('')}
          onStale={() => setTries((n) => n + 1)}
          onDecided={(decided, confirmed) => {
            const now = decided.provider;
            setState(decided);
            setStatus(
              `Review recorded: ${standing(now.monitoringLevel, now.rag)}${confirmed ? ', as suggested' : ''}. Devices get it with their next sync.`,
            );
            props.onDecided(now);
            syncNow();
          }}
        />
      )}
    </section>
  );
}

/** The decision on the risk matrix's suggestion: confirm it, or set another level or RAG with the reason. */
function ReviewForm(props: {
  providerId: string;
  suggestion: MonitoringState['suggestion'];
  /** As a decision is sent: the message about the last one goes. */
  onStart: () => void;
  /** The suggestion changed on the server since the page asked for it (409): ask again, to show it as it now stands. */
  onStale: () => void;
  onDecided: (state: MonitoringState, confirmed: boolean) => void;
}) {
  const { suggestion } = props;
  const suggested = { level: suggestion.level, rag: suggestion.rag };
  const form = useOfficeForm<Draft, MonitoringState>({
    empty: () => EMPTY,
    idOf: (field) => ID[field],
    submitId: 'monitoring-submit',
    onStart: props.onStart,
    validate: (d) => validateDecision(d, suggested),
    send: (d) => {
      const confirm = d.choice === 'confirm';
      return decideMonitoring(props.providerId, {
        level: confirm ? suggested.level : Number(d.level),
        rag: confirm ? suggested.rag : (d.rag as Rag),
        reason: d.reason.trim(),
        suggested,
      });
    },
    onFailed: (failure) => {
      if (failure.status === 409) props.onStale();
    },
    onSaved: (decided, sent) => props.onDecided(decided, sent.choice === 'confirm'),
  });
  const override = form.draft.choice === 'override';
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby="decide-heading">
      <h3 id="decide-heading">Review the level and RAG</h3>
      <ErrorSummary key={form.attempt} errors={form.summary(FIELDS)} />
      <Radios
        {...form.field('choice')}
        legend="Your decision"
        options={[
          { value: 'confirm', label: `Confirm the suggestion: ${standing(suggestion.level, suggestion.rag)}` },
          { value: 'override', label: 'Set a different level or RAG' },
        ]}
      />
      {override && (
        <>
          <Select
            {...form.field('level')}
            label="Monitoring level"
            placeholder="Choose a level"
            options={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: levelText(l) }))}
          />
          <Radios
            {...form.field('rag')}
            inline
            legend="RAG rating"
            options={(['green', 'amber', 'red'] as const).map((r) => ({ value: r, label: ragLabel[r] }))}
          />
        </>
      )}
      <TextArea
        {...form.field('reason')}
        label={override ? 'Reason for not following the suggestion' : 'Note (optional)'}
        hint="Kept in the provider’s history with the suggestion and its reasons."
        rows={3}
      />
      <button id="monitoring-submit" type="submit" class="button" disabled={form.busy}>
        Record the review
      </button>
    </form>
  );
}
