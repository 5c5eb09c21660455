// What stops a record being submitted, as check answers shows it: a GOV.UK error summary grouped
// under a heading per area, each message short and naming its question briefly, each linking to
// the page where it is fixed. An area not started is one line, not a line per question. Before
// issue 17 an incomplete visit listed 79 errors, each repeating its area and whole question, over
// 10,069 px of a phone. The problems are the shared rules' (submissionIssues), as the server's.
import { useEffect, useRef } from 'preact/hooks';
import { sectionProgress } from '../../shared/records/record-rules';
import { OVERALL, type Answer } from '../../shared/records/schema';
import type { Issue } from '../../shared/sync/schema';
import type { Template, TemplateSection } from '../../shared/templates/schema';
import { detailsTitle, recordNoun } from './labels';
import type { LocalRecord } from '../storage/database';

type Link = { href: string; message: string };
type Group = { id: string; title: string; errors: Link[] };

/**
 * Where to go to fix a problem: the section holding the item, the judgement page, the actions or
 * the details, with the field itself as the fragment (its control's id, as the page's own error
 * summary links it), which the page focuses and scrolls to on arrival (components/Page.tsx):
 * before issue 17's fix a link opened the top of an area of eight questions.
 */
export function fixLink(template: Template, recordId: string, path: string): string {
  const [field, id] = path.split('.');
  const base = `/visits/${recordId}`;
  if (field === 'overallRating') return `${base}/judgement#rating-${OVERALL}`;
  if (field === 'ratingOverrides' && id === OVERALL) return `${base}/judgement#rating-${OVERALL}-reason`;
  if (field === 'actions') return `${base}/actions`;
  if (field === 'actionChecks') return `${base}/earlier-actions`;
  if (field === 'sectionRatings') return `${base}/areas/${id ?? ''}#rating-${id ?? ''}`;
  if (field === 'ratingOverrides') return `${base}/areas/${id ?? ''}#rating-${id ?? ''}-reason`;
  const section = sectionOf(template, path);
  if (section) return `${base}/areas/${section.id}#${id ?? ''}`;
  return field === 'details' && id ? `${base}/details#${id}` : `${base}/details`;
}

function sectionOf(template: Template, path: string): TemplateSection | undefined {
  const [field, id] = path.split('.');
  if (field === 'sectionRatings' || field === 'ratingOverrides') return template.sections.find((s) => s.id === id);
  if (field !== 'answers') return undefined;
  return template.sections.find((s) => s.items.some((item) => item.id === id));
}

/** A question named briefly: its first words, cut at a word, when the whole would fill lines. */
export function briefly(label: string, most = 48): string {
  if (label.length <= most) return label;
  const cut = label.slice(0, most);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : most).replace(/[,;:]$/, '')}…`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The message under its area's heading: without the area's name, and the question named briefly. */
function shortMessage(section: TemplateSection, issue: Issue, noun: string): string {
  let message = issue.message;
  if (message.startsWith(`${section.title}: `)) message = message.slice(section.title.length + 2);
  const item = section.items.find((i) => i.id === issue.path.split('.')[1]);
  if (item && message.startsWith(`${item.label} — `)) {
    const rest = message.slice(item.label.length + 3);
    message = `${briefly(item.label)}: ${rest.charAt(0).toLowerCase()}${rest.slice(1)}`;
  }
  return capitalised(message.replace(/^give the section a rating$/, `give the ${noun} a rating`));
}

/** The problems by area in the template's order, then the record's other parts (details, overall rating, actions). */
export function groupedErrors(
  template: Template,
  record: Pick<LocalRecord, 'id' | 'kind' | 'answers' | 'sectionRatings'>,
  issues: Issue[],
): Group[] {
  const groups = new Map<string, Group>();
  const add = (id: string, title: string, error: Link) => {
    const group = groups.get(id) ?? { id, title, errors: [] };
    group.errors.push(error);
    groups.set(id, group);
  };
  for (const section of template.sections) {
    const own = issues.filter((i) => sectionOf(template, i.path) === section);
    if (own.length === 0) continue;
    const answers: Record<string, Answer> = record.answers;
    if (sectionProgress(template, section, answers, record.sectionRatings) === 'not-started') {
      const questions = own.filter((i) => i.path.startsWith('answers.')).length;
      const rest = questions === 1 ? 'answer its question' : `answer its ${questions} questions`;
      add(section.id, section.title, {
        href: `/visits/${record.id}/areas/${section.id}`,
        message: `Not started: ${questions > 0 ? rest : 'give it a rating'}${questions > 0 && section.rated ? ' and give it a rating' : ''}`,
      });
      continue;
    }
    for (const issue of own)
      add(section.id, section.title, {
        href: fixLink(template, record.id, issue.path),
        message: shortMessage(section, issue, record.kind === 'visit' ? 'area' : 'section'),
      });
  }
  for (const issue of issues) {
    if (sectionOf(template, issue.path)) continue;
    const field = issue.path.split('.')[0];
    const title =
      field === 'overallRating' || field === 'ratingOverrides'
        ? (template.overall?.label ?? 'Overall rating')
        : field === 'actions' || field === 'actionChecks'
          ? 'Actions'
          : field === 'details'
            ? detailsTitle(record.kind)
            : `The ${recordNoun(record.kind)}`;
    add(
      `other-${field === 'ratingOverrides' ? 'overallRating' : field === 'actionChecks' ? 'actions' : field}`,
      title,
      {
        href: fixLink(template, record.id, issue.path),
        message: capitalised(
          issue.message.startsWith(`${title}: `) ? issue.message.slice(title.length + 2) : issue.message,
        ),
      },
    );
  }
  return [...groups.values()];
}

/** The GOV.UK error summary with a heading per group; focused when it appears, as ErrorSummary is. */
export function GroupedErrorSummary(props: { title: string; groups: Group[] }) {
  const box = useRef<HTMLDivElement>(null);
  const count = props.groups.length;
  useEffect(() => {
    if (count > 0) box.current?.focus();
  }, [count > 0]);
  if (count === 0) return null;
  return (
    <div
      class="error-summary grouped"
      role="alert"
      tabIndex={-1}
      ref={box}
      aria-labelledby="check-errors-title"
      data-testid="check-errors"
    >
      <h2 id="check-errors-title">{props.title}</h2>
      {props.groups.map((group) => (
        <section key={group.id} aria-labelledby={`check-errors-${group.id}`}>
          <h3 id={`check-errors-${group.id}`}>{group.title}</h3>
          <ul>
            {group.errors.map((e) => (
              <li key={e.href + e.message}>
                <a href={e.href}>{e.message}</a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
