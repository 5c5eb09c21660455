// Adding one intelligence entry to a provider: choose the kind, then the date and what that kind
// records (CQC ratings, open or closed, notified to CQC, who gave feedback, fire outcome) and a
// summary. Checked here first (GOV.UK error pattern, focus to the summary); the server checks
// again. A failed send keeps everything typed; a saved entry clears the form for the next one
// (both office-form.ts).
import { useState } from 'preact/hooks';
import type { IntelligenceEntry } from '../../shared/briefings/register';
import { ErrorSummary, StatusMessage } from '../components/Page';
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
  fieldsFor,
  issueField,
  toRequest,
  validateIntelligence,
  type IntelligenceDraft,
} from './intelligence-form';
import { useOfficeForm } from './office-form';
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
  const [saved, setSaved] = useState('');
  const form = useOfficeForm<IntelligenceDraft, IntelligenceEntry>({
    empty: () => EMPTY_DRAFT,
    idOf: fieldId,
    submitId: SUBMIT_ID,
    onStart: () => setSaved(''),
    validate: (d) => validateIntelligence(d, props.today ?? calendarDay(new Date())),
    send: (d) => props.onSave(toRequest(d)),
    // Field issues from the server go next to their fields; anything else is listed as it came.
    fieldOf: issueField,
    listUnplaced: true,
    onSaved: (entry) => {
      const kind = KIND_OPTIONS.find((k) => k.value === entry.kind)?.label ?? 'Entry';
      setSaved(`${kind} added, dated ${formatDate(entry.date)}.`);
      props.onSaved(entry);
    },
  });
  const kind = form.draft.kind;
  return (
    <form onSubmit={form.submit} noValidate aria-labelledby="add-intelligence">
      <ErrorSummary key={form.attempt} errors={form.summary(fieldsFor(kind))} />
      {saved && <StatusMessage>{saved}</StatusMessage>}
      <Radios {...form.field('kind')} legend="What kind of intelligence is it?" options={KIND_OPTIONS} />
      {kind !== '' && (
        <>
          <DateInput {...form.field('date')} label={DATE_LABEL[kind].label} />
          {kind === 'cqc-inspection' && (
            <>
              <Select
                {...form.field('overall')}
                label="Overall rating"
                placeholder="Choose a rating"
                options={CQC_OPTIONS}
              />
              <fieldset class="fieldset">
                <legend class="legend">Ratings for the five key questions</legend>
                {KEY_QUESTIONS.map((q) => (
                  <Select
                    key={q.field}
                    {...form.field(q.field)}
                    label={q.label}
                    placeholder="Choose a rating"
                    options={CQC_OPTIONS}
                  />
                ))}
              </fieldset>
            </>
          )}
          {(kind === 'complaint' || kind === 'safeguarding-referral') && (
            <Radios
              {...form.field('status')}
              inline
              legend={kind === 'complaint' ? 'Is the complaint open or closed?' : 'Is the referral open or closed?'}
              options={OPEN_CLOSED}
            />
          )}
          {kind === 'incident' && (
            <Radios
              {...form.field('notifiedToCqc')}
              inline
              legend="Was it notified to CQC?"
              hint="Providers must notify CQC of events such as a serious injury, an allegation of abuse or a death."
              options={YES_NO}
            />
          )}
          {kind === 'feedback' && (
            <>
              <Select
                {...form.field('source')}
                label="Who gave the feedback?"
                placeholder="Choose who"
                options={optionsOf(feedbackSource)}
              />
              <Radios
                {...form.field('sentiment')}
                inline
                legend="Was the feedback positive, mixed or a concern?"
                options={SENTIMENTS}
              />
            </>
          )}
          {kind === 'fire-inspection' && (
            <Radios
              {...form.field('outcome')}
              legend="Outcome of the fire inspection"
              options={optionsOf(fireOutcome)}
            />
          )}
          <TextArea
            {...form.field('summary')}
            label={SUMMARY_REQUIRED.has(kind) ? 'Summary' : 'Summary (optional)'}
            hint="What happened, and anything the officer should look at on the next visit."
          />
        </>
      )}
      <button id={SUBMIT_ID} type="submit" class="button" disabled={form.busy}>
        {form.busy ? 'Adding…' : 'Add intelligence'}
      </button>
    </form>
  );
}
