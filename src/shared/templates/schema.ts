// A template as data (zod/mini): sections, items of every type, show-if conditions, the rating scale
// and the scoring rule. A record keeps the template id and version it was started on.
import * as z from 'zod/mini';
import { nonEmpty, shortText, slug } from '../wire-fields';

export const ChoiceOption = z.object({
  value: slug,
  label: nonEmpty(120),
  /** Shown under the option, e.g. the grade description. */
  hint: z.optional(shortText(2000)),
  /** What the option counts for in the template's scoring rule; options without one are not scored (n/a). */
  score: z.optional(z.number()),
});
export type ChoiceOption = z.infer<typeof ChoiceOption>;

const ItemType = z.enum(['text', 'long-text', 'yes-no', 'choice', 'multi-choice', 'number', 'date', 'rating', 'group']);
type ItemType = z.infer<typeof ItemType>;

/** Show the item only when another item's answer is (or, for multiple choice, includes) one of `in`. */
const ShowIf = z.object({ item: slug, in: z.array(slug).check(z.minLength(1)) });
type ShowIf = z.infer<typeof ShowIf>;

const itemFields = {
  id: slug,
  type: ItemType,
  label: nonEmpty(300),
  guidance: z.optional(shortText(4000)),
  required: z.boolean(),
  /** For choice and multi-choice items; a choice item without them uses the template's response options. */
  options: z.optional(z.array(ChoiceOption)),
  /** Whether an evidence note is asked for: never, optional, or required unless the answer is one of `noteOptionalFor`. */
  note: z.enum(['none', 'optional', 'required']),
  noteOptionalFor: z.optional(z.array(slug)),
  showIf: z.optional(ShowIf),
  /** One of the template's evidence categories (e.g. CQC's "observation"). */
  evidenceCategory: z.optional(slug),
  /** Bounds for number items. */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
};

/** An item inside a repeating group (groups do not nest). */
export const GroupChildItem = z.object(itemFields);
export type GroupChildItem = z.infer<typeof GroupChildItem>;

/**
 * A template item. Answers are stored per item id whatever the type; a "group" item repeats its
 * `items` once per row (each person spoken to, each care plan sampled) and keeps the rows in its answer.
 */
export const TemplateItem = z.object({
  ...itemFields,
  items: z.optional(z.array(GroupChildItem)),
  /** What one row of a group is called, e.g. "Person spoken to". */
  rowLabel: z.optional(nonEmpty(80)),
  minRows: z.optional(z.int().check(z.gte(0))),
  maxRows: z.optional(z.int().check(z.gte(1), z.lte(200))),
});
export type TemplateItem = z.infer<typeof TemplateItem>;

export const TemplateSection = z.object({
  id: slug,
  title: nonEmpty(120),
  summary: z.optional(shortText(2000)),
  items: z.array(TemplateItem).check(z.minLength(1)),
  /** Whether the person gives this section a rating on the template's scale. */
  rated: z.boolean(),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/**
 * How item scores become section ratings and the overall judgement (scoring.ts):
 * - none: the person rates by judgement alone;
 * - worst: the lowest-scoring answer sets the section, the lowest section the overall (QMF RAG);
 * - average: the mean score, rounded toward the lower rating (case file audit grades, observations);
 * - percentage-bands: sum / (count x top score) as a whole percentage, placed in bands (CQC).
 */
export const Scoring = z.object({
  method: z.enum(['none', 'worst', 'average', 'percentage-bands']),
  /** For percentage-bands: each band's lowest whole percentage and the rating it gives, highest first or any order. */
  bands: z.optional(z.array(z.object({ from: z.int().check(z.gte(0), z.lte(100)), rating: slug }))),
});
export type Scoring = z.infer<typeof Scoring>;

/** The kind of record a template makes, from what it is about. */
export const Subject = z.enum(['provider', 'practitioner', 'case-file']);
export type Subject = z.infer<typeof Subject>;

export const Template = z.object({
  id: slug,
  version: z.int().check(z.gte(1)),
  framework: nonEmpty(40),
  title: nonEmpty(160),
  description: shortText(4000),
  /** What the record is about: a provider (a visit), a practitioner (an observation) or a case file (an audit). */
  subject: Subject,
  responseOptions: z.array(ChoiceOption).check(z.minLength(2)),
  ratingScale: z.array(ChoiceOption).check(z.minLength(2)),
  sections: z.array(TemplateSection).check(z.minLength(1)),
  /** Evidence categories items may be tagged with (CQC's six). */
  evidenceCategories: z.optional(z.array(ChoiceOption)),
  scoring: z.optional(Scoring),
  /** Whether the record ends with an overall judgement on the rating scale. */
  overall: z.optional(z.object({ label: nonEmpty(120), guidance: z.optional(shortText(2000)) })),
  /** Months until an action is due, by significance (defaults: significant 3, routine 6). */
  actionDueMonths: z.optional(
    z.object({ significant: z.int().check(z.gte(1), z.lte(24)), routine: z.int().check(z.gte(1), z.lte(24)) }),
  ),
});
export type Template = z.infer<typeof Template>;
