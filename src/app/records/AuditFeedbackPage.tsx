// A case file audit's feedback (seed 003 §4.6): the day its summary and actions went to the worker
// and their team manager and onto the case file, due within 48 hours of the audit. Kept in the
// audit's details, so it travels with the record and the quarterly report can measure it; left
// empty until it has been sent. Works with no signal.
import { useState } from 'preact/hooks';
import { recordDeadlines } from '../../shared/deadlines';
import { calendarDay } from '../../shared/calendar';
import type { AuditDetails } from '../../shared/records/schema';
import { DateInput, useField } from '../components/fields';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import { navigate } from '../lib/router';
import type { LocalRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { useDeadlineRules } from '../sync/settings';
import { saveDetails } from './record-store';
import { FEEDBACK_TITLE } from './labels';

export function AuditFeedbackPage(props: { visit: LocalRecord }) {
  const { visit } = props;
  const details = visit.details as AuditDetails;
  const sent = useField('feedbackSentOn', details.feedbackSentOn ?? '');
  const [error, setError] = useState('');
  const due = recordDeadlines('audit', details.date, useDeadlineRules()).find((d) => d.kind === 'audit-feedback');

  async function onSubmit(event: Event) {
    event.preventDefault();
    const sentOn = sent.value.trim();
    const problem =
      sentOn !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(sentOn)
        ? 'Enter the date the summary was sent as a real date'
        : sentOn !== '' && sentOn < details.date
          ? `The date the summary was sent cannot be before the audit (${formatDate(details.date)})`
          : sentOn > calendarDay(new Date())
            ? 'The date the summary was sent must be today or in the past'
            : '';
    setError(problem);
    if (problem) return;
    try {
      await saveDetails(visit.id, { ...details, feedbackSentOn: sentOn === '' ? null : sentOn }, visit.subjectName);
      navigate(`/visits/${visit.id}`);
    } catch (failure) {
      setError(saveFailureMessage(failure));
    }
  }

  return (
    <>
      <BackLink href={`/visits/${visit.id}`}>Back to the audit</BackLink>
      <Page title={FEEDBACK_TITLE} caption={visit.subjectName}>
        <ErrorSummary errors={error ? [{ href: '#feedbackSentOn', message: error }] : []} />
        <p class="body">
          Send a summary of what the audit found, and any actions, to the allocated worker and their team manager, and
          add it to the case file record.
        </p>
        {due && (
          <p class="body" data-testid="feedback-due">
            Due by <strong>{formatDate(due.dueDate)}</strong>
            {details.feedbackSentOn ? '' : ` (${dueText(due.dueDate).toLowerCase()})`}.
          </p>
        )}
        <form onSubmit={onSubmit} noValidate>
          <DateInput
            {...sent}
            label="Date the summary was sent"
            hint="Leave it empty until you have sent it. You can add it later, also after submitting, by amending the audit."
            error={error}
          />
          <button type="submit" class="button">
            Save and return
          </button>
        </form>
      </Page>
    </>
  );
}
