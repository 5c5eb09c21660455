// Item scores to section ratings to an overall judgement, by the template's rule (templates/schema.ts
// `Scoring`). Pure and shared: the app shows the suggestion live, the server recomputes it and
// refuses a record whose stated suggestion differs or whose override has no written reason.
// Hidden items (show-if not met) and items inside repeating groups never count.
import { isItemVisible, itemOptions } from '../templates/template-rules';
import { type Answer, OVERALL, type RatingOverride } from './schema';
import { type Issue } from '../sync/schema';
import { type ChoiceOption, type Template, type TemplateSection } from '../templates/schema';

export type Suggestion = {
  /** The rating the rule gives, or null when nothing scored has been answered yet. */
  rating: string | null;
  /** For percentage scoring, the whole percentage the rating came from. */
  percentage: number | null;
  /** How many answers counted. */
  counted: number;
};

const NONE: Suggestion = { rating: null, percentage: null, counted: 0 };

const topScore = (options: ChoiceOption[]) => Math.max(...options.map((o) => o.score ?? -Infinity));

/** The scale rating for a score: the highest-scoring rating at or below it (so halves round down). */
function ratingForScore(template: Template, score: number): string {
  const scored = template.ratingScale.filter((o) => o.score !== undefined).sort((a, b) => b.score! - a.score!);
  return (scored.find((o) => o.score! <= score + 1e-9) ?? scored[scored.length - 1]!).value;
}

export function ratingScore(template: Template, rating: string | undefined | null): number | null {
  return template.ratingScale.find((o) => o.value === rating)?.score ?? null;
}

/** The band for a whole percentage: the band with the highest start at or below it. */
function ratingForPercentage(template: Template, percentage: number): string | null {
  const bands = [...(template.scoring?.bands ?? [])].sort((a, b) => b.from - a.from);
  return bands.find((b) => b.from <= percentage)?.rating ?? null;
}

/** Scores and their maxima from a list of (score, best possible) pairs, by the template's rule. */
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

/** What the section's answers suggest its rating should be. */
export function suggestSectionRating(
  template: Template,
  section: TemplateSection,
  answers: Record<string, Answer>,
): Suggestion {
  if (!section.rated) return NONE;
  const scores: Array<{ score: number; max: number }> = [];
  for (const item of section.items) {
    if (item.type === 'group' || !isItemVisible(item, answers)) continue;
    const options = itemOptions(template, item);
    const value = answers[item.id]?.value;
    if (!options || typeof value !== 'string') continue;
    const score = options.find((o) => o.value === value)?.score;
    if (score !== undefined) scores.push({ score, max: topScore(options) });
  }
  return combine(template, scores);
}

/** What the section ratings given (overrides included) suggest the overall judgement should be. */
export function suggestOverallRating(template: Template, sectionRatings: Record<string, string>): Suggestion {
  if (!template.overall) return NONE;
  const top = topScore(template.ratingScale);
  const scores = template.sections.flatMap((s) => {
    const score = s.rated ? ratingScore(template, sectionRatings[s.id]) : null;
    return score === null ? [] : [{ score, max: top }];
  });
  return combine(template, scores);
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
    check(OVERALL, template.overall.label, body.overallRating, suggestOverallRating(template, body.sectionRatings));
  for (const key of Object.keys(overrides)) {
    if (key !== OVERALL && !template.sections.some((s) => s.id === key && s.rated)) {
      issues.push({ path: `ratingOverrides.${key}`, message: `No rated section "${key}" in this template version` });
    }
  }
  return issues;
}
