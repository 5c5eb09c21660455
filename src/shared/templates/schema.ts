// A template as data (zod/mini): sections, items of every type, show-if conditions, the rating scale
// and the scoring rule. A record keeps the template id and version it was started on.
import * as z from 'zod/mini';
import { nonEmpty, shortText, slug } from '../wire-fields';
import { ServiceType } from '../briefings/register';

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
  /**
   * Where the section comes from (a seed paragraph or a published framework), for the people who
   * maintain and audit templates. Never shown to officers.
   */
  source: z.optional(shortText(600)),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/**
 * Where a rule, threshold or critical part comes from: a seed paragraph or a published framework
 * (`source`), and, where that source is silent, a `note` saying so and which safer rule was
 * chosen. For the people who maintain and audit templates; never shown to officers.
 */
const citation = { source: nonEmpty(600), note: z.optional(shortText(1000)) };

/** A part (an item at section level, a section at overall level) the result cannot be better than. */
export const CriticalPart = z.object({ id: slug, reason: nonEmpty(600), ...citation });
export type CriticalPart = z.infer<typeof CriticalPart>;

/**
 * A threshold count: when at least `atLeast` parts are one of `answers` (answer values at section
 * level, section ratings at overall level; only the rule's critical parts when `criticalOnly`),
 * the result is `atBest` or worse.
 */
export const CountThreshold = z.object({
  answers: z.array(slug).check(z.minLength(1)),
  criticalOnly: z.optional(z.boolean()),
  atLeast: z.int().check(z.gte(1)),
  atBest: slug,
  reason: nonEmpty(600),
  ...citation,
});
export type CountThreshold = z.infer<typeof CountThreshold>;

/**
 * An answer that caps the overall judgement: when `item` is answered one of `in`, the overall is
 * `atBest` or worse (CQC: a breach of regulation limits the overall to Requires improvement).
 */
export const RatingLimiter = z.object({
  item: slug,
  in: z.array(slug).check(z.minLength(1)),
  atBest: slug,
  reason: nonEmpty(600),
  ...citation,
});
export type RatingLimiter = z.infer<typeof RatingLimiter>;

/**
 * A named aggregation rule (records/rating-rules.ts), at section level over the section's scored
 * answers or at overall level over the section ratings given:
 * - worst-of: the lowest-scoring part sets the result;
 * - percentage-bands: sum / (count x top score) as an exact percentage, in the band with the
 *   highest start it reaches (a percentage between two bands, e.g. 62.5%, is in the lower one);
 * - limiting-judgement: the mean score rounded toward the lower rating, no better than any
 *   critical part, nor more than `maxBandsAboveWorst` bands above the worst part, nor than any
 *   threshold reached;
 * - threshold-counts: the top rating unless a threshold is reached;
 * - cqc-rating-principles: CQC's rules for the overall rating from the key question ratings
 *   (overall level only).
 */
export const AggregationRule = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('worst-of'), ...citation }),
  z.object({
    rule: z.literal('percentage-bands'),
    bands: z.array(z.object({ from: z.int().check(z.gte(0), z.lte(100)), rating: slug })).check(z.minLength(1)),
    ...citation,
  }),
  z.object({
    rule: z.literal('limiting-judgement'),
    critical: z.optional(z.array(CriticalPart)),
    maxBandsAboveWorst: z.optional(z.int().check(z.gte(0))),
    /** Counts that cap the result too (e.g. two or more parts Red give Red). */
    thresholds: z.optional(z.array(CountThreshold)),
    ...citation,
  }),
  z.object({
    rule: z.literal('threshold-counts'),
    critical: z.optional(z.array(CriticalPart)),
    thresholds: z.array(CountThreshold).check(z.minLength(1)),
    ...citation,
  }),
  z.object({
    rule: z.literal('cqc-rating-principles'),
    /** Which ratings of the scale are CQC's four. */
    ratings: z.object({ outstanding: slug, good: slug, requiresImprovement: slug, inadequate: slug }),
    ...citation,
  }),
]);
export type AggregationRule = z.infer<typeof AggregationRule>;

/**
 * How item scores become section ratings and the overall judgement (scoring.ts). The first four
 * methods are kept, unchanged, for the template versions published with them:
 * - none: the person rates by judgement alone;
 * - worst: the lowest-scoring answer sets the section, the lowest section the overall (QMF v2 RAG);
 * - average: the mean score, rounded toward the lower rating (case file audit v1, observations v1);
 * - percentage-bands: sum / (count x top score) as a whole percentage, placed in bands (CQC v1);
 * - rules: the named `section` and `overall` rules (AggregationRule), each citing its source, with
 *   any `limiters` applied to the overall.
 */
export const Scoring = z.object({
  method: z.enum(['none', 'worst', 'average', 'percentage-bands', 'rules']),
  /** For percentage-bands: each band's lowest whole percentage and the rating it gives, highest first or any order. */
  bands: z.optional(z.array(z.object({ from: z.int().check(z.gte(0), z.lte(100)), rating: slug }))),
  /** For rules: how a rated section's answers become its rating. */
  section: z.optional(AggregationRule),
  /** For rules: how the section ratings become the overall judgement. */
  overall: z.optional(AggregationRule),
  /** For rules: answers that cap the overall judgement. */
  limiters: z.optional(z.array(RatingLimiter)),
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
  /**
   * For a provider template, the register's service types it is offered for (a home care visit is
   * not a care home visit); absent, any. Only filters what is offered: a record already started
   * keeps its template whatever the provider. Versions published before this field are looked up
   * in service-types.ts.
   */
  serviceTypes: z.optional(z.array(ServiceType).check(z.minLength(1))),
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
