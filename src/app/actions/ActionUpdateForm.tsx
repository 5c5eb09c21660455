// Moving one action on from the tracker: a status and the evidence for it (required to mark it
// done or verified, as the server insists). Keeps what was typed when the save fails.
import { useId, useState } from 'preact/hooks';
import type { ActionStatus, VisitAction } from '../../shared/briefings/register';
import { Select, TextArea } from '../components/fields';
import { updateAction } from '../office/api';

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
    const result = await updateAction(props.action.id, { status, evidence });
    setBusy(false);
    if (result.ok) {
      setError('');
      props.onSaved(result.value);
    } else setError(result.message);
  }

  return (
    <details class="details">
      <summary>
        Update<span class="visually-hidden"> {props.action.title}</span>
      </summary>
      <form onSubmit={(e) => void save(e)}>
        <Select
          id={`${id}-status`}
          label="Status"
          small
          options={OPTIONS}
          value={status}
          onChange={(value) => setStatus(value as ActionStatus)}
        />
        <TextArea
          id={`${id}-evidence`}
          label="Evidence"
          small
          rows={3}
          value={evidence}
          error={error}
          alert
          onChange={setEvidence}
        />
        <button type="submit" class="button small" disabled={busy}>
          Save
        </button>
      </form>
    </details>
  );
}
