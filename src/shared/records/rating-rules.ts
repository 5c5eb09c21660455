// The named aggregation rules a template picks and parameterises (templates/schema.ts
// `AggregationRule`), as pure functions over "parts": the scored answers of a section, or the
// section ratings given for the overall judgement. Each rule's parameters carry their source in
// the template; the rules themselves follow:
// - worst-of: the lowest part sets the result.
// - percentage-bands: CQC's key question scoring. "We calculate this as a percentage ... we divide
//   the total by the maximum possible score" (CQC, "How we reach a rating", Single Assessment
//   Framework); bands 25-38% Inadequate, 39-62% Requires improvement, 63-87% Good, 88-100%
//   Outstanding (docs/domain.md). CQC's worked example shows 11/16 as "69%", but its guidance does
//   not say in which band a non-whole percentage between two bands falls (62.5% lies between 62
//   and 63). We could not confirm the rule, so the safer, lower band is chosen: the exact
//   percentage must reach a band's lowest whole percentage (62.5% is Requires improvement, 87.5% is
//   Good, 38.5% is Inadequate).
// - limiting-judgement: the mean score rounded toward the lower rating, then capped: no better
//   than any critical part, no more than N bands above the worst part, and no better than any
//   count threshold reached (the safer rule where a seed is silent: one failing part can never sit
//   under a Green or Good result).
// - threshold-counts: the top rating unless a counted threshold is reached, each threshold with
//   its reason (QMF v3: seed 004 §7, §15-16, risk-based RAG).
// - cqc-rating-principles: "How we aggregate ratings using the rating principles: adult social
//   care services" (CQC, cqc.org.uk/guidance-providers/adult-social-care, updated 12 May 2022):
//   (1) a breach of regulations means the overall cannot be better than Requires improvement
//   (applied by a template limiter naming the item that records it); (2) the five key questions
//   weigh equally; (3) Outstanding normally needs at least two Outstanding and the other three
//   Good; (4) Good normally needs no Inadequate and no more than one Requires improvement; (5) two
//   or more Requires improvement normally give Requires improvement; (6) two or more Inadequate
//   normally give Inadequate. A single Inadequate is therefore Requires improvement at best: (4)
//   rules out Good and (3) Outstanding, and (6) needs two for Inadequate.
import type {
  AggregationRule,
  ChoiceOption,
  CountThreshold,
  CriticalPart,
  RatingLimiter,
  Template,
} from '../templates/schema';

/** One scored part: an answered item (section level) or a rated section (overall level). */
export type Part = {
  id: string;
  /** The answer's option value, or the section's rating. */
  value: string;
  score: number;
  /** The best score the part could have had. */
  max: number;
};

export type RuleResult = {
  /** The rating the rule gives, or null when nothing scored has been answered yet. */
  rating: string | null;
  /** For percentage rules, the percentage the rating came from (rounded down to one decimal place). */
  percentage: number | null;
  /** How many parts counted. */
  counted: number;
};

const EPSILON = 1e-9;

/** The scale's scored ratings, lowest score first. */
function ladder(template: Template): ChoiceOption[] {
  return template.ratingScale.filter((o) => o.score !== undefined).sort((a, b) => a.score! - b.score!);
}

/** The scale rating for a score: the highest-scoring rating at or below it (so halves round down). */
export function ratingForScore(template: Template, score: number): string {
  const scored = ladder(template).reverse();
  return (scored.find((o) => o.score! <= score + EPSILON) ?? scored[scored.length - 1]!).value;
}

function scoreOfRating(template: Template, rating: string): number | null {
  return template.ratingScale.find((o) => o.value === rating)?.score ?? null;
}

/** The lower of a score and a rating's score (a rating off the scale caps nothing). */
function capAt(template: Template, score: number, rating: string): number {
  const cap = scoreOfRating(template, rating);
  return cap === null ? score : Math.min(score, cap);
}

const NOTHING: RuleResult = { rating: null, percentage: null, counted: 0 };

/** The parameters of the rule named `K`. */
type RuleOf<K extends AggregationRule['rule']> = Extract<AggregationRule, { rule: K }>;

/** The result of a rule that ends on a score: the scale rating for it, over all the parts. */
const byScore = (template: Template, score: number, parts: Part[]): RuleResult => ({
  rating: ratingForScore(template, score),
  percentage: null,
  counted: parts.length,
});

export function worstOf(template: Template, parts: Part[]): RuleResult {
  if (parts.length === 0) return NOTHING;
  return byScore(template, Math.min(...parts.map((p) => p.score)), parts);
}

/** The band a percentage reaches: the band with the highest start at or below it (exactly, no rounding up). */
export function bandFor(bands: Array<{ from: number; rating: string }>, percentage: number): string | null {
  const sorted = [...bands].sort((a, b) => b.from - a.from);
  return sorted.find((b) => b.from <= percentage + EPSILON)?.rating ?? null;
}

