// A provider's visit assignments on its office page: the list (open first) with a way to cancel
// an open one, and the form to assign a visit to an officer. Officers come from GET /api/users
// (QA: everyone; a manager: their own team, the only officers the server lets them assign to);
// templates from those on this device that suit the provider's kind of service (or, when none are
// on the device, the built-in QMF templates that do). Needs the network; a failed send says so and
// keeps the form as it was.
import { useState } from 'preact/hooks';
import type { Assignment } from '../../shared/briefings/register';
import type { UserSummary } from '../../shared/users/api-schemas';
import { ErrorSummary } from '../components/Page';
import { formatDate } from '../components/format';
import { useLatestTemplates } from '../records/queries';
import { assignVisit, cancelAssignment, type Outcome } from './api';
import { DateInput, Select, TextArea, type Option } from '../components/fields';
import { Radios } from '../components/choices';
import { calendarDay } from '../../shared/calendar';
import { preferredTemplate, suitsServiceType, type TemplateForService } from '../../shared/templates/service-types';

const QMF_ID = 'qmf-care-home';
/** Offered when no templates are on this device yet: the built-in QMF templates, by the service each is for. */
const FALLBACK: Array<TemplateForService & { title: string }> = [
  { id: QMF_ID, version: 2, title: 'Care Home Quality Monitoring Framework' },
  { id: 'qmf-home-care', version: 1, serviceTypes: ['home-care'], title: 'Home care (domiciliary) quality monitoring' },
  {
    id: 'qmf-supported-living',
    version: 1,
    serviceTypes: ['supported-living'],
    title: 'Supported living quality monitoring',
  },
];
const STATUS = {
  open: ['Open', 'tag blue'],
  done: ['Done', 'tag green'],
  cancelled: ['Cancelled', 'tag grey'],
} as const;
const ORDER = { open: 0, done: 1, cancelled: 2 } as const;
const NOTES_MAX = 2000;

type Draft = { officerId: string; templateId: string; dueDate: string; announced: '' | 'yes' | 'no'; notes: string };
type Field = keyof Draft;
const FIELDS: Field[] = ['officerId', 'templateId', 'dueDate', 'announced', 'notes'];
const ID: Record<Field, string> = {
  officerId: 'assign-officer',
  templateId: 'assign-template',
  dueDate: 'assign-due',
  announced: 'assign-announced',
  notes: 'assign-notes',
};

export function validateAssignment(d: Draft, today: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!d.officerId) errors.officerId = 'Select the officer to assign the visit to';
  if (!d.templateId) errors.templateId = 'Select the template for the visit';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.dueDate)) errors.dueDate = 'Enter the date the visit is due by';
  else if (d.dueDate < today) errors.dueDate = 'The due date must be today or in the future';
  if (d.announced === '') errors.announced = 'Select whether the visit will be announced';
  if (d.notes.trim().length > NOTES_MAX)
    errors.notes = `The notes must be ${NOTES_MAX.toLocaleString('en-GB')} characters or fewer`;
  return errors;
}

