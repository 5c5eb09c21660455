// One escalation (seed 004 §22) as people read it: what triggered it and why, since when, the steps
// taken with their dates and owners, and how it ended when it has. Shown in the officer's briefing
// (from the device, offline) and on the provider's office page.
import type { Escalation } from '../../shared/escalations/schema';
import { OUTCOME_LABELS, STEP_LABELS, TRIGGER_LABELS } from '../../shared/escalations/labels';
import { formatDate } from '../components/format';

export function EscalationSummary(props: { escalation: Escalation; stepsLabel: string }) {
  const e = props.escalation;
  return (
    <>
      <p data-testid="escalation-summary">
        <strong>{TRIGGER_LABELS[e.trigger]}</strong>, in escalation since {formatDate(e.openedOn)}
        {e.closure ? ` until ${formatDate(e.closure.closedOn)}` : ''}. {e.reason}
        <span class="meta"> Opened by {e.openedBy || 'unknown'}.</span>
      </p>
      {e.steps.length === 0 ? (
        <p>No steps recorded yet.</p>
      ) : (
        <ol class="visit-list" aria-label={props.stepsLabel}>
          {e.steps.map((s) => (
            <li key={s.id} data-testid="escalation-step">
              <strong>
                {formatDate(s.date)} · {STEP_LABELS[s.kind]}
              </strong>
              <span class="meta">
                Owner {s.owner}
                {s.note ? ` · ${s.note}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {e.closure && (
        <p>
          Closed {formatDate(e.closure.closedOn)}: <strong>{OUTCOME_LABELS[e.closure.outcome]}</strong>.{' '}
          {e.closure.summary}
          <span class="meta"> Closed by {e.closure.closedBy || 'unknown'}.</span>
        </p>
      )}
    </>
  );
}
