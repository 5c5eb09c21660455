// Complete, valid records made from a template, for demo data and tests: every item answered
// (groups get the rows they need) and each rated section steered to a target rating through its
// answers, so the ratings are the ones the scoring rule suggests and need no override.
import { randomUUID } from 'node:crypto';
import { type Answer, KIND_FOR_SUBJECT, type RecordBody } from '../../shared/records/schema';
import { type GroupChildItem, type Template, type TemplateSection } from '../../shared/templates/schema';
import { ratingScore, suggestOverallRating, suggestSectionRating } from '../../shared/records/scoring';
import { itemOptions } from '../../shared/templates/template-rules';

type Filled = { value: string | string[] | null; note: string };

/** A plausible answer for any item type: the best-scoring option, with evidence where it is asked for. */
function fillAnswer(template: Template, item: GroupChildItem, date: string, score: number | null): Filled {
  const options = itemOptions(template, item);
  const ranked = options ? [...options].sort((a, b) => (b.score ?? -1) - (a.score ?? -1)) : [];
  const chosen = (score !== null ? ranked.find((o) => o.score === score) : undefined) ?? ranked[0];
  const note = item.note === 'none' ? '' : 'Seen and discussed.';
  switch (item.type) {
    case 'multi-choice':
      return { value: [chosen!.value], note };
    case 'number':
      return { value: String(item.min ?? 1), note };
    case 'date':
      return { value: date, note };
    case 'text':
    case 'long-text':
      return { value: 'Seen and discussed with the manager.', note };
    default:
      return { value: chosen?.value ?? null, note };
  }
}

const scored = (template: Template, item: GroupChildItem) =>
  (itemOptions(template, item) ?? []).some((o) => o.score !== undefined);

/**
 * Answers for one section. With a target rating, rating items take it; scored questions take the
 * answer of the target's score one at a time, in order (not those shown only by a condition),
 * until the section's rule suggests the target: one is enough for worst-of, threshold counts may
 * need several (a non-critical check not met gives Amber, three give Red).
 */
function sectionAnswers(
  template: Template,
  section: TemplateSection,
  date: string,
  target: string | undefined,
): Record<string, Answer> {
  const targetScore = target === undefined ? null : ratingScore(template, target);
  const steerable = section.items.filter(
    (item) => item.type !== 'group' && item.type !== 'rating' && scored(template, item) && item.showIf === undefined,
  ).length;
  const answersSteering = (questions: number): Record<string, Answer> => {
    const answers: Record<string, Answer> = {};
    let steered = 0;
    for (const item of section.items) {
      if (item.type === 'group') {
        const count = Math.max(item.minRows ?? 0, item.required ? 1 : 0);
        const rows = Array.from({ length: count }, (_, n) => ({
          id: `row-${n + 1}`,
          answers: Object.fromEntries((item.items ?? []).map((c) => [c.id, fillAnswer(template, c, date, null)])),
        }));
        answers[item.id] = { value: null, note: '', rows };
        continue;
      }
      const steer =
        targetScore !== null &&
        scored(template, item) &&
        (item.type === 'rating' || (steered < questions && item.showIf === undefined));
      answers[item.id] = fillAnswer(template, item, date, steer ? targetScore : null);
      if (steer && item.type !== 'rating') steered += 1;
    }
    return answers;
  };
  let answers = answersSteering(1);
  for (let questions = 2; section.rated && target !== undefined && questions <= steerable; questions += 1) {
    if (suggestSectionRating(template, section, answers).rating === target) break;
    answers = answersSteering(questions);
  }
  return answers;
}

/**
 * A complete record of `template`. `targets` steers rated sections (by id) to a rating; the others
 * get the best answers. Ratings are the suggested ones.
 */
export function makeRecord(
  template: Template,
  details: RecordBody['details'],
  options: { targets?: Record<string, string>; overrides?: Record<string, unknown> } = {},
): RecordBody {
  const date = details.date;
  const answers: RecordBody['answers'] = {};
  const sectionRatings: RecordBody['sectionRatings'] = {};
  for (const section of template.sections) {
    Object.assign(answers, sectionAnswers(template, section, date, options.targets?.[section.id]));
    if (section.rated)
      sectionRatings[section.id] =
        suggestSectionRating(template, section, answers).rating ?? template.ratingScale[0]!.value;
  }
  const overallRating = template.overall
    ? (suggestOverallRating(template, sectionRatings, answers).rating ?? template.ratingScale[0]!.value)
    : null;
  return {
    id: randomUUID(),
    revision: 1,
    baseRevision: null,
    kind: KIND_FOR_SUBJECT[template.subject],
    templateId: template.id,
    templateVersion: template.version,
    details,
    answers,
    sectionRatings,
    overallRating,
    startedAt: `${date}T09:30:00+00:00`,
    submittedAt: `${date}T15:10:00+00:00`,
    ...options.overrides,
  } as RecordBody;
}
