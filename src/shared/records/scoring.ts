// Item scores to section ratings to an overall judgement, by the template's rule (templates/schema.ts
// `Scoring`): the methods of the first template versions (kept unchanged, since records keep the
// version they were started on), or the named rules of rating-rules.ts. Pure and shared: the app
// shows the suggestion live, the server recomputes it and refuses a record whose stated suggestion
// differs or whose override has no written reason. Hidden items (show-if not met) and items inside
// repeating groups never count.
import { isItemVisible, itemOptions } from '../templates/template-rules';
import { type Answer, OVERALL, type RatingOverride } from './schema';
import { type Issue } from '../sync/schema';
import { type ChoiceOption, type Template, type TemplateSection } from '../templates/schema';
import { applyLimiters, applyRule, type Part, ratingForScore } from './rating-rules';

export type Suggestion = {
  /** The rating the rule gives, or null when nothing scored has been answered yet. */
  rating: string | null;
  /**
   * For percentage scoring, the percentage the rating came from: whole (rounded) for the legacy
   * method, rounded down to one decimal place for the percentage-bands rule.
   */
  percentage: number | null;
  /** How many answers counted. */
  counted: number;
};

const NONE: Suggestion = { rating: null, percentage: null, counted: 0 };

const topScore = (options: ChoiceOption[]) => Math.max(...options.map((o) => o.score ?? -Infinity));

export function ratingScore(template: Template, rating: string | undefined | null): number | null {
  return template.ratingScale.find((o) => o.value === rating)?.score ?? null;
}

/** The band for a whole percentage: the band with the highest start at or below it. */
function ratingForPercentage(template: Template, percentage: number): string | null {
  const bands = [...(template.scoring?.bands ?? [])].sort((a, b) => b.from - a.from);
  return bands.find((b) => b.from <= percentage)?.rating ?? null;
}

/** Scores and their maxima from a list of (score, best possible) pairs, by the template's legacy method. */
function combine(template: Template, scores: Array<{ score: number; max: number }>): Suggestion {
  if (scores.length === 0) return NONE;
  const method = template.scoring?.method ?? 'none';
  const values = scores.map((s) => s.score);
  switch (method) {
    case 'worst':
      return { rating: ratingForScore(template, Math.min(...values)), percentage: null, counted: scores.length };
    case 'average': {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return { rating: ratingForScore(template, mean), percentage: null, counted: scores.length };
    }
    case 'percentage-bands': {
      const total = values.reduce((a, b) => a + b, 0);
      const max = scores.reduce((a, s) => a + s.max, 0);
      const percentage = Math.round((100 * total) / max);
      return { rating: ratingForPercentage(template, percentage), percentage, counted: scores.length };
    }
    default:
      return NONE;
  }
}

/** The section's answered, shown, scored items (groups never count). */
function sectionParts(template: Template, section: TemplateSection, answers: Record<string, Answer>): Part[] {
  const parts: Part[] = [];
  for (const item of section.items) {
    if (item.type === 'group' || !isItemVisible(item, answers)) continue;
    const options = itemOptions(template, item);
    const value = answers[item.id]?.value;
    if (!options || typeof value !== 'string') continue;
    const score = options.find((o) => o.value === value)?.score;
    if (score !== undefined) parts.push({ id: item.id, value, score, max: topScore(options) });
  }
  return parts;
}

/** What the section's answers suggest its rating should be. */
export function suggestSectionRating(
  template: Template,
  section: TemplateSection,
  answers: Record<string, Answer>,
): Suggestion {
  if (!section.rated) return NONE;
  const parts = sectionParts(template, section, answers);
  const scoring = template.scoring;
  if (scoring?.method === 'rules') {
    return scoring.section ? applyRule(template, scoring.section, parts, parts.length) : NONE;
  }
  return combine(template, parts);
}

/** An item's answer when the item is shown, else null. */
function shownAnswer(template: Template, answers: Record<string, Answer>, itemId: string): string | string[] | null {
  const item = template.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (!item || !isItemVisible(item, answers)) return null;
  return answers[itemId]?.value ?? null;
}

/**
 * What the section ratings given (overrides included) suggest the overall judgement should be.
 * `answers` are the record's answers, for templates whose limiters cap the overall by an answer
 * (CQC: a breach of regulation found); pass them wherever the record has them.
 */
export function suggestOverallRating(
  template: Template,
  sectionRatings: Record<string, string>,
  answers: Record<string, Answer> = {},
): Suggestion {
  if (!template.overall) return NONE;
  const top = topScore(template.ratingScale);
  const rated = template.sections.filter((s) => s.rated);
  const parts = rated.flatMap((s): Part[] => {
    const value = sectionRatings[s.id];
    const score = ratingScore(template, value);
    return score === null || value === undefined ? [] : [{ id: s.id, value, score, max: top }];
  });
  const scoring = template.scoring;
  if (scoring?.method === 'rules') {
    if (!scoring.overall) return NONE;
    const result = applyRule(template, scoring.overall, parts, rated.length);
    return applyLimiters(template, result, scoring.limiters ?? [], (id) => shownAnswer(template, answers, id));
  }
  return combine(template, parts);
}

/**
 * Problems with the ratings given against what the rules suggest: a rating that differs from the
 * suggestion needs an override naming that suggestion and a reason; a stale or needless override
 * is refused so the record never claims a suggestion the rules did not make.
 */
export function ratingIssues(
  template: Template,
  body: {
    answers: Record<string, Answer>;
    sectionRatings: Record<string, string>;
    overallRating?: string | null;
    ratingOverrides?: Record<string, RatingOverride>;
  },
): Issue[] {
  const issues: Issue[] = [];
  const overrides = body.ratingOverrides ?? {};
  const check = (key: string, title: string, given: string | null | undefined, suggestion: Suggestion) => {
    const override = overrides[key];
    const path = `ratingOverrides.${key}`;
    if (given == null || suggestion.rating === null || given === suggestion.rating) {
      if (override) issues.push({ path, message: `${title}: there is no suggested rating to override` });
      return;
    }
    if (!override)
      issues.push({ path, message: `${title}: give a reason for choosing a different rating from the suggested one` });
    else if (override.suggested !== suggestion.rating)
      issues.push({ path, message: `${title}: the suggested rating has changed; review the reason` });
  };
  for (const section of template.sections) {
    if (section.rated)
      check(
        section.id,
        section.title,
        body.sectionRatings[section.id],
        suggestSectionRating(template, section, body.answers),
      );
  }
  if (template.overall)
    check(
      OVERALL,
      template.overall.label,
      body.overallRating,
      suggestOverallRating(template, body.sectionRatings, body.answers),
    );
  for (const key of Object.keys(overrides)) {
    if (key !== OVERALL && !template.sections.some((s) => s.id === key && s.rated)) {
      issues.push({ path: `ratingOverrides.${key}`, message: `No rated section "${key}" in this template version` });
    }
  }
  return issues;
}
