// Pure rules about a record (visit, observation or audit) against its template: what each answer
// must contain by item type, which items are shown, how far each section has got, and whether the
// record may be submitted. The check-answers page and the server both call `submissionIssues`,
// so the person sees exactly what the server would reject.
import { ratingIssues } from './scoring';
import { isItemVisible, itemOptions } from '../templates/template-rules';
import { type Answer, KIND_FOR_SUBJECT, type RecordBody } from './schema';
import { ACTION_TITLE_MAX, answerLengthIssues, DETAIL_TEXT_MAX, tooLong } from './text-limits';
import { type Issue } from '../sync/schema';
import { type GroupChildItem, type Template, type TemplateItem, type TemplateSection } from '../templates/schema';

export type SectionProgress = 'not-started' | 'in-progress' | 'completed';
type LeafAnswer = Pick<Answer, 'value' | 'note'>;

/** The options of a choice item (kept for callers that only deal with choice items). */
export function optionsFor(template: Template, item: Pick<TemplateItem, 'type' | 'options'>) {
  return itemOptions(template, item) ?? [];
}

const isBlank = (value: LeafAnswer['value'] | undefined): boolean =>
  value === null || value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** Whether this item, as answered, needs an evidence note. */
export function noteRequired(item: GroupChildItem, answer: LeafAnswer | undefined): boolean {
  if (item.note !== 'required' || isBlank(answer?.value)) return false;
  const values = Array.isArray(answer!.value) ? answer!.value : [answer!.value!];
  const optional = item.noteOptionalFor ?? [];
  return !values.every((v) => optional.includes(v));
}

const EMPTY_MESSAGE: Partial<Record<TemplateItem['type'], string>> = {
  choice: 'Select an answer',
  'yes-no': 'Select yes or no',
  rating: 'Select a rating',
  'multi-choice': 'Select at least one answer',
  number: 'Enter a number',
  date: 'Enter a date',
};

function valueIssues(template: Template, item: GroupChildItem, value: NonNullable<LeafAnswer['value']>): string[] {
  const options = itemOptions(template, item);
  if (item.type === 'multi-choice') {
    if (!Array.isArray(value)) return ['Select from the listed answers'];
    if (new Set(value).size !== value.length || value.some((v) => !options!.some((o) => o.value === v)))
      return ['Select from the listed answers'];
    return [];
  }
  if (Array.isArray(value)) return ['Enter a single answer'];
  if (options) return options.some((o) => o.value === value) ? [] : ['Select one of the listed answers'];
  if (item.type === 'number') {
    const n = Number(value.trim());
    if (!/^-?\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n)) return ['Enter a number, like 12 or 3.5'];
    if (item.min !== undefined && n < item.min) return [`Enter a number of at least ${item.min}`];
    if (item.max !== undefined && n > item.max) return [`Enter a number no more than ${item.max}`];
  }
  if (item.type === 'date') {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(value) &&
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    if (!valid) return ['Enter a real date'];
  }
  return [];
}

/** The problems with one (non-group) item's answer, as messages for the person (empty when fine). */
export function itemIssues(template: Template, item: GroupChildItem, answer: LeafAnswer | undefined): string[] {
  const value = answer?.value ?? null;
  // Checked even when unanswered: the schema refuses an over-long note whatever the answer.
  const lengths = answerLengthIssues(answer, item.type === 'rating' ? 'Rationale' : 'Evidence');
  if (value === null || isBlank(value))
    return [...(item.required ? [EMPTY_MESSAGE[item.type] ?? 'Enter an answer'] : []), ...lengths];
  const problems = valueIssues(template, item, value);
  if (noteRequired(item, answer) && (answer?.note ?? '').trim() === '')
    problems.push('Enter the evidence for this answer');
  return [...problems, ...lengths];
}

/** Problems with a repeating group's rows, each message prefixed with the row it is about. */
export function groupIssues(
  template: Template,
  group: TemplateItem,
  answer: Answer | undefined,
): Array<{ path: string; message: string }> {
  const rows = answer?.rows ?? [];
  const issues: Array<{ path: string; message: string }> = [];
  const least = Math.max(group.minRows ?? 0, group.required ? 1 : 0);
  const label = (group.rowLabel ?? 'row').toLowerCase();
  if (rows.length < least)
    issues.push({ path: '', message: least === 1 ? `Add at least one ${label}` : `Add at least ${least} (${label})` });
  if (group.maxRows !== undefined && rows.length > group.maxRows)
    issues.push({ path: '', message: `Add no more than ${group.maxRows}` });
  const children = new Set((group.items ?? []).map((c) => c.id));
  rows.forEach((row, index) => {
    for (const child of group.items ?? []) {
      if (!isItemVisible(child, row.answers)) continue;
      for (const message of itemIssues(template, child, row.answers[child.id])) {
        issues.push({
          path: `.rows.${index}.${child.id}`,
          message: `${group.rowLabel ?? 'Row'} ${index + 1}: ${child.label} — ${message}`,
        });
      }
    }
    for (const id of Object.keys(row.answers)) {
      if (!children.has(id)) issues.push({ path: `.rows.${index}.${id}`, message: `No item "${id}" in this group` });
    }
  });
  return issues;
}

