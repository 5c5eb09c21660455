// A provider's visit assignments on its office page: the list (open first) with a way to cancel
// an open one, and the form to assign a visit to an officer. Officers come from GET /api/users
// (QA: everyone; a manager: their own team, the only officers the server lets them assign to);
// templates from those on this device that suit the provider's kind of service (or, when none are
// on the device, the built-in QMF templates that do). Needs the network; a failed send says so and
// keeps the form as it was.
import { useState } from 'preact/hooks';
import type { Assignment } from '../../shared/briefings/register';
import type { UserSummary } from '../../shared/users/api-schemas';
import { ErrorSummary, StatusMessage } from '../components/Page';
import { formatDate } from '../components/format';
import { useLatestTemplates } from '../records/queries';
import { assignVisit, cancelAssignment, type Outcome } from './api';
import { useOfficeForm } from './office-form';
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
const EMPTY: Draft = { officerId: '', templateId: '', dueDate: '', announced: '', notes: '' };
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

  const [status, setStatus] = useState('');
  const [cancelFailure, setCancelFailure] = useState('');
  // Until one is chosen, the form shows (and checks and sends) the template made for this kind of service.
  const preferredId =
    (preferredTemplate(suiting, props.serviceType) ?? suiting.find((t) => t.id === QMF_ID) ?? suiting[0])?.id || '';
  const withTemplate = (d: Draft): Draft => ({ ...d, templateId: d.templateId || preferredId });
  const form = useOfficeForm<Draft, Assignment>({
    empty: () => EMPTY,
    idOf: (field) => ID[field],
    submitId: 'assign-submit',
    onStart: () => setStatus(''),
    validate: (d) => validateAssignment(withTemplate(d), calendarDay(new Date())),
    send: (d) => {
      const current = withTemplate(d);
      return assignVisit({
        providerId: props.providerId,
        officerId: current.officerId,
        templateId: current.templateId,
        dueDate: current.dueDate,
        announced: current.announced === 'yes',
        notes: current.notes.trim(),
      });
    },
    onSaved: (assignment) => {
      setStatus(`Visit assigned to ${nameOf(assignment.officerId)}, due ${formatDate(assignment.dueDate)}.`);
      props.onChanged(assignment);
    },
  });

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
  return (
    <section aria-labelledby="assignments">
      <h2 id="assignments">
        Assigned visits <span class="count">({listed.filter((a) => a.status === 'open').length} open)</span>
      </h2>
      {status && <StatusMessage>{status}</StatusMessage>}
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
        <form onSubmit={form.submit} noValidate aria-labelledby="assign-heading">
          <ErrorSummary key={form.attempt} errors={form.summary(FIELDS)} />
          <Select
            {...form.field('officerId')}
            label="Officer"
            placeholder="Choose an officer"
            options={officers.map((o) => ({ value: o.id, label: o.teamName ? `${o.name} (${o.teamName})` : o.name }))}
          />
          <Select
            {...form.field('templateId')}
            value={form.draft.templateId || preferredId}
            label="Template"
            placeholder="Choose a template"
            options={templateOptions}
          />
          <DateInput {...form.field('dueDate')} label="Visit due by" />
          <Radios
            {...form.field('announced')}
            inline
            legend="Will the visit be announced?"
            options={[
              { value: 'yes', label: 'Announced' },
              { value: 'no', label: 'Unannounced' },
            ]}
          />
          <TextArea {...form.field('notes')} label="Notes for the officer (optional)" rows={3} />
          <button id="assign-submit" type="submit" class="button" disabled={form.busy}>
            {form.busy ? 'Assigning…' : 'Assign visit'}
          </button>
        </form>
      )}
    </section>
  );
}
