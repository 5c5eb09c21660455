// What makes a template usable beyond its shape (which zod checks): ids unique across the whole
// template, show-if conditions that name an earlier item and values it can take, ratings and
// scores that fit the scale, groups that hold items and do not nest. The server refuses to
// publish a template with any of these problems, and every message names the item.
import type { Issue } from '../sync/schema';
import type { AggregationRule, ChoiceOption, CountThreshold, CriticalPart, Template, TemplateItem } from './schema';

const YES_NO_OPTIONS: ChoiceOption[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** The options an item's answer is chosen from, or null for items answered in free form. */
export function itemOptions(template: Template, item: Pick<TemplateItem, 'type' | 'options'>): ChoiceOption[] | null {
  switch (item.type) {
    case 'choice':
      return item.options ?? template.responseOptions;
    case 'multi-choice':
      return item.options ?? [];
    case 'rating':
      return template.ratingScale;
    case 'yes-no':
      return YES_NO_OPTIONS;
    default:
      return null;
  }
}

function duplicateValues(options: ChoiceOption[]): string[] {
  const seen = new Set<string>();
  return options.flatMap((o) => (seen.has(o.value) ? [o.value] : (seen.add(o.value), [])));
}

export function validateTemplate(template: Template): Issue[] {
  const issues: Issue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  const scoring = template.scoring?.method ?? 'none';
  const scale = new Set(template.ratingScale.map((o) => o.value));
  const categories = new Set((template.evidenceCategories ?? []).map((c) => c.value));
  if (template.serviceTypes !== undefined) {
    if (template.subject !== 'provider')
      problem('serviceTypes', 'Only a provider template says which services it suits');
    if (new Set(template.serviceTypes).size !== template.serviceTypes.length)
      problem('serviceTypes', 'A service type is listed twice');
  }

  for (const [name, list] of [
    ['responseOptions', template.responseOptions],
    ['ratingScale', template.ratingScale],
  ] as const) {
    for (const value of duplicateValues(list)) problem(name, `The option "${value}" is listed twice in ${name}`);
  }
  if (scoring !== 'none' && template.ratingScale.some((o) => o.score === undefined)) {
    problem('ratingScale', `Scoring "${scoring}" needs a score on every rating in the scale`);
  }
  if (scoring === 'percentage-bands') {
    const bands = template.scoring?.bands ?? [];
    if (bands.length === 0) problem('scoring.bands', 'Percentage scoring needs bands');
    for (const band of bands) {
      if (!scale.has(band.rating))
        problem(
          'scoring.bands',
          `The band from ${band.from}% gives "${band.rating}", which is not on the rating scale`,
        );
    }
    if (bands.length > 0 && !bands.some((b) => b.from === 0))
      problem('scoring.bands', 'The lowest band must start at 0%');
  }

  const seen = new Set<string>();
  const checkItem = (item: TemplateItem, where: string, earlier: Map<string, TemplateItem>, inGroup: boolean) => {
    const path = `${where}.${item.id}`;
    const name = `Item "${item.id}"`;
    if (seen.has(item.id)) problem(path, `${name}: the id is used more than once in this template`);
    seen.add(item.id);
    const own = item.options ?? [];
    for (const value of duplicateValues(own)) problem(path, `${name}: the option "${value}" is listed twice`);
    if ((item.type === 'choice' && item.options !== undefined) || item.type === 'multi-choice') {
      if (own.length < 2) problem(path, `${name}: a ${item.type} item needs at least two options`);
    }
    if (item.type === 'rating' && scoring !== 'none' && template.ratingScale.some((o) => o.score === undefined)) {
      problem(path, `${name}: rated on a scale without scores`);
    }
    if (item.evidenceCategory !== undefined && !categories.has(item.evidenceCategory)) {
      problem(path, `${name}: evidence category "${item.evidenceCategory}" is not one of this template's categories`);
    }
    if (item.type === 'number' && item.min !== undefined && item.max !== undefined && item.min > item.max) {
      problem(path, `${name}: the minimum is above the maximum`);
    }
    for (const value of item.noteOptionalFor ?? []) {
      const options = itemOptions(template, item);
      if (options && !options.some((o) => o.value === value))
        problem(path, `${name}: "${value}" in noteOptionalFor is not one of its options`);
    }
    if (item.showIf) {
      const target = earlier.get(item.showIf.item);
      if (!target) {
        problem(
          path,
          `${name}: show-if names "${item.showIf.item}", which is not an earlier item${inGroup ? ' in the same group' : ''}`,
        );
      } else {
        const options = itemOptions(template, target);
        if (!options) problem(path, `${name}: show-if names "${target.id}", which has no options to compare`);
        else
          for (const value of item.showIf.in) {
            if (!options.some((o) => o.value === value))
              problem(path, `${name}: show-if value "${value}" is not an option of "${target.id}"`);
          }
      }
    }
    const group = item as TemplateItem;
    if (item.type === 'group') {
      if (inGroup) problem(path, `${name}: groups cannot be inside groups`);
      if (!group.items || group.items.length === 0) problem(path, `${name}: a group needs items`);
      if (!group.rowLabel) problem(path, `${name}: a group needs a row label`);
      if (group.minRows !== undefined && group.maxRows !== undefined && group.minRows > group.maxRows) {
        problem(path, `${name}: minimum rows is above maximum rows`);
      }
      const siblings = new Map<string, TemplateItem>();
      for (const child of group.items ?? []) {
        checkItem(child as TemplateItem, path, siblings, true);
        siblings.set(child.id, child as TemplateItem);
      }
    } else if (group.items !== undefined || group.rowLabel !== undefined) {
      problem(path, `${name}: only group items have child items and a row label`);
    }
  };

  const sectionIds = new Set<string>();
  const earlier = new Map<string, TemplateItem>();
  for (const section of template.sections) {
    if (sectionIds.has(section.id))
      problem(`sections.${section.id}`, `Section "${section.id}": the id is used more than once`);
    sectionIds.add(section.id);
    for (const item of section.items) {
      checkItem(item, `sections.${section.id}`, earlier, false);
      earlier.set(item.id, item);
    }
  }
  issues.push(...ruleIssues(template));
  return issues;
}

/**
 * The named rules' parameters (method "rules"): each rule fits its level, names ratings on the
 * scale, critical parts that exist (items scored in a rated section, or rated sections), answer
 * values the section's items can take, bands that start at 0%, and limiters on shown choices.
 */
function ruleIssues(template: Template): Issue[] {
  const scoring = template.scoring;
  if (scoring?.method !== 'rules') {
    if (scoring?.section || scoring?.overall || scoring?.limiters)
      return [
        { path: 'scoring', message: `Named rules and limiters need the method "rules", not "${scoring.method}"` },
      ];
    return [];
  }
  const issues: Issue[] = [];
  const problem = (path: string, message: string) => issues.push({ path, message });
  const scale = template.ratingScale.map((o) => o.value);
  const onScale = (path: string, rating: string, what: string) => {
    if (!scale.includes(rating)) problem(path, `${what} gives "${rating}", which is not on the rating scale`);
  };
  const rated = template.sections.filter((s) => s.rated);
  const scoredItems = new Map<string, ChoiceOption[]>();
  for (const item of rated.flatMap((s) => s.items)) {
    const options = item.type === 'group' ? null : itemOptions(template, item);
    if (options?.some((o) => o.score !== undefined)) scoredItems.set(item.id, options);
  }
  const answerValues = new Set([...scoredItems.values()].flat().map((o) => o.value));

  const checkThresholds = (
    thresholds: CountThreshold[],
    critical: CriticalPart[],
    level: 'section' | 'overall',
    path: string,
  ) => {
    const counted = level === 'section' ? answerValues : new Set(scale);
    thresholds.forEach((t, n) => {
      onScale(path, t.atBest, `Threshold ${n + 1}`);
      for (const value of t.answers)
        if (!counted.has(value))
          problem(
            path,
            `Threshold ${n + 1} counts "${value}", which ${level === 'section' ? 'no scored item offers' : 'is not on the rating scale'}`,
          );
      if (t.criticalOnly && critical.length === 0)
        problem(path, `Threshold ${n + 1} counts critical parts only, but the rule names none`);
    });
  };

  const checkRule = (rule: AggregationRule, level: 'section' | 'overall') => {
    const path = `scoring.${level}`;
    const partName = level === 'section' ? 'a scored item in a rated section' : 'a rated section';
    const isPart = (id: string) => (level === 'section' ? scoredItems.has(id) : rated.some((s) => s.id === id));
    if ('critical' in rule) {
      for (const critical of rule.critical ?? [])
        if (!isPart(critical.id)) problem(path, `The critical part "${critical.id}" is not ${partName}`);
    }
    switch (rule.rule) {
      case 'percentage-bands': {
        for (const band of rule.bands) onScale(path, band.rating, `The band from ${band.from}%`);
        if (!rule.bands.some((b) => b.from === 0)) problem(path, 'The lowest band must start at 0%');
        const starts = rule.bands.map((b) => b.from);
        if (new Set(starts).size !== starts.length) problem(path, 'Two bands start at the same percentage');
        break;
      }
      case 'limiting-judgement':
        if (rule.maxBandsAboveWorst !== undefined && rule.maxBandsAboveWorst >= scale.length)
          problem(path, `${rule.maxBandsAboveWorst} bands above the worst part is more than the scale has`);
        checkThresholds(rule.thresholds ?? [], rule.critical ?? [], level, path);
        break;
      case 'threshold-counts':
        checkThresholds(rule.thresholds, rule.critical ?? [], level, path);
        break;
      case 'cqc-rating-principles': {
        if (level !== 'overall')
          problem(path, "CQC's rating principles combine key question ratings into the overall, not a section");
        const { outstanding, good, requiresImprovement, inadequate } = rule.ratings;
        const order = [outstanding, good, requiresImprovement, inadequate];
        order.forEach((r) => onScale(path, r, "CQC's rating principles"));
        const scores = order.map((r) => template.ratingScale.find((o) => o.value === r)?.score ?? NaN);
        if (new Set(order).size !== 4 || !scores.every((sc, n) => n === 0 || sc < scores[n - 1]!))
          problem(path, "CQC's four ratings must be different ratings, scored from Outstanding down to Inadequate");
        break;
      }
      case 'worst-of':
        break;
    }
  };

  if (rated.length > 0 && !scoring.section) problem('scoring.section', 'The rules need a section rule');
  if (scoring.section) checkRule(scoring.section, 'section');
  if (template.overall && !scoring.overall) problem('scoring.overall', 'The rules need an overall rule');
  if (scoring.overall) checkRule(scoring.overall, 'overall');
  const items = template.sections.flatMap((s) => s.items);
  for (const limiter of scoring.limiters ?? []) {
    const path = 'scoring.limiters';
    onScale(path, limiter.atBest, `The limiter on "${limiter.item}"`);
    const item = items.find((i) => i.id === limiter.item);
    const options = item && item.type !== 'group' ? itemOptions(template, item) : null;
    if (!options) problem(path, `The limiter names "${limiter.item}", which is not an item with options`);
    else
      for (const value of limiter.in)
        if (!options.some((o) => o.value === value))
          problem(path, `The limiter's value "${value}" is not an option of "${limiter.item}"`);
  }
  return issues;
}

/**
 * Whether an item is shown, given the answers around it (the record's answers, or a group row's):
 * an item with a show-if is shown only when that item's answer is, or includes, one of its values.
 */
export function isItemVisible(
  item: Pick<TemplateItem, 'showIf'>,
  answers: Record<string, { value: string | string[] | null } | undefined>,
): boolean {
  if (!item.showIf) return true;
  const value = answers[item.showIf.item]?.value ?? null;
  if (value === null) return false;
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => item.showIf!.in.includes(v));
}