/** Every problem with one top-level item as the person would read them (hidden items have none). */
export function answerIssues(template: Template, item: TemplateItem, answers: Record<string, Answer>): string[] {
  if (!isItemVisible(item, answers)) return [];
  if (item.type === 'group') return groupIssues(template, item, answers[item.id]).map((i) => i.message);
  return itemIssues(template, item, answers[item.id]);
}

function isAnswered(answer: Answer | undefined): boolean {
  return answer !== undefined && (!isBlank(answer.value) || (answer.rows?.length ?? 0) > 0);
}

export function sectionProgress(
  template: Template,
  section: TemplateSection,
  answers: Record<string, Answer>,
  ratings: Record<string, string>,
): SectionProgress {
  const touched = section.items.some((i) => isAnswered(answers[i.id])) || ratings[section.id] !== undefined;
  if (!touched) return 'not-started';
  const itemsDone = section.items.every((i) => answerIssues(template, i, answers).length === 0);
  const ratingDone = !section.rated || ratings[section.id] !== undefined;
  return itemsDone && ratingDone ? 'completed' : 'in-progress';
}

/**
 * Every reason the record cannot be accepted against this template, with a path into the body.
 * Unknown item or section ids are rejected so a changed template can never silently drop answers.
 */
export function submissionIssues(template: Template, body: RecordBody): Issue[] {
  const issues: Issue[] = [];
  if (body.templateId !== template.id || body.templateVersion !== template.version) {
    issues.push({
      path: 'templateVersion',
      message: `Template ${body.templateId} v${body.templateVersion} does not match`,
    });
    return issues;
  }
  if (KIND_FOR_SUBJECT[template.subject] !== body.kind) {
    issues.push({
      path: 'kind',
      message: `This template makes a ${KIND_FOR_SUBJECT[template.subject]}, not a ${body.kind}`,
    });
    return issues;
  }
  const items = new Map<string, TemplateItem>();
  for (const section of template.sections) {
    for (const item of section.items) {
      items.set(item.id, item);
      if (!isItemVisible(item, body.answers)) continue;
      if (item.type === 'group') {
        for (const i of groupIssues(template, item, body.answers[item.id])) {
          issues.push({
            path: `answers.${item.id}${i.path}`,
            message: `${section.title}: ${item.label} — ${i.message}`,
          });
        }
        continue;
      }
      for (const message of itemIssues(template, item, body.answers[item.id])) {
        issues.push({ path: `answers.${item.id}`, message: `${section.title}: ${item.label} — ${message}` });
      }
    }
    const rating = body.sectionRatings[section.id];
    if (section.rated && rating === undefined) {
      issues.push({ path: `sectionRatings.${section.id}`, message: `${section.title}: give the section a rating` });
    } else if (rating !== undefined && (!section.rated || !template.ratingScale.some((r) => r.value === rating))) {
      issues.push({
        path: `sectionRatings.${section.id}`,
        message: `${section.title}: rating "${rating}" is not on the scale`,
      });
    }
  }
  for (const [id, answer] of Object.entries(body.answers)) {
    const item = items.get(id);
    if (!item) issues.push({ path: `answers.${id}`, message: `No item "${id}" in this template version` });
    else if ((answer.rows !== undefined) !== (item.type === 'group'))
      issues.push({ path: `answers.${id}`, message: `${item.label}: rows belong only to repeating groups` });
  }
  const sectionIds = new Set(template.sections.map((s) => s.id));
  for (const id of Object.keys(body.sectionRatings)) {
    if (!sectionIds.has(id))
      issues.push({ path: `sectionRatings.${id}`, message: `No section "${id}" in this template version` });
  }
  const overall = body.overallRating ?? null;
  if (template.overall && overall === null)
    issues.push({ path: 'overallRating', message: `${template.overall.label}: give a rating` });
  if (overall !== null && (!template.overall || !template.ratingScale.some((r) => r.value === overall))) {
    issues.push({ path: 'overallRating', message: `Overall rating "${overall}" is not on the scale` });
  }
  issues.push(...ratingIssues(template, body));
  const owner = body.kind === 'visit' ? 'provider' : 'practitioner';
  for (const [index, action] of (body.actions ?? []).entries()) {
    if (action.owner !== owner)
      issues.push({
        path: `actions.${index}.owner`,
        message: `Action "${action.title}": on a ${body.kind} the ${owner} owns the action`,
      });
    if (action.itemId !== null && !items.has(action.itemId) && !sectionIds.has(action.itemId)) {
      issues.push({
        path: `actions.${index}.itemId`,
        message: `Action "${action.title}": no item or section "${action.itemId}"`,
      });
    }
  }
  for (const [index, check] of (body.actionChecks ?? []).entries()) {
    if (body.kind !== 'visit')
      issues.push({ path: `actionChecks.${index}`, message: 'Earlier actions are checked on visits only' });
    else if ((check.status === 'done' || check.status === 'verified') && check.evidence.trim() === '') {
      issues.push({
        path: `actionChecks.${index}.evidence`,
        message: 'Earlier actions: say what shows the action is complete',
      });
    }
  }
  if (body.kind === 'audit' && (body.details.feedbackSentOn ?? body.details.date) < body.details.date)
    issues.push({
      path: 'details.feedbackSentOn',
      message: 'Feedback to the worker: the date it was sent cannot be before the audit',
    });
  issues.push(...detailLengthIssues(template, body));
  const actionIds = (body.actions ?? []).map((a) => a.id);
  if (new Set(actionIds).size !== actionIds.length)
    issues.push({ path: 'actions', message: 'Each action needs its own id' });
  return issues;
}

