// The visit as a task list (GOV.UK "complete multiple tasks"): visit details, each area of the
// template with its progress, then "check your answers". Every answer is already saved.
import { sectionProgress, type SectionProgress } from '../../shared/visit-rules';
import { BackLink, Page } from '../components/Page';
import { formatDate } from '../components/format';
import type { VisitRecord } from '../storage/database';
import { useTemplate } from './queries';

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

export function TaskListPage(props: { visit: VisitRecord }) {
  const { visit } = props;
  const template = useTemplate(visit.templateId, visit.templateVersion);
  if (template === undefined) return <p>Loading…</p>;
  if (template === null) return <MissingTemplate />;
  const progress = template.sections.map((s) => sectionProgress(template, s, visit.answers, visit.sectionRatings));
  const done = progress.filter((p) => p === 'completed').length;
  return (
    <>
      <BackLink href="/">My visits</BackLink>
      <Page title={visit.providerName} caption={`${template.title} · ${formatDate(visit.details.date)}`}>
        {visit.problem && (
          <div class="warning-text" role="note">
            <strong>The server turned this visit down last time: {visit.problem.message}</strong>
            {visit.problem.issues && <ul>{visit.problem.issues.map((i) => <li key={i.path}>{i.message}</li>)}</ul>}
            <p>Correct it, then check your answers and submit again.</p>
          </div>
        )}
        <p class="body" data-testid="progress">
          You have completed {done} of {template.sections.length} areas. Answers are saved on this device as you go.
        </p>
        <ol class="task-list">
          <li class="task">
            <a class="task-name" href={`/visits/${visit.id}/details`} aria-describedby="task-details-status">Visit details</a>
            <span id="task-details-status" class="tag green">Completed</span>
          </li>
          {template.sections.map((section, index) => {
            const state = progress[index] ?? 'not-started';
            return (
              <li class="task" key={section.id}>
                <a class="task-name" href={`/visits/${visit.id}/areas/${section.id}`} aria-describedby={`task-${section.id}-status`}>
                  {section.title}
                </a>
                <span id={`task-${section.id}-status`} class={progressClass[state]}>
                  {progressLabel[state]}
                </span>
              </li>
            );
          })}
        </ol>
        <a class="button" href={`/visits/${visit.id}/check`}>
          Check answers and submit
        </a>
      </Page>
    </>
  );
}

export function MissingTemplate() {
  return (
    <Page title="Template not on this device">
      <p>This visit uses a template version that is not on this device. Connect and choose “Sync now” to fetch it.</p>
      <a href="/">Back to my visits</a>
    </Page>
  );
}
