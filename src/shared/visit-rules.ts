// Pure rules about a visit against its template: what an answer must contain, how far each area
// has got, and whether a record may be submitted. The check-answers page and the server both
// call `submissionIssues`, so the officer sees exactly what the server would reject.
import type { Answer, Issue, SubmissionBody, Template, TemplateItem, TemplateSection } from './schemas';

export type SectionProgress = 'not-started' | 'in-progress' | 'completed';

export function optionsFor(template: Template, item: TemplateItem) {
  return item.options ?? template.responseOptions;
}

/** Whether this item, as answered, needs an evidence note. */
export function noteRequired(item: TemplateItem, answer: Answer | undefined): boolean {
  if (item.note !== 'required') return false;
  const value = answer?.value ?? null;
  if (value === null) return false;
  return !(item.noteOptionalFor ?? []).includes(value);
}

/** The problems with one item's answer, as messages for the person (empty when it is fine). */
export function itemIssues(template: Template, item: TemplateItem, answer: Answer | undefined): string[] {
  const value = answer?.value ?? null;
  const problems: string[] = [];
  if (value === null || value.trim() === '') {
    if (item.required) problems.push(item.type === 'choice' ? 'Select an answer' : 'Enter an answer');
    return problems;
  }
  if (item.type === 'choice' && !optionsFor(template, item).some((o) => o.value === value)) {
    problems.push('Select one of the listed answers');
  }
  if (noteRequired(item, answer) && (answer?.note ?? '').trim() === '') {
    problems.push('Enter the evidence for this answer');
  }
  return problems;
}

function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && answer.value !== null && answer.value.trim() !== '';
}

export function sectionProgress(
  template: Template,
  section: TemplateSection,
  answers: Record<string, Answer>,
  ratings: Record<string, string>,
): SectionProgress {
  const touched = section.items.some((i) => isAnswered(answers[i.id])) || ratings[section.id] !== undefined;
  if (!touched) return 'not-started';
  const itemsDone = section.items.every((i) => itemIssues(template, i, answers[i.id]).length === 0);
  const ratingDone = !section.rated || ratings[section.id] !== undefined;
  return itemsDone && ratingDone ? 'completed' : 'in-progress';
}

/**
 * Every reason the record cannot be accepted against this template, with a path into the body.
 * Unknown item or section ids are rejected so a changed template can never silently drop answers.
 */
export function submissionIssues(template: Template, body: SubmissionBody): Issue[] {
  const issues: Issue[] = [];
  if (body.templateId !== template.id || body.templateVersion !== template.version) {
    issues.push({ path: 'templateVersion', message: `Template ${body.templateId} v${body.templateVersion} does not match` });
    return issues;
  }
  const items = new Map<string, TemplateItem>();
  for (const section of template.sections) {
    for (const item of section.items) {
      items.set(item.id, item);
      for (const message of itemIssues(template, item, body.answers[item.id])) {
        issues.push({ path: `answers.${item.id}`, message: `${section.title}: ${item.label} — ${message}` });
      }
    }
    const rating = body.sectionRatings[section.id];
    if (section.rated && rating === undefined) {
      issues.push({ path: `sectionRatings.${section.id}`, message: `${section.title}: give the area a rating` });
    } else if (rating !== undefined && (!section.rated || !template.ratingScale.some((r) => r.value === rating))) {
      issues.push({ path: `sectionRatings.${section.id}`, message: `${section.title}: rating "${rating}" is not on the scale` });
    }
  }
  for (const id of Object.keys(body.answers)) {
    if (!items.has(id)) issues.push({ path: `answers.${id}`, message: `No item "${id}" in this template version` });
  }
  const sectionIds = new Set(template.sections.map((s) => s.id));
  for (const id of Object.keys(body.sectionRatings)) {
    if (!sectionIds.has(id)) issues.push({ path: `sectionRatings.${id}`, message: `No area "${id}" in this template version` });
  }
  return issues;
}

/** JSON with object keys sorted, so equal bodies compare equal whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Turns zod issues into the contract's `{ path, message }` list. */
export function toIssues(zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Issue[] {
  return zodIssues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}
