// "Check your answers" before submitting, and the read-only view of a submitted visit. Uses the
// same shared rules as the server, so a visit that passes here is not rejected for its answers.
import { useState } from 'preact/hooks';
import type { Template } from '../../shared/schemas';
import { optionsFor, submissionIssues } from '../../shared/visit-rules';
import { BackLink, ErrorSummary, Page } from '../components/Page';
import { formatDate, formatDateTime } from '../components/format';
import { navigate } from '../lib/router';
import type { VisitRecord } from '../storage/database';
import { saveFailureMessage } from '../storage/errors';
import { syncAfterSubmit } from '../sync/control';
import { useTemplate } from './queries';
import { statusClass, statusLabel } from './status';
import { MissingTemplate } from './TaskListPage';
import { returnToDraft, submissionBody, submitVisit } from './visit-store';

export function CheckAnswersPage(props: { visit: VisitRecord }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  if (template === undefined) return <p>Loading…</p>;
  if (template === null) return <MissingTemplate />;
  const editable = visit.status === 'draft';
  const issues = editable ? submissionIssues(template, submissionBody(visit, new Date().toISOString())) : [];
  const errorLinks = issues.map((i) => {
    const [kind, id] = i.path.split('.');
    const section = kind === 'sectionRatings' ? id : template.sections.find((s) => s.items.some((it) => it.id === id))?.id;
    return { href: `/visits/${visit.id}/areas/${section ?? ''}`, message: i.message };
  });

  async function submit() {
    setBusy(true);
    try {
      await submitVisit(visit.id);
      syncAfterSubmit();
      navigate('/?submitted=1');
    } catch (error) {
      setFailure(saveFailureMessage(error));
      setBusy(false);
    }
  }

  async function reopen() {
    try {
      const id = await returnToDraft(visit.id);
      navigate(`/visits/${id}`);
    } catch (error) {
      setFailure(saveFailureMessage(error));
    }
  }

  return (
    <>
      <BackLink href={editable ? `/visits/${visit.id}` : '/'}>{editable ? 'Back to the visit' : 'My visits'}</BackLink>
      <Page title={editable ? 'Check your answers' : visit.providerName} caption={editable ? visit.providerName : template.title}>
        {failure && <ErrorSummary title="Not saved" errors={[{ href: '#main', message: failure }]} />}
        {!editable && (
          <p>
            <span class={statusClass[visit.status]} data-testid="record-status">{statusLabel[visit.status]}</span>{' '}
            {visit.status === 'sent' && visit.receivedAt && `Received by the council ${formatDateTime(visit.receivedAt)}.`}
            {visit.status === 'queued' && 'It will be sent automatically when this device is back online.'}
          </p>
        )}
        {visit.status === 'attention' && visit.problem && (
          <div class="error-summary" role="alert">
            <h2>The server did not accept this visit</h2>
            <p>{visit.problem.message}</p>
            {visit.problem.issues && (
              <ul>{visit.problem.issues.map((i) => <li key={i.path}>{i.message}</li>)}</ul>
            )}
            <p>It is kept on this device. Reopen it as a draft to correct it and submit again.</p>
            <button type="button" class="button" onClick={reopen}>Reopen as a draft</button>
          </div>
        )}
        {editable && issues.length > 0 && (
          <ErrorSummary title="Before you can submit" errors={errorLinks} />
        )}
        <h2>Visit details</h2>
        <dl class="summary-list">
          <Row label="Provider" value={visit.providerName} />
          <Row label="Date" value={formatDate(visit.details.date)} />
          <Row label="Type" value={visit.details.announced ? 'Announced' : 'Unannounced'} />
          <Row label="Spoke with" value={visit.details.spokeWith || 'Not recorded'} />
        </dl>
        {editable && <p><a href={`/visits/${visit.id}/details`}>Change visit details</a></p>}
        {template.sections.map((section) => (
          <section key={section.id} aria-labelledby={`sum-${section.id}`}>
            <h2 id={`sum-${section.id}`}>{section.title}</h2>
            <dl class="summary-list">
              {section.items.map((item) => {
                const answer = visit.answers[item.id];
                return <Row key={item.id} label={item.label} value={answerText(template, item.id, answer?.value ?? null)} note={answer?.note} />;
              })}
              {section.rated && <Row label="Area rating" value={ratingLabel(template, visit.sectionRatings[section.id])} />}
            </dl>
            {editable && <p><a href={`/visits/${visit.id}/areas/${section.id}`}>Change {section.title.toLowerCase()}</a></p>}
          </section>
        ))}
        {editable && (
          <>
            <h2>Now send your visit</h2>
            <p>By submitting you confirm these findings are accurate to the best of your knowledge. If there is no signal it will be sent automatically later.</p>
            <button type="button" class="button" disabled={busy || issues.length > 0} onClick={submit}>
              Submit visit
            </button>
          </>
        )}
      </Page>
    </>
  );
}

function Row(props: { label: string; value: string; note?: string | undefined }) {
  return (
    <div class="summary-row">
      <dt>{props.label}</dt>
      <dd>
        {props.value}
        {props.note ? <span class="note-text">{props.note}</span> : null}
      </dd>
    </div>
  );
}

function answerText(template: Template, itemId: string, value: string | null): string {
  if (value === null || value === '') return 'Not answered';
  const item = template.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (!item || item.type !== 'choice') return value;
  return optionsFor(template, item).find((o) => o.value === value)?.label ?? value;
}

function ratingLabel(template: Template, value: string | undefined): string {
  return template.ratingScale.find((r) => r.value === value)?.label ?? 'Not rated';
}
