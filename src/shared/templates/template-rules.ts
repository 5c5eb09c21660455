// What makes a template usable beyond its shape (which zod checks): ids unique across the whole
// template, show-if conditions that name an earlier item and values it can take, ratings and
// scores that fit the scale, groups that hold items and do not nest. The server refuses to
// publish a template with any of these problems, and every message names the item.
import type { Issue } from '../sync/schema';
import type { ChoiceOption, Template, TemplateItem } from './schema';

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