export function AssignmentsSection(props: {
  providerId: string;
  serviceType: string;
  assignments: Assignment[];
  people: Outcome<UserSummary[]>;
  onChanged: (assignment: Assignment) => void;
}) {
  const templates = useLatestTemplates('provider');
  // As when starting a visit: only the templates made for this kind of service, or for any.
  const suiting = (templates !== undefined && templates.length > 0 ? templates : FALLBACK).filter((t) =>
    suitsServiceType(t, props.serviceType),
  );
  const templateOptions: Option[] = suiting.map((t) => ({ value: t.id, label: t.title }));
  const people = props.people.ok ? props.people.value : [];
  const officers = people.filter((p) => p.role === 'officer');
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'An officer';
  const templateName = (id: string) => [...(templates ?? []), ...FALLBACK].find((t) => t.id === id)?.title ?? id;

  const [draft, setDraft] = useState<Draft>({ officerId: '', templateId: '', dueDate: '', announced: '', notes: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState('');
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [cancelFailure, setCancelFailure] = useState('');
  const set = (field: Field) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const templateId =
    draft.templateId ||
    (preferredTemplate(suiting, props.serviceType) ?? suiting.find((t) => t.id === QMF_ID) ?? suiting[0])?.id ||
    '';

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setStatus('');
    setFailure('');
    const current = { ...draft, templateId };
    const found = validateAssignment(current, calendarDay(new Date()));
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await assignVisit({
      providerId: props.providerId,
      officerId: current.officerId,
      templateId: current.templateId,
      dueDate: current.dueDate,
      announced: current.announced === 'yes',
      notes: current.notes.trim(),
    });
    setBusy(false);
    setAttempt((n) => n + 1);
    if (!result.ok) {
      const fromServer: Partial<Record<Field, string>> = {};
      for (const issue of result.issues) if (issue.path in ID) fromServer[issue.path as Field] ??= issue.message;
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(result.message);
      return;
    }
    setStatus(`Visit assigned to ${nameOf(result.value.officerId)}, due ${formatDate(result.value.dueDate)}.`);
    setDraft({ officerId: '', templateId: '', dueDate: '', announced: '', notes: '' });
    props.onChanged(result.value);
  }

  async function cancel(a: Assignment) {
    setStatus('');
    setCancelFailure('');
    const result = await cancelAssignment(a.id);
    if (!result.ok) return setCancelFailure(result.message);
    setStatus(`The visit assigned to ${nameOf(a.officerId)} is cancelled.`);
    props.onChanged(result.value);
  }

  const listed = [...props.assignments].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.dueDate.localeCompare(b.dueDate),
  );
  const summary = [
    ...(failure ? [{ href: '#assign-submit', message: failure }] : []),
    ...FIELDS.flatMap((f) => (errors[f] ? [{ href: `#${ID[f]}`, message: errors[f]! }] : [])),
  ];
  return (
    <section aria-labelledby="assignments">
      <h2 id="assignments">
        Assigned visits <span class="count">({listed.filter((a) => a.status === 'open').length} open)</span>
      </h2>
      {status && (
        <div class="notification" role="status">
          <p>{status}</p>
        </div>
      )}
      {cancelFailure && (
        <p class="error-text" role="alert">
          {cancelFailure}
        </p>
      )}
      {listed.length === 0 ? (
        <p>No visits assigned to this provider.</p>
      ) : (
        <ul class="visit-list" data-testid="assignment-list">
          {listed.map((a) => (
            <li key={a.id}>
              <strong>{nameOf(a.officerId)}</strong> <span class={STATUS[a.status][1]}>{STATUS[a.status][0]}</span>
              <span class="meta">
                Due {formatDate(a.dueDate)} · {templateName(a.templateId)} · {a.announced ? 'announced' : 'unannounced'}
                {a.notes ? ` · ${a.notes}` : ''}
              </span>
              {a.status === 'open' && (
                <button type="button" class="button secondary small" onClick={() => void cancel(a)}>
                  Cancel
                  <span class="visually-hidden">
                    {' '}
                    the visit assigned to {nameOf(a.officerId)}, due {formatDate(a.dueDate)}
                  </span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3 id="assign-heading">Assign a visit</h3>
      {!props.people.ok ? (
        <p role="alert">{props.people.message}</p>
      ) : officers.length === 0 ? (
        <p>There are no officers you can assign visits to.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-labelledby="assign-heading">
          <ErrorSummary key={attempt} errors={summary} />
          <Select
            id={ID.officerId}
            label="Officer"
            placeholder="Choose an officer"
            value={draft.officerId}
            error={errors.officerId}
            onChange={set('officerId')}
            options={officers.map((o) => ({ value: o.id, label: o.teamName ? `${o.name} (${o.teamName})` : o.name }))}
          />
          <Select
            id={ID.templateId}
            label="Template"
            placeholder="Choose a template"
            options={templateOptions}
            value={templateId}
            error={errors.templateId}
            onChange={set('templateId')}
          />
          <DateInput
            id={ID.dueDate}
            label="Visit due by"
            value={draft.dueDate}
            error={errors.dueDate}
            onChange={set('dueDate')}
          />
          <Radios
            id={ID.announced}
            inline
            legend="Will the visit be announced?"
            value={draft.announced}
            error={errors.announced}
            onChange={set('announced')}
            options={[
              { value: 'yes', label: 'Announced' },
              { value: 'no', label: 'Unannounced' },
            ]}
          />
          <TextArea
            id={ID.notes}
            label="Notes for the officer (optional)"
            rows={3}
            value={draft.notes}
            error={errors.notes}
            onChange={set('notes')}
          />
          <button id="assign-submit" type="submit" class="button" disabled={busy}>
            {busy ? 'Assigning…' : 'Assign visit'}
          </button>
        </form>
      )}
    </section>
  );
}
