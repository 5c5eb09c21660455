// A provider's escalation on its office page (seed 004 §22): the open one with its steps, a form to
// record a step and one to close it with an outcome; or, when there is none, a form to put the
// provider into escalation; then the earlier, closed ones. Read from and written to the server
// (QA and managers); a failed send says so and keeps what was typed. The server refuses a second
// open escalation and anything dated after today, and each change reaches officers' briefings
// with their next sync.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type {
  Escalation,
  EscalationOutcome,
  EscalationStepKind,
  EscalationTrigger,
} from '../../shared/escalations/schema';
import { OUTCOME_LABELS, STEP_LABELS, TRIGGER_LABELS } from '../../shared/escalations/labels';
import { calendarDay } from '../../shared/calendar';
import { ErrorSummary, StatusMessage } from '../components/Page';
import { formatDate } from '../components/format';
import { DateInput, optionsOf, Select, TextArea, TextInput } from '../components/fields';
import { Radios } from '../components/choices';
import { EscalationSummary } from '../briefings/EscalationSummary';
import { addEscalationStep, closeEscalation, loadEscalations, openEscalation } from './escalations-api';
import {
  type CloseDraft,
  type OpenDraft,
  type StepDraft,
  validateClose,
  validateOpen,
  validateStep,
} from './escalation-form';
import { type OfficeForm, useOfficeForm } from './office-form';

const today = () => calendarDay(new Date());

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
      {status && <StatusMessage>{status}</StatusMessage>}
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

type FormName = 'open' | 'step' | 'close';

/** The ids of a form's controls and button: `esc-open-reason`, `esc-open-submit`. */
const idsOf = (name: FormName) => ({
  idOf: (field: string) => `esc-${name}-${field}`,
  submitId: `esc-${name}-submit`,
});

/** One escalation form under its heading: the error summary, the fields, and the button (which waits while sending). */
function EscalationForm<D extends Record<string, string>>(props: {
  name: FormName;
  heading: string;
  form: OfficeForm<D>;
  /** The fields in the order the form shows them, as the error summary lists them. */
  order: ReadonlyArray<keyof D & string>;
  button: string;
  buttonClass: string;
  children: ComponentChildren;
}) {
  const { form } = props;
  const headingId = `esc-${props.name}-heading`;
  return (
    <>
      <h3 id={headingId}>{props.heading}</h3>
      <form onSubmit={form.submit} noValidate aria-labelledby={headingId}>
        <ErrorSummary key={form.attempt} errors={form.summary(props.order)} />
        {props.children}
        <button id={form.submitId} type="submit" class={props.buttonClass} disabled={form.busy}>
          {form.busy ? 'Saving…' : props.button}
        </button>
      </form>
    </>
  );
}

function OpenForm(props: { providerId: string; onSaved: (e: Escalation) => void }) {
  const form = useOfficeForm<OpenDraft, Escalation>({
    ...idsOf('open'),
    empty: () => ({ trigger: '', reason: '', openedOn: today() }),
    validate: (d) => validateOpen(d, today()),
    send: (d) =>
      openEscalation(props.providerId, {
        trigger: d.trigger as EscalationTrigger,
        reason: d.reason.trim(),
        openedOn: d.openedOn,
      }),
    onSaved: props.onSaved,
  });
  return (
    <EscalationForm
      name="open"
      heading="Put into escalation"
      form={form}
      order={['trigger', 'reason', 'openedOn']}
      button="Put into escalation"
      buttonClass="button warning"
    >
      <Radios {...form.field('trigger')} legend="What triggered it?" options={TRIGGER_OPTIONS} />
      <TextArea
        {...form.field('reason')}
        label="Reason"
        hint="What happened, and why it needs the escalation procedure."
        rows={3}
      />
      <DateInput {...form.field('openedOn')} label="Date it went into escalation" />
    </EscalationForm>
  );
}

function StepForm(props: { escalation: Escalation; onSaved: (e: Escalation) => void }) {
  const form = useOfficeForm<StepDraft, Escalation>({
    ...idsOf('step'),
    empty: () => ({ kind: '', date: today(), owner: '', note: '' }),
    validate: (d) => validateStep(d, props.escalation, today()),
    send: (d) =>
      addEscalationStep(props.escalation.id, {
        kind: d.kind as EscalationStepKind,
        date: d.date,
        owner: d.owner.trim(),
        note: d.note.trim(),
      }),
    onSaved: props.onSaved,
  });
  return (
    <EscalationForm
      name="step"
      heading="Record a step"
      form={form}
      order={['kind', 'date', 'owner', 'note']}
      button="Record step"
      buttonClass="button"
    >
      <Select {...form.field('kind')} label="Step" placeholder="Choose a step" options={STEP_OPTIONS} />
      <DateInput {...form.field('date')} label="Date of the step" />
      <TextInput {...form.field('owner')} label="Owner" hint="Who is responsible for it: a name, a role or a team." />
      <TextArea {...form.field('note')} label="Note on the step (optional)" rows={2} />
    </EscalationForm>
  );
}

function CloseForm(props: { escalation: Escalation; onSaved: (e: Escalation) => void }) {
  const form = useOfficeForm<CloseDraft, Escalation>({
    ...idsOf('close'),
    empty: () => ({ outcome: '', summary: '', closedOn: today() }),
    validate: (d) => validateClose(d, props.escalation, today()),
    send: (d) =>
      closeEscalation(props.escalation.id, {
        outcome: d.outcome as EscalationOutcome,
        summary: d.summary.trim(),
        closedOn: d.closedOn,
      }),
    onSaved: props.onSaved,
  });
  return (
    <EscalationForm
      name="close"
      heading="Close the escalation"
      form={form}
      order={['outcome', 'summary', 'closedOn']}
      button="Close escalation"
      buttonClass="button secondary"
    >
      <Radios {...form.field('outcome')} legend="Outcome" options={OUTCOME_OPTIONS} />
      <TextArea {...form.field('summary')} label="What was found and decided" rows={3} />
      <DateInput {...form.field('closedOn')} label="Closing date" />
    </EscalationForm>
  );
}
