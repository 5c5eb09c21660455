// The record as a task list (GOV.UK "complete multiple tasks"): its details, each section of the
// template with its progress, the overall judgement and the actions, then "check your answers".
// Every answer is already saved.
import { recordDeadlines } from '../../shared/deadlines';
import { sectionProgress, type SectionProgress } from '../../shared/records/record-rules';
import { ratingIssues } from '../../shared/records/scoring';
import { OVERALL, type AuditDetails } from '../../shared/records/schema';
import { type Template } from '../../shared/templates/schema';
import { BackLink, Page } from '../components/Page';
import { dueText, formatDate } from '../components/format';
import type { LocalRecord } from '../storage/database';
import { signatureRoles } from '../evidence/signature-store';
import { withTemplate } from './with-template';
import { detailsTitle, FEEDBACK_TITLE } from './labels';
import { useDeadlineRules } from '../sync/settings';

const progressLabel: Record<SectionProgress, string> = {
  'not-started': 'Not yet started',
  'in-progress': 'In progress',
  completed: 'Completed',
};
const progressClass: Record<SectionProgress, string> = {
  'not-started': 'tag grey',
  'in-progress': 'tag blue',
  completed: 'tag green',
};

export const TaskListPage = withTemplate(function TaskList(props: { visit: LocalRecord; template: Template }) {
  const { visit, template } = props;
  const progress = template.sections.map((s) => sectionProgress(template, s, visit.answers, visit.sectionRatings));
  const done = progress.filter((p) => p === 'completed').length;
  const noun = visit.kind === 'visit' ? 'areas' : 'sections';
  const overallIssues = ratingIssues(template, visit).filter((i) => i.path === `ratingOverrides.${OVERALL}`);
  const judgement: SectionProgress =
    visit.overallRating === null ? 'not-started' : overallIssues.length > 0 ? 'in-progress' : 'completed';
  const deadlines = recordDeadlines(visit.kind, visit.details.date, useDeadlineRules());
  const feedbackSentOn = visit.kind === 'audit' ? ((visit.details as AuditDetails).feedbackSentOn ?? null) : null;
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page
        title={visit.subjectName}
        documentTitle={template.title}
        caption={`${template.title} · ${formatDate(visit.details.date)}`}
      >
        {visit.problem && (
          <div class="warning-text" role="note">
            <strong>The server turned this visit down last time: {visit.problem.message}</strong>
            {visit.problem.issues && (
              <ul>
                {visit.problem.issues.map((i) => (
                  <li key={i.path}>{i.message}</li>
                ))}
              </ul>
            )}
            <p>Correct it, then check your answers and submit again.</p>
          </div>
        )}
        {visit.review?.status === 'returned' && (
          <div class="warning-text" role="note" data-testid="review-comment">
            <strong>
              Amending revision {visit.baseRevision}. {visit.review.reviewerName} asked:
            </strong>{' '}
            {visit.review.comment}
          </div>
        )}
        <p class="body" data-testid="progress">
          You have completed {done} of {template.sections.length} {noun}. Answers are saved on this device as you go.
        </p>
        {deadlines.map((d) => (
          <p class="body" key={d.kind} data-testid="deadline">
            {d.kind === 'audit-feedback' && feedbackSentOn ? (
              <>
                {d.label}: sent on <strong>{formatDate(feedbackSentOn)}</strong> (due {formatDate(d.dueDate)}).
              </>
            ) : (
              <>
                {d.label} by <strong>{formatDate(d.dueDate)}</strong> ({dueText(d.dueDate).toLowerCase()}).
              </>
            )}
          </p>
        ))}
        <ol class="task-list">
          <li class="task">
            <a class="task-name" href={`/visits/${visit.id}/details`} aria-describedby="task-details-status">
              {detailsTitle(visit.kind)}
            </a>
            <span id="task-details-status" class="tag green">
              Completed
            </span>
          </li>
          {template.sections.map((section, index) => {
            const state = progress[index] ?? 'not-started';
            return (
              <li class="task" key={section.id}>
                <a
                  class="task-name"
                  href={`/visits/${visit.id}/areas/${section.id}`}
                  aria-describedby={`task-${section.id}-status`}
                  data-testid="section-task"
                >
                  {section.title}
                </a>
                <span id={`task-${section.id}-status`} class={progressClass[state]}>
                  {progressLabel[state]}
                </span>
              </li>
            );
          })}
          {template.overall && (
            <li class="task">
              <a class="task-name" href={`/visits/${visit.id}/judgement`} aria-describedby="task-judgement-status">
                {template.overall.label}
              </a>
              <span id="task-judgement-status" class={progressClass[judgement]}>
                {progressLabel[judgement]}
              </span>
            </li>
          )}
          {(visit.briefingSnapshot?.openActions.length ?? 0) > 0 && (
            <li class="task">
              <a class="task-name" href={`/visits/${visit.id}/earlier-actions`} aria-describedby="task-earlier-status">
                Actions from earlier visits
              </a>
              <span id="task-earlier-status" class="tag grey">
                {visit.actionChecks.length} of {visit.briefingSnapshot!.openActions.length} checked
              </span>
            </li>
          )}
          {signatureRoles(visit.kind).length > 0 && (
            <li class="task">
              <a class="task-name" href={`/visits/${visit.id}/signatures`} aria-describedby="task-signatures-status">
                Signatures
              </a>
              <span id="task-signatures-status" class="tag grey">
                {(visit.signatures ?? []).length} of {signatureRoles(visit.kind).length} signed
              </span>
            </li>
          )}
          {visit.kind === 'audit' && (
            <li class="task">
              <a class="task-name" href={`/visits/${visit.id}/feedback`} aria-describedby="task-feedback-status">
                {FEEDBACK_TITLE}
              </a>
              <span id="task-feedback-status" class={feedbackSentOn ? 'tag green' : 'tag grey'}>
                {feedbackSentOn ? `Sent ${formatDate(feedbackSentOn)}` : 'Not yet sent'}
              </span>
            </li>
          )}
          <li class="task">
            <a class="task-name" href={`/visits/${visit.id}/actions`} aria-describedby="task-actions-status">
              Actions
            </a>
            <span id="task-actions-status" class="tag grey">
              {visit.actions.length === 0 ? 'None raised' : `${visit.actions.length} raised`}
            </span>
          </li>
        </ol>
        <a class="button" href={`/visits/${visit.id}/check`}>
          Check answers and submit
        </a>
      </Page>
    </>
  );
});
