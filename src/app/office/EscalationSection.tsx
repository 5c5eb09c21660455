// A provider's escalation on its office page (seed 004 §22): the open one with its steps, a form to
// record a step and one to close it with an outcome; or, when there is none, a form to put the
// provider into escalation; then the earlier, closed ones. Read from and written to the server
// (QA and managers); a failed send says so and keeps what was typed. The server refuses a second
// open escalation and anything dated after today, and each change reaches officers' briefings
// with their next sync.
import { useEffect, useState } from 'preact/hooks';
import type {
  Escalation,
  EscalationOutcome,
  EscalationStepKind,
  EscalationTrigger,
} from '../../shared/escalations/schema';
import { OUTCOME_LABELS, STEP_LABELS, TRIGGER_LABELS } from '../../shared/escalations/labels';
import { calendarDay } from '../../shared/calendar';
import { ErrorSummary } from '../components/Page';
import { formatDate } from '../components/format';
import { DateInput, optionsOf, Select, TextArea, TextInput } from '../components/fields';
import { Radios } from '../components/choices';
import { EscalationSummary } from '../briefings/EscalationSummary';
import type { Outcome } from './api';
import { addEscalationStep, closeEscalation, loadEscalations, openEscalation } from './escalations-api';
import {
  type CloseDraft,
  type Errors,
  type OpenDraft,
  type StepDraft,
  validateClose,
  validateOpen,
  validateStep,
} from './escalation-form';

const today = () => calendarDay(new Date());

/** A form's state: draft, errors (checked here or named by the server), a failure and its progress. */
function useEscalationForm<D extends Record<string, string>>(
  empty: () => D,
  validate: (draft: D) => Errors<D>,
  send: (draft: D) => Promise<Outcome<Escalation>>,
  onSaved: (e: Escalation) => void,
) {
  const [draft, setDraft] = useState<D>(empty);
  const [errors, setErrors] = useState<Errors<D>>({});
  const [failure, setFailure] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof D & string) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setFailure('');
    const found = validate(draft);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await send(draft);
    setBusy(false);
    setAttempt((n) => n + 1);
    if (!result.ok) {
      const fromServer: Errors<D> = {};
      for (const issue of result.issues)
        if (issue.path in draft) fromServer[issue.path as keyof D & string] ??= issue.message;
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(result.message);
      return;
    }
    setDraft(empty());
    setErrors({});
    onSaved(result.value);
  }
  /** The error summary's links, each to its field (`prefix` + field), and the failure to the button. */
  const summary = (prefix: string, order: ReadonlyArray<keyof D & string>) => [
    ...(failure ? [{ href: `#${prefix}submit`, message: failure }] : []),
    ...order.flatMap((f) => (errors[f] ? [{ href: `#${prefix}${f}`, message: errors[f]! }] : [])),
  ];
  return { draft, errors, attempt, busy, set, submit, summary };
}

