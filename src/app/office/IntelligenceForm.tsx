// Adding one intelligence entry to a provider: choose the kind, then the date and what that kind
// records (CQC ratings, open or closed, notified to CQC, who gave feedback, fire outcome) and a
// summary. Checked here first (GOV.UK error pattern, focus to the summary); the server checks
// again. A failed send keeps everything typed; a saved entry clears the form for the next one.
import { useState } from 'preact/hooks';
import type { IntelligenceEntry } from '../../shared/briefings/register';
import { ErrorSummary } from '../components/Page';
import { formatDate } from '../components/format';
import { cqcLabel, feedbackSource, fireOutcome } from '../briefings/labels';
import type { NewIntelligence, Outcome } from './api';
import { DateInput, optionsOf, Select, TextArea, type Option } from '../components/fields';
import { Radios } from '../components/choices';
import {
  DATE_LABEL,
  EMPTY_DRAFT,
  KEY_QUESTIONS,
  KIND_OPTIONS,
  SUMMARY_REQUIRED,
  fieldId,
  issueField,
  orderedErrors,
  toRequest,
  validateIntelligence,
  type DraftErrors,
  type IntelligenceDraft,
} from './intelligence-form';
import { calendarDay } from '../../shared/calendar';

const CQC_OPTIONS = optionsOf(cqcLabel);
const OPEN_CLOSED: Option[] = [
  { value: 'open', label: 'Open' },
  { value: 'closed', label: 'Closed' },
];
const YES_NO: Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
const SENTIMENTS: Option[] = [
  { value: 'positive', label: 'Positive' },
  { value: 'mixed', label: 'Mixed' },
  { value: 'concern', label: 'Concern' },
];
const SUBMIT_ID = 'intel-submit';

export function IntelligenceForm(props: {
  onSave: (entry: NewIntelligence) => Promise<Outcome<IntelligenceEntry>>;
  onSaved: (entry: IntelligenceEntry) => void;
  today?: string;
}) {
  const [draft, setDraft] = useState<IntelligenceDraft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problems, setProblems] = useState<Array<{ href: string; message: string }>>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const set =
    <K extends keyof IntelligenceDraft>(field: K) =>
    (value: string) =>
      setDraft((d) => ({ ...d, [field]: value as IntelligenceDraft[K] }));

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setSaved('');
    setProblems([]);
    const found = validateIntelligence(draft, props.today ?? calendarDay(new Date()));
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const result = await props.onSave(toRequest(draft));
    setBusy(false);
    setAttempt((n) => n + 1);
    if (result.ok) {
      const kind = KIND_OPTIONS.find((k) => k.value === result.value.kind)?.label ?? 'Entry';
      setSaved(`${kind} added, dated ${formatDate(result.value.date)}.`);
      setDraft(EMPTY_DRAFT);
      setErrors({});
      props.onSaved(result.value);
      return;
    }
    // Field issues from the server go next to their fields; anything else is listed as it came.
    const fromServer: DraftErrors = {};
    const other: Array<{ href: string; message: string }> = [];
    for (const issue of result.issues) {
      const field = issueField(issue.path);
      if (field) fromServer[field] ??= issue.message;
      else
        other.push({ href: `#${SUBMIT_ID}`, message: issue.path ? `${issue.path}: ${issue.message}` : issue.message });
    }
    setErrors(fromServer);
    setProblems(
      Object.keys(fromServer).length > 0 || other.length > 0
        ? other
        : [{ href: `#${SUBMIT_ID}`, message: result.message }],
    );
  }

  const summary = [
    ...problems,
    ...orderedErrors(draft, errors).map((e) => ({ href: `#${fieldId(e.field)}`, message: e.message })),
  ];
  const kind = draft.kind;
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-intelligence">
      <ErrorSummary key={attempt} errors={summary} />
      {saved && (
        <div class="notification" role="status">
          <p>{saved}</p>
        </div>
      )}
      <Radios
        id={fieldId('kind')}
        legend="What kind of intelligence is it?"
        options={KIND_OPTIONS}
        value={kind}
        error={errors.kind}
        onChange={set('kind')}
      />
      {kind !== '' && (
        <>
          <DateInput
            id={fieldId('date')}
            label={DATE_LABEL[kind].label}
            value={draft.date}
            error={errors.date}
            onChange={set('date')}
          />
          {kind === 'cqc-inspection' && (
            <>
              <Select
                id={fieldId('overall')}
                label="Overall rating"
                placeholder="Choose a rating"
                options={CQC_OPTIONS}
                value={draft.overall}
                error={errors.overall}
                onChange={set('overall')}
              />
              <fieldset class="fieldset">
                <legend class="legend">Ratings for the five key questions</legend>
                {KEY_QUESTIONS.map((q) => (
                  <Select
                    key={q.field}
                    id={fieldId(q.field)}
                    label={q.label}
                    placeholder="Choose a rating"
                    options={CQC_OPTIONS}
                    value={draft[q.field]}
                    error={errors[q.field]}
                    onChange={set(q.field)}
                  />
                ))}
              </fieldset>
            </>
          )}
          {(kind === 'complaint' || kind === 'safeguarding-referral') && (
            <Radios
              id={fieldId('status')}
              inline
              legend={kind === 'complaint' ? 'Is the complaint open or closed?' : 'Is the referral open or closed?'}
              options={OPEN_CLOSED}
              value={draft.status}
              error={errors.status}
              onChange={set('status')}
            />
          )}
          {kind === 'incident' && (
            <Radios
              id={fieldId('notifiedToCqc')}
              inline
              legend="Was it notified to CQC?"
              hint="Providers must notify CQC of events such as a serious injury, an allegation of abuse or a death."
              options={YES_NO}
              value={draft.notifiedToCqc}
              error={errors.notifiedToCqc}
              onChange={set('notifiedToCqc')}
            />
          )}
          {kind === 'feedback' && (
            <>
              <Select
                id={fieldId('source')}
                label="Who gave the feedback?"
                placeholder="Choose who"
                options={optionsOf(feedbackSource)}
                value={draft.source}
                error={errors.source}
                onChange={set('source')}
              />
              <Radios
                id={fieldId('sentiment')}
                inline
                legend="Was the feedback positive, mixed or a concern?"
                options={SENTIMENTS}
                value={draft.sentiment}
                error={errors.sentiment}
                onChange={set('sentiment')}
              />
            </>
          )}
          {kind === 'fire-inspection' && (
            <Radios
              id={fieldId('outcome')}
              legend="Outcome of the fire inspection"
              options={optionsOf(fireOutcome)}
              value={draft.outcome}
              error={errors.outcome}
              onChange={set('outcome')}
            />
          )}
          <TextArea
            id={fieldId('summary')}
            label={SUMMARY_REQUIRED.has(kind) ? 'Summary' : 'Summary (optional)'}
            value={draft.summary}
            error={errors.summary}
            hint="What happened, and anything the officer should look at on the next visit."
            onChange={set('summary')}
          />
        </>
      )}
      <button id={SUBMIT_ID} type="submit" class="button" disabled={busy}>
        {busy ? 'Adding…' : 'Add intelligence'}
      </button>
    </form>
  );
}
