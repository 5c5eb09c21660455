// Every built-in template is well formed on its own terms: it parses with the shared schema, its
// ids are unique across the whole template (group children included), every show-if names an
// earlier item and values that item can take, and it passes the shared template rules.
import { describe, expect, it } from 'vitest';
import { Template, type TemplateItem } from '../../../src/shared/templates/schema';
import { validateTemplate } from '../../../src/shared/templates/template-rules';
import { builtInTemplates, findBuiltInTemplate } from '../../../src/shared/templates/index';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every item in document order, group children straight after their group. */
const allItems = (t: Template): TemplateItem[] =>
  t.sections.flatMap((s) => s.items.flatMap((i) => [i, ...((i.items ?? []) as TemplateItem[])]));

/** The values an item's answer can take, or null for free-form items. */
function values(t: Template, item: TemplateItem): string[] | null {
  if (item.type === 'yes-no') return ['yes', 'no'];
  if (item.type === 'rating') return t.ratingScale.map((o) => o.value);
  if (item.type === 'choice') return (item.options ?? t.responseOptions).map((o) => o.value);
  if (item.type === 'multi-choice') return (item.options ?? []).map((o) => o.value);
  return null;
}

it('the list holds each template once, and findBuiltInTemplate finds each by id and version', () => {
  const keys = builtInTemplates.map((t) => `${t.id}@${t.version}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toEqual(
    expect.arrayContaining([
      'qmf-care-home@1',
      'qmf-care-home@2',
      'observation-home-visit@1',
      'observation-case-conference@1',
      'case-file-audit@1',
      'cqc-saf-provider@1',
    ]),
  );
  for (const t of builtInTemplates) expect(findBuiltInTemplate(t.id, t.version)).toBe(t);
});

describe.each(builtInTemplates.map((t) => [`${t.id} v${t.version}`, t] as const))('%s', (_name, template) => {
  it('parses with the shared schema', () => {
    const parsed = Template.safeParse(template);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it('passes the shared template rules', () => {
    expect(validateTemplate(template)).toEqual([]);
  });

  it('uses each id once: sections, items and group children, and option values within each list', () => {
    const sectionIds = template.sections.map((s) => s.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    const ids = allItems(template).map((i) => i.id);
    expect(ids.filter((id, n) => ids.indexOf(id) !== n)).toEqual([]);
    for (const id of [...sectionIds, ...ids]) expect(id.length <= 80 && SLUG.test(id), id).toBe(true);
    const lists = [
      template.responseOptions,
      template.ratingScale,
      template.evidenceCategories ?? [],
      ...allItems(template).map((i) => i.options ?? []),
    ];
    for (const list of lists) expect(new Set(list.map((o) => o.value)).size).toBe(list.length);
  });

  it('shows items conditionally only on an earlier item, in the same group, and on values it can take', () => {
    const check = (items: TemplateItem[]) => {
      items.forEach((item, n) => {
        if (!item.showIf) return;
        const target = items.slice(0, n).find((i) => i.id === item.showIf!.item);
        expect(target, `${item.id} shows if ${item.showIf.item}`).toBeDefined();
        const allowed = values(template, target!);
        expect(allowed, `${item.id}: ${target!.id} has options`).not.toBeNull();
        for (const v of item.showIf.in) expect(allowed, `${item.id} shows if ${target!.id} is ${v}`).toContain(v);
      });
    };
    check(template.sections.flatMap((s) => s.items));
    for (const group of allItems(template).filter((i) => i.type === 'group'))
      check((group.items ?? []) as TemplateItem[]);
  });

  it('scores fit the rule: a scored scale, scored choices in rated sections, groups with a row label and no nesting', () => {
    const method = template.scoring?.method ?? 'none';
    if (method !== 'none') expect(template.ratingScale.every((o) => typeof o.score === 'number')).toBe(true);
    for (const item of allItems(template)) {
      if (item.type === 'group') {
        expect(item.rowLabel, item.id).toBeTruthy();
        expect((item.items ?? []).length, item.id).toBeGreaterThan(0);
        expect(
          (item.items ?? []).some((c) => c.type === 'group'),
          item.id,
        ).toBe(false);
      } else {
        expect(item.items, item.id).toBeUndefined();
      }
      if ((item.type === 'choice' && item.options) || item.type === 'multi-choice')
        expect((item.options ?? []).length, item.id).toBeGreaterThanOrEqual(2);
      if (item.evidenceCategory)
        expect(template.evidenceCategories?.map((c) => c.value)).toContain(item.evidenceCategory);
    }
    for (const section of template.sections.filter((s) => s.rated && method !== 'none')) {
      const scored = section.items.filter(
        (i) => i.type === 'rating' || (i.type === 'choice' && (values(template, i) ?? []).length > 0),
      );
      expect(scored.length, section.id).toBeGreaterThan(0);
    }
    for (const band of template.scoring?.bands ?? [])
      expect(template.ratingScale.map((o) => o.value)).toContain(band.rating);
    for (const option of template.ratingScale) expect((option.hint ?? '').length).toBeLessThanOrEqual(2000);
  });
});
