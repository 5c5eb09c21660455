// Moving one action on from the tracker: a status and the evidence for it (required to mark it
// done or verified, as the server insists). Keeps what was typed when the save fails.
import { useId, useState } from 'preact/hooks';
import type { ActionStatus, VisitAction } from '../../shared/briefings/register';
import { describeFailure } from '../office/api';
import { requestJson } from '../lib/http';

const OPTIONS: { value: ActionStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'verified', label: 'Verified' },
];

export function ActionUpdateForm(props: { action: VisitAction; onSaved: (action: VisitAction) => void }) {
  const id = useId();
  const [status, setStatus] = useState<ActionStatus>(props.action.status);
  const [evidence, setEvidence] = useState(props.action.evidence ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(event: Event) {
    event.preventDefault();
    if ((status === 'done' || status === 'verified') && evidence.trim() === '')
      return setError('Say what shows the action is complete');
    setBusy(true);
    const result = await requestJson('PATCH', `/api/actions/${encodeURIComponent(props.action.id)}`, {
      status,
      evidence,
    });
    setBusy(false);
    if (result.kind === 'response' && result.status === 200) {
      setError('');
      props.onSaved(result.body as VisitAction);
    } else setError(describeFailure(result, 'The action was not updated').message);
  }

  return (
    <details>
      <summary>
        Update<span class="visually-hidden"> {props.action.title}</span>
      </summary>
      <form onSubmit={(e) => void save(e)}>
        <label class="label small" for={`${id}-status`}>
          Status
        </label>
        <select
          id={`${id}-status`}
          class="select"
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as ActionStatus)}
        >
          {OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <label class="label small" for={`${id}-evidence`}>
          Evidence
        </label>
        <textarea
          id={`${id}-evidence`}
          class="textarea"
          rows={3}
          value={evidence}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onInput={(e) => setEvidence(e.currentTarget.value)}
        />
        {error && (
          <p class="error-message" id={`${id}-error`} role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button small" disabled={busy}>
          Save
        </button>
      </form>
    </details>
  );
}