/**
 * The record's texts outside its answers that are over the wire schema's limits, each named as
 * the page that holds it names it, so the person is told before the record is queued.
 */
function detailLengthIssues(template: Template, body: RecordBody): Issue[] {
  const issues: Issue[] = [];
  if (body.kind === 'visit' && body.details.spokeWith.length > DETAIL_TEXT_MAX)
    issues.push({ path: 'details.spokeWith', message: tooLong('Who you spoke to', DETAIL_TEXT_MAX) });
  for (const [index, action] of (body.actions ?? []).entries()) {
    if (action.title.length > ACTION_TITLE_MAX)
      issues.push({
        path: `actions.${index}.title`,
        message: tooLong(`Action ${index + 1}: the title`, ACTION_TITLE_MAX),
      });
    if (action.detail.length > DETAIL_TEXT_MAX)
      issues.push({
        path: `actions.${index}.detail`,
        message: tooLong(`Action "${action.title.slice(0, 80)}": “What must change”`, DETAIL_TEXT_MAX),
      });
  }
  for (const [index, check] of (body.actionChecks ?? []).entries()) {
    if (check.evidence.length > DETAIL_TEXT_MAX)
      issues.push({
        path: `actionChecks.${index}.evidence`,
        message: tooLong('Earlier actions: the evidence', DETAIL_TEXT_MAX),
      });
  }
  for (const [key, override] of Object.entries(body.ratingOverrides ?? {})) {
    if (override.reason.length <= DETAIL_TEXT_MAX) continue;
    const where = template.sections.find((s) => s.id === key)?.title ?? template.overall?.label ?? 'Overall rating';
    issues.push({
      path: `ratingOverrides.${key}`,
      message: tooLong(`${where}: the reason for a different rating`, DETAIL_TEXT_MAX),
    });
  }
  return issues;
}

/** Every file a record names (photos on answers and on group rows, signatures), each once, in a stable order. */
export function attachmentHashes(body: Pick<RecordBody, 'answers' | 'signatures'>): string[] {
  const hashes = new Set<string>();
  for (const answer of Object.values(body.answers)) {
    for (const a of answer.attachments ?? []) hashes.add(a.sha256);
    for (const row of answer.rows ?? [])
      for (const cell of Object.values(row.answers)) for (const a of cell.attachments ?? []) hashes.add(a.sha256);
  }
  for (const s of body.signatures ?? []) hashes.add(s.sha256);
  return [...hashes].sort();
}

/**
 * JSON with object keys sorted, so equal bodies compare equal whatever order they were built in.
 * Written as loops over sorted keys (not entries, filters and template strings): the server hashes
 * every received record through it, so it is on the ingest path. Keys whose value is undefined are
 * left out, as JSON.stringify leaves them out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ',';
      text += canonicalJson(value[i]) ?? '';
    }
    return `${text}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/** Turns zod issues into the contract's `{ path, message }` list. */
export function toIssues(zodIssues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): Issue[] {
  return zodIssues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** What a record is about: its kind and details, as the full body and a list's summary both have them. */
export type RecordHead = RecordBody extends infer B
  ? B extends RecordBody
    ? Pick<B, 'kind' | 'details'>
    : never
  : never;

/** How a record is named in lists: the provider (by name when known), the practitioner, or the case and practitioner. */
export function recordSubject(
  body: RecordHead,
  providerName: (id: string) => string | undefined = () => undefined,
): string {
  if (body.kind === 'observation') return body.details.practitionerName;
  if (body.kind === 'audit') return `Case ${body.details.caseReference} (${body.details.practitionerName})`;
  return providerName(body.details.providerId) ?? body.details.providerId;
}
