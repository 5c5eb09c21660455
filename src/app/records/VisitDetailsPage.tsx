// Starting a visit to a provider (template, provider, date, announced or not, who was spoken to),
// and later editing those details on a draft. Validation messages follow the GOV.UK error pattern.
import { useState } from 'preact/hooks';
import type { SessionUser, Template, VisitDetails } from '../../shared/schemas';
import { BackLink, ErrorSummary, Page } from '../components/Page';
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

type Errors = Partial<Record<'template' | 'provider' | 'date' | 'announced', string>>;

/** The care-home QMF is for registered care and nursing homes; other provider templates suit any service. */
const suits = (template: Template | undefined, serviceType: string) =>
  template?.id !== QMF_TEMPLATE_ID || serviceType === 'care-home' || serviceType === 'nursing-home';

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
  const [date, setDate] = useState(before?.date ?? calendarDay(new Date()));
  const [announced, setAnnounced] = useState(before ? (before.announced ? 'yes' : 'no') : '');
  const [spokeWith, setSpokeWith] = useState(before?.spokeWith ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState('');

  if (!existing && announced === '' && assignment) setAnnounced(assignment.announced ? 'yes' : 'no');
  // An assignment names its template; otherwise the QMF is the usual choice for a care home.
  if (!existing && templateId === '' && templates && templates.length > 0) {
    const preferred = assignment?.templateId ?? QMF_TEMPLATE_ID;
    setTemplateId(templates.some((t) => t.id === preferred) ? preferred : templates[0]!.id);
  }
  const template = templates?.find((t) => t.id === templateId);
  const providers = useProviders()?.filter((p) => p.id === providerId || suits(template, p.serviceType));
  if (providers === undefined || templates === undefined) return <p>Loading…</p>;
  if (!existing && (templates.length === 0 || providers.length === 0)) {
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
    const found = validate({ providerId, date, announced });
    if (!existing && !template) found.template = 'Choose what kind of visit this is';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const provider = providers?.find((p) => p.id === providerId);
    const details: VisitDetails = { providerId, date, announced: announced === 'yes', spokeWith: spokeWith.trim() };
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

  const summary = Object.entries(errors).map(([field, message]) => ({ href: `#${field}`, message: message ?? '' }));
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
          <div class={`form-group${errors.provider ? ' has-error' : ''}`}>
            <label class="label" for="provider">
              Provider
            </label>
            {errors.provider && (
              <p class="error-message" id="provider-error">
                {errors.provider}
              </p>
            )}
            <select
              id="provider"
              class="select"
              value={providerId}
              aria-describedby={errors.provider ? 'provider-error' : undefined}
              onChange={(e) => setProviderId(e.currentTarget.value)}
            >
              <option value="">Choose a provider</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div class={`form-group${errors.date ? ' has-error' : ''}`}>
            <label class="label" for="date">
              Date of visit
            </label>
            {errors.date && (
              <p class="error-message" id="date-error">
                {errors.date}
              </p>
            )}
            <input
              id="date"
              class="input short"
              type="date"
              value={date}
              aria-describedby={errors.date ? 'date-error' : undefined}
              onInput={(e) => setDate(e.currentTarget.value)}
            />
          </div>
          <div class={`form-group${errors.announced ? ' has-error' : ''}`}>
            <fieldset class="fieldset" aria-describedby={errors.announced ? 'announced-error' : undefined}>
              <legend class="legend">Was the visit announced?</legend>
              {errors.announced && (
                <p class="error-message" id="announced-error">
                  {errors.announced}
                </p>
              )}
              <div class="radios inline">
                {[
                  ['yes', 'Announced'],
                  ['no', 'Unannounced'],
                ].map(([value, label], index) => (
                  <div class="radio" key={value}>
                    <input
                      id={index === 0 ? 'announced' : `announced-${value}`}
                      type="radio"
                      name="announced"
                      value={value}
                      checked={announced === value}
                      onChange={() => setAnnounced(value ?? '')}
                    />
                    <label for={index === 0 ? 'announced' : `announced-${value}`}>{label}</label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          <div class="form-group">
            <label class="label" for="spoke-with">
              Who did you speak to?
            </label>
            <p class="hint" id="spoke-with-hint">
              Names and roles, for example the registered manager, a senior carer, residents and relatives.
            </p>
            <textarea
              id="spoke-with"
              class="textarea"
              rows={3}
              aria-describedby="spoke-with-hint"
              value={spokeWith}
              onInput={(e) => setSpokeWith(e.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button">
            {existing ? 'Save details' : 'Start visit'}
          </button>
        </form>
      </Page>
    </>
  );
}