export function EscalationSection(props: { providerId: string; onChanged: () => void }) {
  const [list, setList] = useState<Escalation[] | null>(null);
  const [failure, setFailure] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    void loadEscalations(props.providerId).then((r) => live && (r.ok ? setList(r.value) : setFailure(r.message)));
    return () => void (live = false);
  }, [props.providerId]);

  const saved = (e: Escalation, message: string) => {
    setList((old) => [e, ...(old ?? []).filter((x) => x.id !== e.id)].sort(newestFirst));
    setStatus(message);
    props.onChanged();
  };
  const open = list?.find((e) => e.status === 'open') ?? null;
  const closed = (list ?? []).filter((e) => e.status === 'closed');

  return (
    <section aria-labelledby="escalation">
      <h2 id="escalation">
        Escalation{' '}
        {open ? <span class="tag red">In escalation</span> : list && <span class="tag grey">Not in escalation</span>}
      </h2>
      {status && (
        <div class="notification" role="status">
          <p>{status}</p>
        </div>
      )}
      {failure && <p role="alert">{failure}</p>}
      {!list && !failure && <p>Loading…</p>}
      {list && open && (
        <>
          <EscalationSummary escalation={open} stepsLabel="Steps taken, oldest first" />
          <StepForm escalation={open} onSaved={(e) => saved(e, 'Step recorded.')} />
          <CloseForm
            escalation={open}
            onSaved={(e) => saved(e, `Escalation closed: ${OUTCOME_LABELS[e.closure?.outcome ?? 'other']}.`)}
          />
        </>
      )}
      {list && !open && (
        <OpenForm
          providerId={props.providerId}
          onSaved={(e) => saved(e, `In escalation since ${formatDate(e.openedOn)}.`)}
        />
      )}
      {closed.length > 0 && (
        <>
          <h3>Earlier escalations</h3>
          <ul class="entry-list" data-testid="closed-escalations">
            {closed.map((e) => (
              <li key={e.id}>
                <EscalationSummary
                  escalation={e}
                  stepsLabel={`Steps of the escalation opened ${formatDate(e.openedOn)}`}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

const newestFirst = (a: Escalation, b: Escalation) =>
  b.openedOn.localeCompare(a.openedOn) || b.openedAt.localeCompare(a.openedAt);

const TRIGGER_OPTIONS = optionsOf(TRIGGER_LABELS);
const STEP_OPTIONS = optionsOf(STEP_LABELS);
const OUTCOME_OPTIONS = optionsOf(OUTCOME_LABELS);

function OpenForm(props: { providerId: string; onSaved: (e: Escalation) => void }) {
  const form = useEscalationForm<OpenDraft>(
    () => ({ trigger: '', reason: '', openedOn: today() }),
    (d) => validateOpen(d, today()),
    (d) =>
      openEscalation(props.providerId, {
        trigger: d.trigger as EscalationTrigger,
        reason: d.reason.trim(),
        openedOn: d.openedOn,
      }),
    props.onSaved,
  );
  const p = 'esc-open-';
  return (
    <>
      <h3 id="esc-open-heading">Put into escalation</h3>
      <form onSubmit={form.submit} noValidate aria-labelledby="esc-open-heading">
        <ErrorSummary key={form.attempt} errors={form.summary(p, ['trigger', 'reason', 'openedOn'])} />
        <Radios
          id={`${p}trigger`}
          legend="What triggered it?"
          value={form.draft.trigger}
          error={form.errors.trigger}
          onChange={form.set('trigger')}
          options={TRIGGER_OPTIONS}
        />
        <TextArea
          id={`${p}reason`}
          label="Reason"
          hint="What happened, and why it needs the escalation procedure."
          rows={3}
          value={form.draft.reason}
          error={form.errors.reason}
          onChange={form.set('reason')}
        />
        <DateInput
          id={`${p}openedOn`}
          label="Date it went into escalation"
          value={form.draft.openedOn}
          error={form.errors.openedOn}
          onChange={form.set('openedOn')}
        />
        <button id={`${p}submit`} type="submit" class="button warning" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Put into escalation'}
        </button>
      </form>
    </>
  );
}

function StepForm(props: { escalation: Escalation; onSaved: (e: Escalation) => void }) {
  const form = useEscalationForm<StepDraft>(
    () => ({ kind: '', date: today(), owner: '', note: '' }),
    (d) => validateStep(d, props.escalation, today()),
    (d) =>
      addEscalationStep(props.escalation.id, {
        kind: d.kind as EscalationStepKind,
        date: d.date,
        owner: d.owner.trim(),
        note: d.note.trim(),
      }),
    props.onSaved,
  );
  const p = 'esc-step-';
  return (
    <>
      <h3 id="esc-step-heading">Record a step</h3>
      <form onSubmit={form.submit} noValidate aria-labelledby="esc-step-heading">
        <ErrorSummary key={form.attempt} errors={form.summary(p, ['kind', 'date', 'owner', 'note'])} />
        <Select
          id={`${p}kind`}
          label="Step"
          placeholder="Choose a step"
          options={STEP_OPTIONS}
          value={form.draft.kind}
          error={form.errors.kind}
          onChange={form.set('kind')}
        />
        <DateInput
          id={`${p}date`}
          label="Date of the step"
          value={form.draft.date}
          error={form.errors.date}
          onChange={form.set('date')}
        />
        <TextInput
          id={`${p}owner`}
          label="Owner"
          hint="Who is responsible for it: a name, a role or a team."
          value={form.draft.owner}
          error={form.errors.owner}
          onChange={form.set('owner')}
        />
        <TextArea
          id={`${p}note`}
          label="Note on the step (optional)"
          rows={2}
          value={form.draft.note}
          error={form.errors.note}
          onChange={form.set('note')}
        />
        <button id={`${p}submit`} type="submit" class="button" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Record step'}
        </button>
      </form>
    </>
  );
}

function CloseForm(props: { escalation: Escalation; onSaved: (e: Escalation) => void }) {
  const form = useEscalationForm<CloseDraft>(
    () => ({ outcome: '', summary: '', closedOn: today() }),
    (d) => validateClose(d, props.escalation, today()),
    (d) =>
      closeEscalation(props.escalation.id, {
        outcome: d.outcome as EscalationOutcome,
        summary: d.summary.trim(),
        closedOn: d.closedOn,
      }),
    props.onSaved,
  );
  const p = 'esc-close-';
  return (
    <>
      <h3 id="esc-close-heading">Close the escalation</h3>
      <form onSubmit={form.submit} noValidate aria-labelledby="esc-close-heading">
        <ErrorSummary key={form.attempt} errors={form.summary(p, ['outcome', 'summary', 'closedOn'])} />
        <Radios
          id={`${p}outcome`}
          legend="Outcome"
          value={form.draft.outcome}
          error={form.errors.outcome}
          onChange={form.set('outcome')}
          options={OUTCOME_OPTIONS}
        />
        <TextArea
          id={`${p}summary`}
          label="What was found and decided"
          rows={3}
          value={form.draft.summary}
          error={form.errors.summary}
          onChange={form.set('summary')}
        />
        <DateInput
          id={`${p}closedOn`}
          label="Closing date"
          value={form.draft.closedOn}
          error={form.errors.closedOn}
          onChange={form.set('closedOn')}
        />
        <button id={`${p}submit`} type="submit" class="button secondary" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Close escalation'}
        </button>
      </form>
    </>
  );
}
