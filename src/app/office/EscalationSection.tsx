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
import { DateInput, type Option, optionsOf, Select, TextArea, TextInput } from '../components/fields';
import { Radios } from '../components/choices';
import { EscalationSummary } from '../briefings/EscalationSummary';
import { addEscalationStep, closeEscalation, loadEscalations, openEscalation } from './escalations-api';
import type { Outcome } from './api';
import {
  type CloseDraft,
  type Errors,
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
          <DecisionForm
            decision={CLOSE}
            validate={(d) => validateClose(d, open, today())}
            send={(d) => closeEscalation(open.id, { ...d, outcome: d.outcome as EscalationOutcome })}
            onSaved={(e) => saved(e, `Escalation closed: ${OUTCOME_LABELS[e.closure?.outcome ?? 'other']}.`)}
          />
        </>
      )}
      {list && !open && (
        <DecisionForm
          decision={OPEN}
          validate={(d) => validateOpen(d, today())}
          send={(d) => openEscalation(props.providerId, { ...d, trigger: d.trigger as EscalationTrigger })}
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

/**
 * What the open and close forms ask: a choice (what triggered it, how it ended), the words behind
 * it (sent trimmed) and the day it happened (today unless changed). One form serves both.
 */
type Decision<K extends string> = {
  name: 'open' | 'close';
  heading: string;
  /** The draft's fields in the order the form shows them: the choice, the words, the day. */
  fields: readonly [K, K, K];
  choice: { legend: string; options: Option[] };
  words: { label: string; hint?: string; rows: number };
  day: { label: string };
  button: { label: string; class: string };
};

const OPEN: Decision<keyof OpenDraft> = {
  name: 'open',
  heading: 'Put into escalation',
  fields: ['trigger', 'reason', 'openedOn'],
  choice: { legend: 'What triggered it?', options: TRIGGER_OPTIONS },
  words: { label: 'Reason', hint: 'What happened, and why it needs the escalation procedure.', rows: 3 },
  day: { label: 'Date it went into escalation' },
  button: { label: 'Put into escalation', class: 'button warning' },
};

const CLOSE: Decision<keyof CloseDraft> = {
  name: 'close',
  heading: 'Close the escalation',
  fields: ['outcome', 'summary', 'closedOn'],
  choice: { legend: 'Outcome', options: OUTCOME_OPTIONS },
  words: { label: 'What was found and decided', rows: 3 },
  day: { label: 'Closing date' },
  button: { label: 'Close escalation', class: 'button secondary' },
};

function DecisionForm<K extends string>(props: {
  decision: Decision<K>;
  validate: (draft: Record<K, string>) => Errors<Record<K, string>>;
  send: (draft: Record<K, string>) => Promise<Outcome<Escalation>>;
  onSaved: (e: Escalation) => void;
}) {
  const { decision } = props;
  const [choice, words, day] = decision.fields;
  const form = useOfficeForm<Record<K, string>, Escalation>({
    ...idsOf(decision.name),
    empty: () => ({ [choice]: '', [words]: '', [day]: today() }) as Record<K, string>,
    validate: props.validate,
    send: (d) => props.send({ ...d, [words]: d[words].trim() }),
    onSaved: props.onSaved,
  });
  return (
    <EscalationForm
      name={decision.name}
      heading={decision.heading}
      form={form}
      order={decision.fields}
      button={decision.button.label}
      buttonClass={decision.button.class}
    >
      <Radios {...form.field(choice)} {...decision.choice} />
      <TextArea {...form.field(words)} {...decision.words} />
      <DateInput {...form.field(day)} {...decision.day} />
    </EscalationForm>
  );
}
