// Starting an observation of practice or a case file audit (seed 003 §4, §10): which template,
// whose practice, their role and team, the case audited, and the date — from which the write-up
// and return deadlines run. Also edits those details on a draft. Works with no signal.
import { useState } from 'preact/hooks';
import { recordDeadlines } from '../../shared/deadlines';
import type { SessionUser } from '../../shared/auth/schema';
import type { AuditDetails, ObservationDetails } from '../../shared/records/schema';
import { DateInput, TextInput } from '../components/fields';
import { BackLink, ErrorSummary, errorLinks, Page } from '../components/Page';
import { formatDate } from '../components/format';
import { navigate } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { useLatestTemplates } from './queries';
import { TemplateChoice } from './TemplateChoice';
import { detailsTitle } from './labels';
import { saveDetails, startRecord } from './record-store';
import { calendarDay } from '../../shared/calendar';
import { useDeadlineRules } from '../sync/settings';

type Kind = 'observation' | 'audit';
type Field = 'template' | 'caseReference' | 'practitionerName' | 'practitionerRole' | 'team' | 'date';

const COPY: Record<Kind, { title: string; start: string; noun: string }> = {
  observation: { title: 'Start an observation of practice', start: 'Start observation', noun: 'observation' },
  audit: { title: 'Start a case file audit', start: 'Start audit', noun: 'audit' },
};

export function PracticeDetailsPage(props: { user: SessionUser; kind: Kind; existing?: LocalRecord }) {
  const { kind, existing } = props;
  const templates = useLatestTemplates(kind === 'observation' ? 'practitioner' : 'case-file');
  const before = (existing?.details ?? {}) as Partial<ObservationDetails & AuditDetails>;
  const [values, setValues] = useState<Record<Field, string>>({
    template: existing?.templateId ?? '',
    caseReference: before.caseReference ?? '',
    practitionerName: before.practitionerName ?? '',
    practitionerRole: before.practitionerRole ?? '',
    team: before.team ?? '',
    date: before.date ?? calendarDay(new Date()),
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const rules = useDeadlineRules();
  const [failure, setFailure] = useState('');
  if (templates === undefined) return <p>Loading…</p>;
  if (!existing && values.template === '' && templates.length > 0) setValues({ ...values, template: templates[0]!.id });
  if (!existing && templates.length === 0) {
    return (
      <Page title={COPY[kind].title}>
        <p>
          The {COPY[kind].noun} forms are not on this device yet. Connect to the internet and choose “Sync now”, then
          try again.
        </p>
        <a href="/">Back to my visits</a>
      </Page>
    );
  }
  const set = (field: Field) => (value: string) => setValues({ ...values, [field]: value });

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.trim()])) as Record<Field, string>;
    if (!existing && !templates?.some((t) => t.id === v.template))
      found.template = `Choose the ${COPY[kind].noun} form`;
    if (kind === 'audit' && !v.caseReference) found.caseReference = 'Enter the case reference';
    if (!v.practitionerName)
      found.practitionerName =
        kind === 'audit' ? 'Enter the name of the allocated worker' : 'Enter the name of the practitioner observed';
    if (kind === 'observation' && !v.practitionerRole) found.practitionerRole = 'Enter the practitioner’s role';
    if (!v.team) found.team = 'Enter the team';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) found.date = `Enter the date of the ${COPY[kind].noun}`;
    else if (v.date > calendarDay(new Date()))
      found.date = `The date of the ${COPY[kind].noun} must be today or in the past`;
    return found;
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.trim()])) as Record<Field, string>;
    const details: ObservationDetails | AuditDetails =
      kind === 'observation'
        ? { practitionerName: v.practitionerName, practitionerRole: v.practitionerRole, team: v.team, date: v.date }
        : {
            caseReference: v.caseReference,
            practitionerName: v.practitionerName,
            team: v.team,
            date: v.date,
            // Recorded on its own page; editing the other details keeps it.
            ...(before.feedbackSentOn ? { feedbackSentOn: before.feedbackSentOn } : {}),
          };
    const subjectName = kind === 'observation' ? v.practitionerName : `Case ${v.caseReference}`;
    try {
      if (existing) {
        await saveDetails(existing.id, details, subjectName);
        navigate(`/visits/${existing.id}`);
        return;
      }
      const template = templates!.find((t) => t.id === v.template)!;
      const id = await startRecord({ ownerId: props.user.id, template, subjectName, details });
      navigate(`/visits/${id}`, { replace: true });
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  const summary = errorLinks(errors);
  const text = (field: Field, label: string, hint?: string) => (
    <TextInput
      id={field}
      label={label}
      hint={hint}
      autocomplete="off"
      value={values[field]}
      error={errors[field]}
      onChange={set(field)}
    />
  );
  const deadline = /^\d{4}-\d{2}-\d{2}$/.test(values.date) ? recordDeadlines(kind, values.date, rules) : [];
  return (
    <>
      <BackLink href={existing ? `/visits/${existing.id}` : '/'}>Back</BackLink>
      <Page title={existing ? detailsTitle(kind) : COPY[kind].title}>
        <ErrorSummary errors={failure ? [{ href: '#practitionerName', message: failure }, ...summary] : summary} />
        <form onSubmit={onSubmit} noValidate>
          {!existing && (
            <TemplateChoice
              legend={kind === 'observation' ? 'What are you observing?' : 'Which audit form?'}
              templates={templates}
              value={values.template}
              error={errors.template}
              onChange={(id) => setValues({ ...values, template: id })}
            />
          )}
          {kind === 'audit' &&
            text(
              'caseReference',
              'Case reference',
              'The case number from the case management system. Do not enter the person’s name.',
            )}
          {text('practitionerName', kind === 'audit' ? 'Allocated worker' : 'Practitioner observed')}
          {kind === 'observation' &&
            text('practitionerRole', 'Practitioner’s role', 'For example, social worker or senior practitioner.')}
          {text('team', 'Team')}
          <DateInput
            id="date"
            label={`Date of the ${COPY[kind].noun}`}
            value={values.date}
            error={errors.date}
            onChange={set('date')}
          />
          {deadline.length > 0 && (
            <div class="inset">
              {deadline.map((d) => (
                <p key={d.kind}>
                  {d.label} by <strong>{formatDate(d.dueDate)}</strong>.
                </p>
              ))}
            </div>
          )}
          <button type="submit" class="button">
            {existing ? 'Save details' : COPY[kind].start}
          </button>
        </form>
      </Page>
    </>
  );
}