export function percentageBands(parts: Part[], bands: Array<{ from: number; rating: string }>): RuleResult {
  if (parts.length === 0) return NOTHING;
  const total = parts.reduce((sum, p) => sum + p.score, 0);
  const max = parts.reduce((sum, p) => sum + p.max, 0);
  const exact = (100 * total) / max;
  return {
    rating: bandFor(bands, exact),
    percentage: Math.floor(exact * 10 + EPSILON) / 10,
    counted: parts.length,
  };
}

export function limitingJudgement(template: Template, parts: Part[], rule: RuleOf<'limiting-judgement'>): RuleResult {
  if (parts.length === 0) return NOTHING;
  const steps = ladder(template);
  const mean = parts.reduce((sum, p) => sum + p.score, 0) / parts.length;
  let score = steps.find((o) => o.value === ratingForScore(template, mean))!.score!;
  if (rule.maxBandsAboveWorst !== undefined) {
    const worst = ratingForScore(template, Math.min(...parts.map((p) => p.score)));
    const at = steps.findIndex((o) => o.value === worst);
    score = Math.min(score, steps[Math.min(at + rule.maxBandsAboveWorst, steps.length - 1)]!.score!);
  }
  for (const critical of rule.critical ?? []) {
    const part = parts.find((p) => p.id === critical.id);
    if (part) score = Math.min(score, part.score);
  }
  return byScore(template, capByThresholds(template, score, parts, rule.thresholds ?? [], rule.critical ?? []), parts);
}

/** A score capped by every threshold its parts reach. */
function capByThresholds(
  template: Template,
  score: number,
  parts: Part[],
  thresholds: CountThreshold[],
  critical: CriticalPart[],
): number {
  const criticalIds = new Set(critical.map((c) => c.id));
  for (const threshold of thresholds) {
    const count = parts.filter(
      (p) => threshold.answers.includes(p.value) && (!threshold.criticalOnly || criticalIds.has(p.id)),
    ).length;
    if (count >= threshold.atLeast) score = capAt(template, score, threshold.atBest);
  }
  return score;
}

export function thresholdCounts(template: Template, parts: Part[], rule: RuleOf<'threshold-counts'>): RuleResult {
  if (parts.length === 0) return NOTHING;
  const score = capByThresholds(template, ladder(template).at(-1)!.score!, parts, rule.thresholds, rule.critical ?? []);
  return byScore(template, score, parts);
}

/**
 * CQC's rating principles over the key question ratings given. `expected` is how many key
 * questions the template rates: Outstanding needs every one of them rated (principle 3 asks for
 * "three key questions rated as good" beside the two Outstanding), so a partial set is Good at best.
 */
export function cqcRatingPrinciples(
  parts: Part[],
  rule: RuleOf<'cqc-rating-principles'>,
  expected: number,
): RuleResult {
  if (parts.length === 0) return NOTHING;
  const { outstanding, good, requiresImprovement, inadequate } = rule.ratings;
  const count = (rating: string) => parts.filter((p) => p.value === rating).length;
  const result = (rating: string): RuleResult => ({ rating, percentage: null, counted: parts.length });
  if (count(inadequate) >= 2) return result(inadequate); // principle 6
  if (count(inadequate) === 1) return result(requiresImprovement); // principles 3, 4 and 6
  if (count(requiresImprovement) >= 2) return result(requiresImprovement); // principle 5
  if (count(requiresImprovement) === 0 && count(outstanding) >= 2 && parts.length >= expected)
    return result(outstanding); // principle 3
  return result(good); // principle 4
}

/** A rule over parts; `expected` is how many parts the rule could have seen (all rated sections, at overall level). */
export function applyRule(template: Template, rule: AggregationRule, parts: Part[], expected: number): RuleResult {
  switch (rule.rule) {
    case 'worst-of':
      return worstOf(template, parts);
    case 'percentage-bands':
      return percentageBands(parts, rule.bands);
    case 'limiting-judgement':
      return limitingJudgement(template, parts, rule);
    case 'threshold-counts':
      return thresholdCounts(template, parts, rule);
    case 'cqc-rating-principles':
      return cqcRatingPrinciples(parts, rule, expected);
  }
}

/**
 * Caps a rating by the limiters whose item is answered one of their values (`answered` gives an
 * item's answer when it is shown, null otherwise). Nothing to cap when there is no rating.
 */
export function applyLimiters(
  template: Template,
  result: RuleResult,
  limiters: RatingLimiter[],
  answered: (itemId: string) => string | string[] | null,
): RuleResult {
  if (result.rating === null) return result;
  let score = scoreOfRating(template, result.rating);
  if (score === null) return result;
  for (const limiter of limiters) {
    const answer = answered(limiter.item);
    const values = answer === null ? [] : Array.isArray(answer) ? answer : [answer];
    if (values.some((v) => limiter.in.includes(v))) score = capAt(template, score, limiter.atBest);
  }
  return { ...result, rating: ratingForScore(template, score) };
}
