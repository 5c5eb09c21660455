// A provider's monitoring level and RAG on its office page (issue 15): where it stands, what the
// risk matrix suggests and why (GET /api/providers/:id/monitoring-reviews), and the decision: QA
// (or the manager of the allocated officer's team) confirms the suggestion, or sets another level
// or RAG with a written reason. The decision is kept in the provider's history; devices receive
// the new level and RAG with their next sync. Needs the network; a failure says so and keeps the form.
import { useEffect, useState } from 'preact/hooks';
import type { ProviderRecord, Rag } from '../../shared/briefings/register';
import type { MonitoringState } from '../../shared/providers/api-schemas';
import { ErrorSummary } from '../components/Page';
import { Radios } from '../components/choices';
import { Select, TextArea } from '../components/fields';
import { formatDate } from '../components/format';
import { SummaryList, SummaryRow } from '../components/SummaryList';
import { ragClass } from '../briefings/labels';
import { levelText, nextDue } from '../briefings/next-due';
import { syncNow } from '../sync/control';
import { decideMonitoring, loadMonitoring } from './monitoring-api';

const RAG_LABEL: Record<Rag, string> = { green: 'Green', amber: 'Amber', red: 'Red' };
const REASON_MAX = 1000;
const ID = {
  choice: 'monitoring-choice',
  level: 'monitoring-level',
  rag: 'monitoring-rag',
  reason: 'monitoring-reason',
} as const;
type Field = keyof typeof ID;
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

const standing = (level: number, rag: Rag) => `level ${level}, ${RAG_LABEL[rag]}`;

export function MonitoringSection(props: {
  providerId: string;
  /** Changes when the page learns of new evidence (intelligence added): the suggestion is asked for again. */
  version: number;
  onDecided: (provider: ProviderRecord) => void;
}) {
  const [state, setState] = useState<MonitoringState | null>(null);
  const [loadFailure, setLoadFailure] = useState('');
  const [tries, setTries] = useState(0);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
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

  const set = (field: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy || state === null) return;
    setStatus('');
    setFailure('');
    const suggested = { level: state.suggestion.level, rag: state.suggestion.rag };
    const found = validateDecision(draft, suggested);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    const confirm = draft.choice === 'confirm';
    setBusy(true);
    const result = await decideMonitoring(props.providerId, {
      level: confirm ? suggested.level : Number(draft.level),
      rag: confirm ? suggested.rag : (draft.rag as Rag),
      reason: draft.reason.trim(),
      suggested,
    });
    setBusy(false);
    setAttempt((n) => n + 1);
    if (!result.ok) {
      const fromServer: Partial<Record<Field, string>> = {};
      for (const issue of result.issues) if (issue.path in ID) fromServer[issue.path as Field] ??= issue.message;
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(result.message);
      if (result.status === 409) setTries((n) => n + 1); // show the suggestion as it now stands
      return;
    }
    const now = result.value.provider;
    setState(result.value);
    setDraft(EMPTY);
    setStatus(
      `Review recorded: ${standing(now.monitoringLevel, now.rag)}${confirm ? ', as suggested' : ''}. Devices get it with their next sync.`,
    );
    props.onDecided(now);
    syncNow();
  }

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
  const last = reviews[0];
  const due = nextDue(provider);
  const unchanged = suggestion.level === provider.monitoringLevel && suggestion.rag === provider.rag;
  const summary = [
    ...(failure ? [{ href: '#monitoring-submit', message: failure }] : []),
    ...(Object.keys(ID) as Field[]).flatMap((f) => (errors[f] ? [{ href: `#${ID[f]}`, message: errors[f]! }] : [])),
  ];
  return (
    <section aria-labelledby="monitoring">
      {heading}
      {status && (
        <div class="notification" role="status">
          <p>{status}</p>
        </div>
      )}
      <SummaryList>
        <SummaryRow label="Now">
          {levelText(provider.monitoringLevel)} · RAG{' '}
          <span class={ragClass[provider.rag]}>{RAG_LABEL[provider.rag]}</span>
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
        <span class={ragClass[suggestion.rag]}>{RAG_LABEL[suggestion.rag]}</span>{' '}
        {unchanged ? '(as now)' : `(now ${standing(provider.monitoringLevel, provider.rag)})`}
      </p>
      <ul class="visit-list" aria-label="Why the risk matrix suggests this" data-testid="suggestion-reasons">
        {suggestion.reasons.map((r, i) => (
          <li key={`${r.criterion}-${i}`}>
            {r.rag && <span class={ragClass[r.rag]}>{RAG_LABEL[r.rag]}</span>} {r.text}
          </li>
        ))}
      </ul>
      {!state.mayDecide ? (
        <p>Only the QA manager, or the manager of the allocated officer’s team, can confirm or change these.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-labelledby="decide-heading">
          <h3 id="decide-heading">Review the level and RAG</h3>
          <ErrorSummary key={attempt} errors={summary} />
          <Radios
            id={ID.choice}
            legend="Your decision"
            value={draft.choice}
            error={errors.choice}
            onChange={set('choice')}
            options={[
              { value: 'confirm', label: `Confirm the suggestion: ${standing(suggestion.level, suggestion.rag)}` },
              { value: 'override', label: 'Set a different level or RAG' },
            ]}
          />
          {draft.choice === 'override' && (
            <>
              <Select
                id={ID.level}
                label="Monitoring level"
                placeholder="Choose a level"
                value={draft.level}
                error={errors.level}
                onChange={set('level')}
                options={[1, 2, 3, 4, 5].map((l) => ({ value: String(l), label: levelText(l) }))}
              />
              <Radios
                id={ID.rag}
                inline
                legend="RAG rating"
                value={draft.rag}
                error={errors.rag}
                onChange={set('rag')}
                options={(['green', 'amber', 'red'] as const).map((r) => ({ value: r, label: RAG_LABEL[r] }))}
              />
            </>
          )}
          <TextArea
            id={ID.reason}
            label={draft.choice === 'override' ? 'Reason for not following the suggestion' : 'Note (optional)'}
            hint="Kept in the provider’s history with the suggestion and its reasons."
            rows={3}
            value={draft.reason}
            error={errors.reason}
            onChange={set('reason')}
          />
          <button id="monitoring-submit" type="submit" class="button" disabled={busy}>
            Record the review
          </button>
        </form>
      )}
    </section>
  );
}
