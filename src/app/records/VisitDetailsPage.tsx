// Starting a visit to a provider (template, provider, date, announced or not, who was spoken to),
// and later editing those details on a draft. Validation messages follow the GOV.UK error pattern.
import { useState } from 'preact/hooks';
import type { SessionUser } from '../../shared/auth/schema';
import type { VisitDetails } from '../../shared/records/schema';
import { preferredTemplate, suitsServiceType } from '../../shared/templates/service-types';
import { Radios } from '../components/choices';
import { DateInput, Select, TextArea, useField } from '../components/fields';
import { DETAIL_TEXT_MAX, tooLong } from '../../shared/records/text-limits';
import { BackLink, ErrorSummary, errorLinks, Page } from '../components/Page';
import { navigate, queryParams } from '../lib/router';
import { useAssignment } from '../briefings/queries';
import { useLatestTemplates, useProviders } from './queries';
import { TemplateChoice } from './TemplateChoice';
import { detailsTitle } from './labels';
import { saveDetails, startRecord } from './record-store';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { calendarDay } from '../../shared/calendar';

const QMF_TEMPLATE_ID = 'qmf-care-home';

type Errors = Partial<Record<'template' | 'provider' | 'date' | 'announced' | 'spoke-with', string>>;
const ANNOUNCED = [
  { value: 'yes', label: 'Announced' },
  { value: 'no', label: 'Unannounced' },
];

function validate(d: { providerId: string; date: string; announced: string }): Errors {
  const errors: Errors = {};
  if (!d.providerId) errors.provider = 'Select the provider you are visiting';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date)) errors.date = 'Enter the date of the visit';
  if (d.announced !== 'yes' && d.announced !== 'no') errors.announced = 'Select whether the visit was announced';
  return errors;
}

export function VisitDetailsPage(props: { user: SessionUser; existing?: LocalRecord }) {
  const templates = useLatestTemplates('provider');
  const existing = props.existing;
  const before = existing && 'providerId' in existing.details ? existing.details : null;
  // Started from "Visits to do" or a briefing: the provider (and assignment) come with the link.
  const [fromLink] = useState(() => ({
    provider: queryParams().get('provider') ?? '',
    assignment: queryParams().get('assignment'),
  }));
  const assignment = useAssignment(fromLink.assignment);
  const [templateId, setTemplateId] = useState(existing?.templateId ?? '');
  const [providerId, setProviderId] = useState(before?.providerId ?? fromLink.provider);
  const date = useField('date', before?.date ?? calendarDay(new Date()));
  const announced = useField('announced', before ? (before.announced ? 'yes' : 'no') : '');
  const spokeWith = useField('spoke-with', before?.spokeWith ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');

  if (!existing && announced.value === '' && assignment) announced.onChange(assignment.announced ? 'yes' : 'no');
  const allProviders = useProviders();
  // An assignment names its template; a provider from the link gets the template made for its kind
  // of service; otherwise the care home QMF is the usual choice.
  if (!existing && templateId === '' && templates && templates.length > 0 && allProviders !== undefined) {
    const linked = allProviders.find((p) => p.id === providerId);
    const preferred =
      templates.find((t) => t.id === assignment?.templateId) ??
      preferredTemplate(templates, linked?.serviceType) ??
      templates.find((t) => t.id === QMF_TEMPLATE_ID) ??
      templates[0]!;
    setTemplateId(preferred.id);
  }
  const template = templates?.find((t) => t.id === templateId);
  // Only the providers the chosen template is for (and the one already chosen, checked on submit).
  const providers = allProviders?.filter((p) => p.id === providerId || suitsServiceType(template, p.serviceType));
  if (providers === undefined || allProviders === undefined || templates === undefined) return <p>Loading…</p>;
  if (!existing && (templates.length === 0 || allProviders.length === 0)) {
    return (
      <Page title="Start a visit">
        <p>The visit templates and provider list are not on this device yet.</p>
        <p>
          Connect to the internet and choose “Sync now”, then try again. After that you can start visits with no signal.
        </p>
        <a href="/">Back to my visits</a>
      </Page>
    );
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const found = validate({ providerId, date: date.value, announced: announced.value });
    if (!existing && !template) found.template = 'Choose what kind of visit this is';
    if (spokeWith.value.trim().length > DETAIL_TEXT_MAX)
      found['spoke-with'] = tooLong('Who you spoke to', DETAIL_TEXT_MAX);
    const provider = providers?.find((p) => p.id === providerId);
    if (!existing && !found.provider && provider && !suitsServiceType(template, provider.serviceType))
      found.provider = 'Select a provider this kind of visit is for, or choose a different kind of visit';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const details: VisitDetails = {
      providerId,
      date: date.value,
      announced: announced.value === 'yes',
      spokeWith: spokeWith.value.trim(),
    };
    try {
      if (existing) {
        await saveDetails(existing.id, details, provider?.name ?? existing.subjectName);
        navigate(`/visits/${existing.id}`);
      } else if (template) {
        const id = await startRecord({
          ownerId: props.user.id,
          template,
          subjectName: provider?.name ?? providerId,
          details,
          assignmentId: assignment && assignment.providerId === providerId ? assignment.id : null,
        });
        navigate(`/visits/${id}`, { replace: true });
      }
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  const summary = errorLinks(errors);
  return (
    <>
      <BackLink href={existing ? `/visits/${existing.id}` : '/'}>Back</BackLink>
      <Page
        title={existing ? detailsTitle('visit') : 'Start a visit'}
        caption={existing ? undefined : 'Visit to a provider'}
      >
        <ErrorSummary errors={failure ? [{ href: '#provider', message: failure }, ...summary] : summary} />
        <form onSubmit={onSubmit} noValidate>
          {!existing && (
            <TemplateChoice
              legend="What kind of visit?"
              templates={templates}
              value={templateId}
              error={errors.template}
              onChange={setTemplateId}
            />
          )}
          <Select
            id="provider"
            label="Provider"
            placeholder="Choose a provider"
            hint={
              providers.length === 0
                ? 'No provider on this device is of the kind this visit is for. Choose a different kind of visit.'
                : undefined
            }
            options={providers.map((p) => ({ value: p.id, label: p.name }))}
            value={providerId}
            error={errors.provider}
            onChange={setProviderId}
          />
          <DateInput {...date} label="Date of visit" error={errors.date} />
          <Radios
            {...announced}
            inline
            legend="Was the visit announced?"
            options={ANNOUNCED}
            error={errors.announced}
          />
          <TextArea
            {...spokeWith}
            label="Who did you speak to?"
            hint="Roles or initials only, never a full name: for example the registered manager, a senior carer, two residents and a relative."
            rows={3}
            error={errors['spoke-with']}
            maxLength={DETAIL_TEXT_MAX}
          />
          <button type="submit" class="button">
            {existing ? 'Save details' : 'Start visit'}
          </button>
        </form>
      </Page>
    </>
  );
}
